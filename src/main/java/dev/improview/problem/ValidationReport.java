package dev.improview.problem;

import java.util.List;
import java.util.Map;

/**
 * What validating a problem found, check by check in the order they ran, and the time limit per
 * language derived from the reference solutions' measured run times.
 */
public record ValidationReport(
    boolean passed, List<Check> checks, Map<String, Long> timeLimitMillis) {

  public ValidationReport {
    checks = List.copyOf(checks);
    timeLimitMillis = Map.copyOf(timeLimitMillis);
  }

  /** One check: a stable name, its outcome, a one-line summary and every failure it found. */
  public record Check(String name, Status status, String summary, List<String> failures) {
    public Check {
      failures = List.copyOf(failures);
    }
  }

  /** A check's outcome; SKIPPED when an earlier failure made it meaningless. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }
}
