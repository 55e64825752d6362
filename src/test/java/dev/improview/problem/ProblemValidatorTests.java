package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each validation step of format v2 can fail, in the real sandbox: the worked example
 * (first-repeated-badge-scan) passes them all, and a copy with one thing broken fails the step that
 * should catch it, with a message that says what.
 */
@SpringBootTest
class ProblemValidatorTests {

  @Autowired ProblemValidator validator;
  @Autowired ProblemFormat format;
  @Autowired JsonMapper json;

  ObjectNode workedExample() throws IOException {
    try (var in =
        getClass().getResourceAsStream("/bank/arrays-hashing/first-repeated-badge-scan.json")) {
      return (ObjectNode) json.readTree(in);
    }
  }

  ValidationReport validate(ObjectNode document) {
    return validator.validate(format.parse(document));
  }

  static ValidationReport.Check check(ValidationReport report, String name) {
    return report.check(name).orElseThrow(() -> new AssertionError("no check " + name));
  }

  @Test
  void theWorkedExamplePassesEveryStep() throws IOException {
    var report = validate(workedExample());
    System.out.println(
        "first-repeated-badge-scan validated in "
            + report.figures().validationMillis()
            + " ms: "
            + report.figures());
    assertThat(report.checks())
        .extracting(ValidationReport.Check::name)
        .containsExactly(
            "input-validator",
            "reference-javascript",
            "reference-python",
            "reference-java",
            "examples",
            "stress",
            "wrong-solutions",
            "time-limits");
    assertThat(report.checks())
        .allSatisfy(
            c ->
                assertThat(c.status())
                    .as(c.name() + ": " + c.detail() + " " + c.failures())
                    .isEqualTo(ValidationReport.Status.PASSED));
    assertThat(report.passed()).isTrue();
    assertThat(report.stressChecked()).isTrue();
    assertThat(report.figures().stressInputs()).isEqualTo(200);
    assertThat(report.figures().wrongSolutionsCaught()).isEqualTo(6);
    assertThat(report.figures().wrongSolutionsTotal()).isEqualTo(6);
    assertThat(check(report, "stress").detail())
        .isEqualTo("the brute force and all 3 references agree on 200 generated small inputs");
  }

  @Test
  void aValidatorThatRejectsItsOwnHiddenTestFailsTheFirstStep() throws IOException {
    var document = workedExample();
    document.remove("bruteForce");
    document.remove("wrongSolutions");
    ((ObjectNode) document.get("inputValidator"))
        .put(
            "code",
            """
            def validate(scans):
                if len(scans) > 10**4:
                    raise ValueError("breaks the constraint `scans.length <= 10^4`: scans has "
                                     + str(len(scans)) + " elements")
            """);
    var report = validate(document);
    var check = check(report, "input-validator");
    assertThat(check.status()).isEqualTo(ValidationReport.Status.FAILED);
    assertThat(check.failures())
        .containsExactly(
            "hiddenTests[11] breaks the constraint `scans.length <= 10^4`: scans has 35001 elements",
            "hiddenTests[12] breaks the constraint `scans.length <= 10^4`: scans has 15000 elements");
    assertThat(report.passed()).isFalse();
  }

  @Test
  void aBruteForceThatDisagreesOnARareInputIsReportedWithTheSmallestFailingInput()
      throws IOException {
    var document = workedExample();
    document.remove("wrongSolutions");
    // Python's truthiness: a flagged badge 0 reads as "none", so only inputs whose answer is 0
    // fail.
    ((ObjectNode) document.get("bruteForce"))
        .put(
            "code",
            """
            def first_repeated_badge(scans):
                for later in range(len(scans)):
                    for earlier in range(later):
                        if scans[earlier] == scans[later]:
                            return scans[later] or -1
                return -1
            """);
    var report = validate(document);
    var check = check(report, "stress");
    assertThat(check.status()).isEqualTo(ValidationReport.Status.FAILED);
    assertThat(check.failures()).isNotEmpty().hasSizeLessThan(200);
    // Ordered smallest first by the length of the input's JSON, and the detail leads with it.
    var lengths =
        check.failures().stream().map(f -> f.substring(0, f.indexOf(" (seed")).length()).toList();
    assertThat(lengths).isSorted();
    assertThat(check.detail()).contains("the smallest: " + check.failures().get(0));
    assertThat(check.failures().get(0))
        .contains("the brute force returned -1, the javascript reference 0")
        .contains("the brute force returned -1, the java reference 0");
    assertThat(report.figures().stressInputs()).isEqualTo(200 - check.failures().size());
    assertThat(report.stressChecked()).isFalse();
    assertThat(report.passed()).isFalse();
  }

  @Test
  void hiddenTestsThatMissAnOffByOneFailTheWrongSolutionsStep() throws IOException {
    var document = workedExample();
    document.remove("bruteForce");
    // Keep only the hidden tests whose answer is not the first scan: the off-by-one passes those.
    var hidden = (ArrayNode) document.get("hiddenTests");
    for (int i = hidden.size() - 1; i >= 0; i--) {
      var test = hidden.get(i);
      if (test.get("expected").equals(test.get("args").get(0).get(0))) {
        hidden.remove(i);
      }
    }
    var report = validate(document);
    var check = check(report, "wrong-solutions");
    assertThat(check.status()).isEqualTo(ValidationReport.Status.FAILED);
    assertThat(check.failures())
        .containsExactly(
            "wrongSolutions[1] (javascript, wrong-answer: off by one: the loop starts at index 1,"
                + " so the first scan is never remembered): passes every hidden test: the hidden"
                + " tests miss this mistake");
    assertThat(check.detail()).startsWith("5/6 wrong solutions caught by the hidden tests");
    assertThat(report.figures().wrongSolutionsCaught()).isEqualTo(5);
    assertThat(report.passed()).isFalse();
  }

  @Test
  void aTooSlowSolutionThatPassesFailsTheWrongSolutionsStep() throws IOException {
    var document = workedExample();
    document.remove("bruteForce");
    var hidden = (ArrayNode) document.get("hiddenTests");
    for (int i = hidden.size() - 1; i >= 0; i--) {
      if (hidden.get(i).get("args").get(0).size() > 1000) {
        hidden.remove(i);
      }
    }
    var report = validate(document);
    var check = check(report, "wrong-solutions");
    assertThat(check.status()).isEqualTo(ValidationReport.Status.FAILED);
    assertThat(check.failures()).hasSize(1);
    assertThat(check.failures().get(0))
        .startsWith("wrongSolutions[5] (python, too-slow: the naive O(n^2)")
        .contains("passes every hidden test within the 1000 ms limit");
    assertThat(report.passed()).isFalse();
  }

  @Test
  void aVersion1ProblemGetsTheStepsThatApplyAndSaysItIsNotStressChecked() throws IOException {
    var document = workedExample();
    document.remove("bruteForce");
    document.remove("inputGenerator");
    document.remove("inputValidator");
    document.remove("wrongSolutions");
    var report = validate(document);
    assertThat(report.passed()).isTrue();
    assertThat(report.stressChecked()).isFalse();
    assertThat(check(report, "input-validator").status())
        .isEqualTo(ValidationReport.Status.SKIPPED);
    assertThat(check(report, "stress").status()).isEqualTo(ValidationReport.Status.SKIPPED);
    assertThat(check(report, "stress").detail()).startsWith("tests not stress-checked");
    assertThat(check(report, "wrong-solutions").status())
        .isEqualTo(ValidationReport.Status.SKIPPED);
    assertThat(check(report, "time-limits").status()).isEqualTo(ValidationReport.Status.PASSED);
  }
}
