package dev.improview.problem;

import dev.improview.execution.Diagnostic;
import dev.improview.execution.Verdict;
import java.util.List;

/**
 * What the judge found: the overall verdict (the first test's that is not a success, else PASSED,
 * or COMPLETED when some test had no expected value), one judged test per test in order, compiler
 * diagnostics and the run's wall time.
 */
public record Judgement(
    Verdict verdict, List<JudgedTest> tests, List<Diagnostic> diagnostics, long wallMillis) {

  public Judgement {
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
  }
}
