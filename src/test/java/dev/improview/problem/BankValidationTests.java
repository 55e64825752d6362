package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole built-in bank, validated through the real sandbox: a problem that fails validation
 * fails the build. Also holds the bank to its promised shape (coverage of categories and
 * difficulties, test and hint counts).
 *
 * <p>While writing bank problems, {@code -Dimproview.bank.only=id1,id2} validates only those and
 * prints each one's checks and figures; the build always validates them all.
 */
@SpringBootTest
class BankValidationTests {

  /** The ids to validate when set (comma-separated), for authors working on a few problems. */
  static final String ONLY = "improview.bank.only";

  @Autowired ProblemCatalog catalog;
  @Autowired ProblemValidator validator;

  @Test
  void everyBankProblemPassesValidationInTheSandbox() {
    var failures = new ArrayList<String>();
    var only = Arrays.stream(System.getProperty(ONLY, "").split(",")).filter(s -> !s.isBlank());
    var ids =
        System.getProperty(ONLY, "").isBlank()
            ? catalog.list(null, null).stream().map(ProblemSummary::id).toList()
            : only.map(String::strip).toList();
    var reports = new ArrayList<ValidationReport>();
    for (var id : ids) {
      var problem =
          catalog.find(id).orElseThrow(() -> new AssertionError("no bank problem " + id)).problem();
      var report = validator.validate(problem);
      reports.add(report);
      // Every bank problem is proven in full: stress-checked, wrong solutions planted, mutated.
      if (!report.stressChecked()
          || report.figures().wrongSolutionsTotal() < Problem.MIN_WRONG_SOLUTIONS
          || !report
              .check("mutation")
              .map(c -> c.status() == ValidationReport.Status.PASSED)
              .orElse(false)) {
        failures.add(problem.id() + " is not proven in full: " + report.figures());
      }
      if (!System.getProperty(ONLY, "").isBlank()) {
        System.out.println(id + ": " + report.figures() + " limits " + report.timeLimitMillis());
        report.checks().forEach(c -> System.out.println("  " + c));
      }
      if (!report.passed()) {
        report.checks().stream()
            .filter(c -> c.status() == ValidationReport.Status.FAILED)
            .forEach(c -> failures.add(problem.id() + " " + c.name() + ": " + c.failures()));
      }
    }
    printBenchmark(reports);
    assertThat(failures).as("bank problems failing validation").isEmpty();
  }

  /**
   * The validation benchmark: wall time of one problem's whole validation, median and p95 over the
   * problems validated, and each step's share of the total (figures in docs/benchmarks.md).
   */
  static void printBenchmark(java.util.List<ValidationReport> reports) {
    if (reports.isEmpty()) {
      return;
    }
    var millis = reports.stream().mapToLong(r -> r.figures().validationMillis()).sorted().toArray();
    long total = Arrays.stream(millis).sum();
    var steps = new java.util.LinkedHashMap<String, Long>();
    reports.forEach(
        r -> r.figures().stepMillis().forEach((step, ms) -> steps.merge(step, ms, Long::sum)));
    var shares = new StringBuilder();
    steps.forEach(
        (step, ms) ->
            shares.append(
                String.format(java.util.Locale.ROOT, " %s %.0f%%", step, 100.0 * ms / total)));
    System.out.printf(
        java.util.Locale.ROOT,
        "validation benchmark: %d problems, median %d ms, p95 %d ms, max %d ms; share:%s%n",
        millis.length,
        millis[(millis.length - 1) / 2],
        millis[(int) Math.ceil(0.95 * millis.length) - 1],
        millis[millis.length - 1],
        shares);
  }

  @Test
  void theBankCoversEveryCategoryAndDifficulty() {
    var summaries = catalog.list(null, null);
    assertThat(summaries).hasSizeGreaterThanOrEqualTo(45);
    // At least four per category, and every category has easy, medium and hard ones.
    var byCategory =
        summaries.stream()
            .collect(
                Collectors.groupingBy(
                    ProblemSummary::category,
                    Collectors.mapping(ProblemSummary::difficulty, Collectors.toList())));
    for (var category : Category.values()) {
      var difficulties = byCategory.getOrDefault(category, List.of());
      assertThat(difficulties).as(category.id()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(Set.copyOf(difficulties))
          .as(category.id() + " difficulties")
          .containsExactlyInAnyOrder(Difficulty.values());
    }
    var byDifficulty =
        summaries.stream()
            .collect(Collectors.groupingBy(ProblemSummary::difficulty, Collectors.counting()));
    Arrays.stream(Difficulty.values())
        .forEach(
            d ->
                assertThat(byDifficulty.getOrDefault(d, 0L)).as(d.id()).isGreaterThanOrEqualTo(12));
  }

  @Test
  void everyBankProblemHasEnoughTestsAndHints() {
    for (var summary : catalog.list(null, null)) {
      var problem = catalog.find(summary.id()).orElseThrow().problem();
      assertThat(problem.publicTests().size()).as(problem.id() + " public tests").isBetween(3, 5);
      assertThat(problem.hiddenTests().size())
          .as(problem.id() + " hidden tests")
          .isGreaterThanOrEqualTo(10);
      assertThat(problem.hints().size()).as(problem.id() + " hints").isBetween(2, 3);
    }
  }
}
