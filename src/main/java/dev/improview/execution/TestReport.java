package dev.improview.execution;

import tools.jackson.databind.JsonNode;

/**
 * What happened in one test: the verdict, the returned value (null if none), the test's own output
 * (capped; the flags say whether it was cut), its time and a message (the exception and its stack
 * trimmed to user code, or why the test did not run). Both times are the server's: {@code
 * timeMillis} is its clock from handing the test over to the result arriving, {@code cpuMillis} the
 * kernel's CPU accounting of every process and thread of the run in that window (what decides a
 * time limit), to the microsecond, so a fast test reads 0.042 ms rather than 0.
 */
public record TestReport(
    int index,
    Verdict verdict,
    JsonNode actual,
    String stdout,
    boolean stdoutTruncated,
    String stderr,
    boolean stderrTruncated,
    long timeMillis,
    double cpuMillis,
    String message) {

  public TestReport {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0: " + index);
    }
    if (verdict == null) {
      throw new IllegalArgumentException("verdict is null");
    }
    if (verdict == Verdict.NOT_RUN && actual != null) {
      throw new IllegalArgumentException("a test that did not run has no actual value");
    }
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    message = message == null ? "" : message;
    if (timeMillis < 0) {
      throw new IllegalArgumentException("timeMillis < 0: " + timeMillis);
    }
    if (!(cpuMillis >= 0) || Double.isInfinite(cpuMillis)) {
      throw new IllegalArgumentException("cpuMillis < 0: " + cpuMillis);
    }
  }

  /** Nanoseconds of CPU as milliseconds to the microsecond. */
  public static double cpuMillis(long cpuNanos) {
    return Math.round(cpuNanos / 1_000.0) / 1_000.0;
  }

  /** A test that never ran, and why. */
  public static TestReport notRun(int index, String message) {
    return new TestReport(index, Verdict.NOT_RUN, null, "", false, "", false, 0, 0, message);
  }
}
