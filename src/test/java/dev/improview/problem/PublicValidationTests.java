package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.problem.PublicValidation.CheckStatus;
import dev.improview.problem.ValidationReport.Check;
import dev.improview.problem.ValidationReport.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public view of a report keeps what each step found in general, never what it quotes. */
class PublicValidationTests {

  static final String QUOTED = "[[4,8,15,16,23,42]]";

  static ValidationReport failing(Check check) {
    return new ValidationReport(false, List.of(check), Map.of(), null);
  }

  static Check failed(String name, String detail) {
    return new Check(name, Status.FAILED, detail, List.of(detail, "hiddenTests[3]: " + QUOTED));
  }

  static String publicDetail(Check check) {
    return PublicValidation.of(failing(check)).checks().get(0).detail();
  }

  @Test
  void aFailedCheckNamesItsStepInsteadOfQuotingWhatItFound() {
    var sentences =
        Map.of(
            "input-validator",
            "the input validator rejects a stated test or example",
            "reference-java",
            "the java reference solution fails a test",
            "examples",
            "an example's output is not what the reference solutions return",
            "stress",
            "the brute force and the references disagree on a generated input",
            "wrong-solutions",
            "a planted wrong solution is not caught by the hidden tests",
            "mutation",
            "a mutant of the Python reference that an input exposes passes every hidden test",
            "amplification",
            "the hidden tests could not be strengthened with a generated input",
            "a-later-step",
            "the a-later-step check failed");
    sentences.forEach(
        (name, sentence) ->
            assertThat(publicDetail(failed(name, name + " found " + QUOTED)))
                .as(name)
                .isEqualTo(sentence));
  }

  @Test
  void theDeadlineSentenceQuotesNothingAndIsKept() {
    var over = ProblemValidator.OVER_DEADLINE + "90 s";
    assertThat(publicDetail(failed("stress", over))).isEqualTo(over);
    assertThat(publicDetail(failed("stress", over + ": " + QUOTED)))
        .isEqualTo("the brute force and the references disagree on a generated input");
  }

  @Test
  void passedAndSkippedChecksKeepTheirDetailAndTheFiguresCarryEveryLanguage() {
    var report =
        new ValidationReport(
            true,
            List.of(
                new Check("reference-python", Status.PASSED, "passes all 18", List.of()),
                new Check(
                    "stress", Status.SKIPPED, ValidationReport.NOT_STRESS_CHECKED, List.of())),
            Map.of("python", 2000L),
            new ValidationReport.Figures(18, 0, 0, 0, 0, 0, 0, 1234, Map.of("stress", 1L)));
    var view = PublicValidation.of(report);
    assertThat(view.status()).isEqualTo(PublicValidation.Status.PASSED);
    assertThat(view.stressChecked()).isFalse();
    assertThat(view.checks())
        .containsExactly(
            new PublicValidation.Check("reference-python", CheckStatus.PASSED, "passes all 18"),
            new PublicValidation.Check(
                "stress", CheckStatus.SKIPPED, ValidationReport.NOT_STRESS_CHECKED));
    assertThat(view.figures().timeLimitsMillis())
        .containsExactly(
            Map.entry("javascript", 0L), Map.entry("python", 2000L), Map.entry("java", 0L));
    assertThat(view.figures().referenceTests()).isEqualTo(18);
    assertThat(view.figures().validationMillis()).isEqualTo(1234);
  }

  @Test
  void pendingHasNoChecksAndZeroFigures() {
    var pending = PublicValidation.PENDING;
    assertThat(pending.status()).isEqualTo(PublicValidation.Status.PENDING);
    assertThat(pending.checks()).isEmpty();
    assertThat(pending.figures().referenceTests()).isZero();
    assertThat(pending.figures().timeLimitsMillis())
        .containsOnlyKeys("javascript", "python", "java");
    assertThat(pending.figures().timeLimitsMillis().values()).containsOnly(0L);
  }
}
