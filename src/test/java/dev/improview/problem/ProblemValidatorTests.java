package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each validation step of format v2 can fail, in the real sandbox: the worked example
 * (first-repeated-badge-scan) passes them all, and a copy with one thing broken fails the step that
 * should catch it, with a message that says what.
 */
@SpringBootTest
class ProblemValidatorTests {

  @Autowired ProblemValidator validator;
  @Autowired ProblemProver prover;
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
            "mutation",
            "amplification",
            "time-limits");
    assertThat(report.checks())
        .allSatisfy(
            c ->
                assertThat(c.status())
                    .as(c.name() + ": " + c.detail() + " " + c.failures())
                    .isEqualTo(
                        c.name().equals("amplification")
                            ? ValidationReport.Status.SKIPPED
                            : ValidationReport.Status.PASSED));
    assertThat(check(report, "amplification").detail()).startsWith("nothing to add");
    assertThat(check(report, "time-limits").detail())
        .isEqualTo(
            "javascript 1 s, python 1 s, java 1 s per test: the slowest reference test of 3 runs"
                + " x 3/3/4, rounded up to 1 s, within 1 s to 10 s");
    assertThat(report.passed()).isTrue();
    assertThat(report.stressChecked()).isTrue();
    assertThat(report.figures().stressInputs()).isEqualTo(200);
    assertThat(report.figures().wrongSolutionsCaught()).isEqualTo(6);
    assertThat(report.figures().wrongSolutionsTotal()).isEqualTo(6);
    assertThat(check(report, "stress").detail())
        .isEqualTo("the brute force and all 3 references agree on 200 generated small inputs");
    assertThat(report.figures().mutantsDistinguishable()).isGreaterThanOrEqualTo(4);
    assertThat(report.figures().mutantsKilled())
        .isEqualTo(report.figures().mutantsDistinguishable());
  }

  @Test
  void aMutantTheHiddenTestsMissButAGeneratedInputExposesFailsTheMutationStep() throws IOException {
    var document = workedExample();
    // Without the hidden tests that have no repeat, `return -1` could be anything.
    document.remove("wrongSolutions");
    var hidden =
        BankTemplates.dropHiddenTests(document, test -> test.get("expected").asInt() == -1);
    var report = validate(document);
    var check = check(report, "mutation");
    assertThat(check.status()).as(check.detail()).isEqualTo(ValidationReport.Status.FAILED);
    assertThat(check.failures())
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith("mutant (line 7: `1` -> `2`) passes every hidden test")
                    .contains("tells it apart (expected -1, mutant -2)"));
    assertThat(report.figures().mutantsKilled())
        .isLessThan(report.figures().mutantsDistinguishable());
    assertThat(report.passed()).isFalse();

    // Amplification adds the exposing input with the agreed answer, and then it passes.
    var proven = prover.prove(format.parse(document));
    assertThat(proven.report().passed()).as(String.valueOf(proven.report().checks())).isTrue();
    assertThat(proven.added()).isNotEmpty();
    assertThat(proven.added())
        .anySatisfy(t -> assertThat(t.expected().asInt()).isEqualTo(-1))
        .allSatisfy(
            t -> assertThat(t.note()).startsWith("added by validation: exposes the mutant"));
    assertThat(proven.problem().hiddenTests()).hasSize(hidden.size() + proven.added().size());
    var amplification = check(proven.report(), "amplification");
    assertThat(amplification.status()).isEqualTo(ValidationReport.Status.PASSED);
    assertThat(amplification.detail())
        .contains("hiddenTests[" + hidden.size() + "] exposes the mutant (line 7:");
    assertThat(proven.report().figures().testsAdded()).isEqualTo(proven.added().size());
    assertThat(proven.report().figures().mutantsKilled())
        .isEqualTo(proven.report().figures().mutantsDistinguishable());
  }

  @Test
  void aWrongSolutionNoGeneratedInputExposesCannotBeAmplifiedAway() throws IOException {
    var document = workedExample();
    // Wrong on one length no hidden test and no small generated input has: nothing to add.
    ((ObjectNode) document.get("wrongSolutions").get(0))
        .put("kind", "wrong-answer")
        .put("language", "python")
        .put("note", "wrong on 4321 scans only")
        .put(
            "code",
            """
            def first_repeated_badge(scans):
                if len(scans) == 4321:
                    return -7
                seen = set()
                for badge in scans:
                    if badge in seen:
                        return badge
                    seen.add(badge)
                return -1
            """);
    var proven = prover.prove(format.parse(document));
    assertThat(proven.report().passed()).isFalse();
    assertThat(proven.added()).isEmpty();
    var amplification = check(proven.report(), "amplification");
    assertThat(amplification.status())
        .as(amplification.detail())
        .isEqualTo(ValidationReport.Status.FAILED);
    assertThat(amplification.detail())
        .contains("no generated input exposes wrongSolutions[0] (wrong on 4321 scans only)");
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
    BankTemplates.dropHiddenTests(
        document, test -> test.get("expected").equals(test.get("args").get(0).get(0)));
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
    BankTemplates.dropHiddenTests(document, test -> test.get("args").get(0).size() > 1000);
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
  void aTooSlowSolutionWithinTheMarginOfTheLimitFailsAndSaysItWouldFlip() throws IOException {
    var document = workedExample();
    document.remove("bruteForce");
    // 1.2 s of CPU on each large test: over the 1 s limit, under 1.5x it.
    ((ObjectNode) document.get("wrongSolutions").get(5))
        .put(
            "code",
            """
            import time


            def first_repeated_badge(scans):
                if len(scans) > 1000:
                    end = time.process_time() + 1.2
                    while time.process_time() < end:
                        pass
                seen = set()
                for badge in scans:
                    if badge in seen:
                        return badge
                    seen.add(badge)
                return -1
            """);
    var report = validate(document);
    var check = check(report, "wrong-solutions");
    assertThat(check.status())
        .as(check.detail() + " " + report.timeLimitMillis())
        .isEqualTo(ValidationReport.Status.FAILED);
    assertThat(check.failures()).hasSize(1);
    assertThat(check.failures().get(0))
        .startsWith("wrongSolutions[5] (python, too-slow")
        // Quiet: it took 1.2 s; busy: the wall-clock watchdog stopped it first. Never caught.
        .containsAnyOf(
            "exceeds the 1000 ms limit but not 1.5x it (1500 ms", "short of 1.5x the 1000 ms");
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
