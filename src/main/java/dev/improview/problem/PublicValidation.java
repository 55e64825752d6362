package dev.improview.problem;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.improview.execution.Language;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What anyone may see of a problem's validation: how it ended, each check with its outcome and a
 * one-line detail, and the run's figures. It has no field for a check's failures, and a failed
 * check's detail (which may quote a hidden test, an expected value or a generated input) is
 * replaced by a sentence naming the step, so nothing hidden can reach it from the report.
 */
public record PublicValidation(
    Status status, boolean stressChecked, List<Check> checks, Figures figures) {

  /** What a revision that has not been validated yet shows. */
  public static final PublicValidation PENDING =
      new PublicValidation(Status.PENDING, false, List.of(), Figures.of(null));

  // The validator's own deadline sentence quotes nothing from the document, so it is kept.
  private static final Pattern OVER_DEADLINE =
      Pattern.compile(Pattern.quote(ProblemValidator.OVER_DEADLINE) + "\\d+ s");

  public PublicValidation {
    checks = List.copyOf(checks);
  }

  /** The public part of a stored report. */
  public static PublicValidation of(ValidationReport report) {
    return new PublicValidation(
        report.passed() ? Status.PASSED : Status.FAILED,
        report.stressChecked(),
        report.checks().stream().map(Check::of).toList(),
        Figures.of(report));
  }

  /** A check without its failures. */
  public record Check(String name, CheckStatus status, String detail) {
    static Check of(ValidationReport.Check check) {
      var status = CheckStatus.valueOf(check.status().name());
      return new Check(
          check.name(),
          status,
          status == CheckStatus.FAILED ? failedDetail(check) : check.detail());
    }
  }

  /** The figures of the run; every time limit is zero until the problem passes. */
  public record Figures(
      int referenceTests,
      int stressInputs,
      int wrongSolutionsCaught,
      int wrongSolutionsTotal,
      int mutantsKilled,
      int mutantsDistinguishable,
      int testsAdded,
      Map<String, Long> timeLimitsMillis,
      long validationMillis) {

    public Figures {
      timeLimitsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timeLimitsMillis));
    }

    /** A report's figures; all zero for none. */
    static Figures of(ValidationReport report) {
      var figures = report == null ? ValidationReport.Figures.NONE : report.figures();
      var limits = new LinkedHashMap<String, Long>();
      for (var language : Language.values()) {
        limits.put(
            language.id(),
            report == null ? 0L : report.timeLimitMillis().getOrDefault(language.id(), 0L));
      }
      return new Figures(
          figures.referenceTests(),
          figures.stressInputs(),
          figures.wrongSolutionsCaught(),
          figures.wrongSolutionsTotal(),
          figures.mutantsKilled(),
          figures.mutantsDistinguishable(),
          figures.testsAdded(),
          limits,
          figures.validationMillis());
    }
  }

  /** How validating the revision ended; PENDING until it has been validated. */
  public enum Status {
    PASSED,
    FAILED,
    PENDING;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A check's outcome, as {@link ValidationReport.Status} has it, in the API's lower case. */
  public enum CheckStatus {
    PASSED,
    FAILED,
    SKIPPED;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static String failedDetail(ValidationReport.Check check) {
    if (OVER_DEADLINE.matcher(check.detail()).matches()) {
      return check.detail();
    }
    var name = check.name();
    if (name.startsWith("reference-")) {
      return "the " + name.substring("reference-".length()) + " reference solution fails a test";
    }
    return switch (name) {
      case "input-validator" -> "the input validator rejects a stated test or example";
      case "examples" -> "an example's output is not what the reference solutions return";
      case StressCheck.NAME -> "the brute force and the references disagree on a generated input";
      case WrongSolutionsCheck.NAME -> "a planted wrong solution is not caught by the hidden tests";
      case MutationCheck.NAME ->
          "a mutant of the Python reference that an input exposes passes every hidden test";
      case ProblemValidator.AMPLIFICATION ->
          "the hidden tests could not be strengthened with a generated input";
      default -> "the " + name + " check failed";
    };
  }
}
