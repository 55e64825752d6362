package dev.improview.attempt.internal;

import dev.improview.execution.Diagnostic;
import dev.improview.execution.Verdict;
import dev.improview.problem.JudgedTest;
import dev.improview.problem.JudgedTest.Kind;
import dev.improview.problem.Judgement;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What a judged submission shows, and all it shows: each test's verdict and time, the first failing
 * test in full (its arguments, expected and actual values, message; its output only when it is a
 * public test), and the compiler's diagnostics. Nothing else a hidden test printed or returned is
 * in here, so nothing else can leave the server; the full report goes to the blob store.
 */
record SubmissionResult(
    Verdict verdict,
    int passed,
    int total,
    List<TestSummary> tests,
    FirstFailure firstFailure,
    List<Diagnostic> diagnostics) {

  /** One test: where it comes from, its verdict, its wall and CPU time. */
  record TestSummary(int index, Kind kind, Verdict verdict, long timeMillis, double cpuMillis) {}

  /** The first test that did not pass. */
  record FirstFailure(
      int index,
      Kind kind,
      Verdict verdict,
      JsonNode args,
      JsonNode expected,
      JsonNode actual,
      String message,
      String stdout,
      String stderr) {}

  SubmissionResult {
    Objects.requireNonNull(verdict, "verdict");
    if (passed < 0 || passed > total) {
      throw new IllegalArgumentException("passed not in 0..total: " + passed + " of " + total);
    }
    tests = List.copyOf(Objects.requireNonNull(tests, "tests"));
    diagnostics = List.copyOf(Objects.requireNonNull(diagnostics, "diagnostics"));
  }

  /**
   * The result of a judgement on every test: {@code ACCEPTED} when every test passed, else the
   * judgement's verdict (the first failing test's, or {@code COMPILE_ERROR}).
   */
  static SubmissionResult of(Judgement judgement) {
    var tests =
        judgement.tests().stream()
            .map(
                t ->
                    new TestSummary(
                        t.index(),
                        t.kind(),
                        t.verdict(),
                        t.outcome().timeMillis(),
                        t.outcome().cpuMillis()))
            .toList();
    int passed = (int) judgement.tests().stream().filter(t -> t.verdict().isSuccess()).count();
    var verdict = judgement.verdict() == Verdict.PASSED ? Verdict.ACCEPTED : judgement.verdict();
    var first =
        judgement.tests().stream()
            .filter(t -> !t.verdict().isSuccess() && t.verdict() != Verdict.NOT_RUN)
            .findFirst()
            .map(SubmissionResult::firstFailure)
            .orElse(null);
    return new SubmissionResult(
        verdict, passed, tests.size(), tests, first, judgement.diagnostics());
  }

  /** True when the judgement failed for a reason of ours: the submission could not be judged. */
  static boolean isOurFault(Judgement judgement) {
    return judgement.verdict() == Verdict.INTERNAL_ERROR
        || judgement.tests().stream().anyMatch(t -> t.verdict() == Verdict.INTERNAL_ERROR);
  }

  private static FirstFailure firstFailure(JudgedTest test) {
    boolean visible = test.kind() == Kind.PUBLIC;
    return new FirstFailure(
        test.index(),
        test.kind(),
        test.verdict(),
        test.args(),
        test.expected(),
        test.outcome().actual(),
        test.message(),
        visible ? test.outcome().stdout() : "",
        visible ? test.outcome().stderr() : "");
  }
}
