package dev.improview.problem;

import java.util.List;
import java.util.Map;

/**
 * What validating a problem found, check by check in the order they ran, the time limit per
 * language derived from the reference solutions' measured run times, and the figures of the run.
 */
public record ValidationReport(
    boolean passed, List<Check> checks, Map<String, Long> timeLimitMillis, Figures figures) {

  /** What the report says where a problem without a brute force and a generator is shown. */
  public static final String NOT_STRESS_CHECKED = "tests not stress-checked";

  public ValidationReport {
    checks = List.copyOf(checks);
    timeLimitMillis = Map.copyOf(timeLimitMillis);
    figures = figures == null ? Figures.NONE : figures;
  }

  /** The check with this name, if it ran. */
  public java.util.Optional<Check> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** True when generated inputs were run against the brute force and every reference. */
  public boolean stressChecked() {
    return check("stress").map(c -> c.status() == Status.PASSED).orElse(false);
  }

  /**
   * One check: a stable name, its outcome, a one-line detail and every failure it found. A check
   * SKIPPED for lack of a part does not stop a problem passing; a FAILED one does.
   */
  public record Check(String name, Status status, String detail, List<String> failures) {
    public Check {
      failures = List.copyOf(failures);
    }
  }

  /** A check's outcome; SKIPPED when an earlier failure or a missing part made it meaningless. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  /**
   * The run's figures: tests each reference ran, generated inputs on which the brute force and
   * every reference agreed, planted wrong solutions caught out of those planted, mutants of the
   * Python reference the hidden tests killed out of those the stress inputs tell apart from it,
   * hidden tests amplification added, the whole validation's wall time and each step's, by check
   * name in the order they ran.
   */
  public record Figures(
      int referenceTests,
      int stressInputs,
      int wrongSolutionsCaught,
      int wrongSolutionsTotal,
      int mutantsKilled,
      int mutantsDistinguishable,
      int testsAdded,
      long validationMillis,
      Map<String, Long> stepMillis) {
    static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    public Figures {
      // Insertion order kept: the steps in the order they ran.
      stepMillis =
          java.util.Collections.unmodifiableMap(
              new java.util.LinkedHashMap<>(
                  stepMillis == null ? Map.<String, Long>of() : stepMillis));
    }
  }
}
