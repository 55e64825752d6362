package dev.improview.problem;

import dev.improview.execution.Lane;
import dev.improview.execution.Verdict;
import dev.improview.problem.Judge.Expectation;
import dev.improview.problem.JudgedTest.Kind;
import dev.improview.problem.Problem.WrongSolution;
import dev.improview.problem.ProblemValidator.Budget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 5, wrong solutions: each planted one runs on the hidden tests only (one sandbox run each),
 * under the time limit a candidate in its language gets. A {@code wrong-answer} or {@code crashes}
 * one must fail at least one of them (public tests do not count: a solution hard-coded for them
 * would pass those); a {@code too-slow} one must exceed the time limit on one of them.
 */
final class WrongSolutionsCheck {

  static final String NAME = "wrong-solutions";

  private final Judge judge;
  private int caught;

  WrongSolutionsCheck(Judge judge) {
    this.judge = judge;
  }

  /** Wrong solutions that got the verdict their kind promises, after {@link #run}. */
  int caught() {
    return caught;
  }

  ValidationReport.Check run(Problem problem, Map<String, Long> timeLimits, Budget budget) {
    var planted = problem.wrongSolutions();
    if (planted.isEmpty()) {
      return ProblemValidator.skipped(NAME, "the problem plants no wrong solutions");
    }
    var hidden =
        problem.hiddenTests().stream()
            .map(t -> new Expectation(Kind.HIDDEN, t.args(), t.expected(), ""))
            .toList();
    var failures = new ArrayList<String>();
    for (int i = 0; i < planted.size(); i++) {
      var wrong = planted.get(i);
      var label =
          "wrongSolutions["
              + i
              + "] ("
              + wrong.language().id()
              + ", "
              + wrong.kind().id()
              + ": "
              + wrong.note()
              + ")";
      if (budget.over()) {
        failures.add(label + ": " + budget.overMessage());
        continue;
      }
      long limit = timeLimits.get(wrong.language().id());
      var report =
          judge.judge(
              problem,
              wrong.language(),
              wrong.code(),
              hidden,
              budget.limits(Duration.ofMillis(limit)),
              Lane.BACKGROUND);
      var finding = findingOn(wrong, report, limit);
      if (finding.caught()) {
        caught++;
      } else {
        failures.add(label + ": " + finding.detail());
      }
    }
    if (failures.isEmpty()) {
      return new ValidationReport.Check(
          NAME,
          ValidationReport.Status.PASSED,
          caught + "/" + planted.size() + " wrong solutions caught by the hidden tests",
          List.of());
    }
    return ProblemValidator.failed(
        NAME,
        caught
            + "/"
            + planted.size()
            + " wrong solutions caught by the hidden tests; "
            + failures.get(0),
        failures);
  }

  /** Whether a wrong solution got what its kind promises, and what happened. */
  private record Finding(boolean caught, String detail) {}

  private static Finding findingOn(WrongSolution wrong, Judgement report, long limitMillis) {
    if (report.verdict() == Verdict.COMPILE_ERROR) {
      var diagnostic = report.diagnostics().isEmpty() ? null : report.diagnostics().get(0);
      return new Finding(
          false,
          "does not compile, so it proves nothing"
              + (diagnostic == null
                  ? ""
                  : ": line " + diagnostic.line() + ": " + diagnostic.message()));
    }
    var tests = report.tests();
    for (var test : tests) {
      if (test.verdict() == Verdict.INTERNAL_ERROR) {
        return new Finding(
            false, "the runner failed on hiddenTests[" + test.index() + "] (our fault): try again");
      }
    }
    if (wrong.kind() == WrongSolution.Kind.TOO_SLOW) {
      for (var test : tests) {
        if (test.verdict() == Verdict.TIME_LIMIT_EXCEEDED) {
          return new Finding(
              true,
              "exceeds the " + limitMillis + " ms limit on hiddenTests[" + test.index() + "]");
        }
      }
      var failing = firstFailing(tests);
      double slowest = tests.stream().mapToDouble(t -> t.outcome().cpuMillis()).max().orElse(0);
      return new Finding(
          false,
          failing == null
              ? "passes every hidden test within the "
                  + limitMillis
                  + " ms limit (slowest "
                  + Math.round(slowest)
                  + " ms CPU): the hidden tests need an input large enough to punish it"
              : "fails hiddenTests["
                  + failing.index()
                  + "] with "
                  + failing.verdict()
                  + " but never exceeds the "
                  + limitMillis
                  + " ms limit");
    }
    var failing = firstFailing(tests);
    return failing == null
        ? new Finding(false, "passes every hidden test: the hidden tests miss this mistake")
        : new Finding(
            true, "caught by hiddenTests[" + failing.index() + "] (" + failing.verdict() + ")");
  }

  private static JudgedTest firstFailing(List<JudgedTest> tests) {
    return tests.stream()
        .filter(t -> !t.verdict().isSuccess() && t.verdict() != Verdict.NOT_RUN)
        .findFirst()
        .orElse(null);
  }
}
