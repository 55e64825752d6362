package dev.improview.execution;

import java.util.List;

/**
 * The result of a run: the overall verdict (the first test's verdict that is not a success, in
 * order, else PASSED, or COMPLETED when some test had no expectation), one report per test in the
 * request's order, compiler diagnostics and the run's wall time.
 */
public record ExecutionReport(
    Verdict verdict, List<TestReport> tests, List<Diagnostic> diagnostics, long wallMillis) {

  public ExecutionReport {
    if (verdict == null) {
      throw new IllegalArgumentException("verdict is null");
    }
    if (tests == null) {
      throw new IllegalArgumentException("tests is null");
    }
    if (diagnostics == null) {
      throw new IllegalArgumentException("diagnostics is null");
    }
    tests = List.copyOf(tests);
    diagnostics = List.copyOf(diagnostics);
    for (int i = 0; i < tests.size(); i++) {
      if (tests.get(i).index() != i) {
        throw new IllegalArgumentException("tests[" + i + "].index is " + tests.get(i).index());
      }
    }
  }

  /** The overall verdict of these test reports ({@link Verdict#overall}). */
  public static Verdict overall(List<TestReport> tests) {
    return Verdict.overall(tests.stream().map(TestReport::verdict).toList());
  }
}
