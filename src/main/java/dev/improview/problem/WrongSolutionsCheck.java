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
 * Step 5, wrong solutions: each planted one runs on the hidden tests only (one sandbox run each). A
 * {@code wrong-answer} or {@code crashes} one runs under the time limit a candidate in its language
 * gets and must fail at least one of them (public tests do not count: a solution hard-coded for
 * them would pass those). A {@code too-slow} one runs under {@code margin} times that limit and
 * must still exceed it on one of them, so that its verdict does not depend on how busy the machine
 * is; a test on which it took between the limit and the margin passes, but is flagged in the detail
 * (its verdict would flip).
 */
final class WrongSolutionsCheck {

  static final String NAME = "wrong-solutions";

  private final Judge judge;
  private final double margin;
  private final List<String> flagged = new ArrayList<>();
  private final List<Integer> missed = new ArrayList<>();
  private int caught;

  WrongSolutionsCheck(Judge judge, double margin) {
    this.judge = judge;
    this.margin = margin;
  }

  /**
   * The {@code wrong-answer} and {@code crashes} ones that passed every hidden test, by index,
   * after {@link #run}: what a generated input could expose.
   */
  List<Integer> missed() {
    return List.copyOf(missed);
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
      long runLimit =
          wrong.kind() == WrongSolution.Kind.TOO_SLOW ? (long) Math.ceil(limit * margin) : limit;
      var report =
          judge.judge(
              problem,
              wrong.language(),
              wrong.code(),
              hidden,
              budget.limits(Duration.ofMillis(runLimit)),
              Lane.BACKGROUND);
      var finding = findingOn(wrong, report, limit, runLimit);
      if (finding.caught()) {
        caught++;
      } else {
        failures.add(label + ": " + finding.detail());
        if (wrong.kind() != WrongSolution.Kind.TOO_SLOW
            && report.verdict() != Verdict.COMPILE_ERROR
            && firstFailing(report.tests()) == null) {
          missed.add(i);
        }
      }
      if (wrong.kind() == WrongSolution.Kind.TOO_SLOW) {
        for (var test : report.tests()) {
          if (test.verdict() != Verdict.TIME_LIMIT_EXCEEDED && test.outcome().cpuMillis() > limit) {
            flagged.add(
                label
                    + " took "
                    + Math.round(test.outcome().cpuMillis())
                    + " ms CPU on hiddenTests["
                    + test.index()
                    + "], between the "
                    + limit
                    + " ms limit and "
                    + runLimit
                    + " ms: its verdict there would flip");
          }
        }
      }
    }
    if (failures.isEmpty()) {
      return new ValidationReport.Check(
          NAME,
          ValidationReport.Status.PASSED,
          caught
              + "/"
              + planted.size()
              + " wrong solutions caught by the hidden tests"
              + (flagged.isEmpty() ? "" : "; flagged: " + String.join("; ", flagged)),
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

  private Finding findingOn(
      WrongSolution wrong, Judgement report, long limitMillis, long runLimitMillis) {
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
      // Proven by CPU time only: the wall-clock watchdog stops a test early on a busy machine.
      for (var test : tests) {
        if (test.verdict() == Verdict.TIME_LIMIT_EXCEEDED
            && test.outcome().cpuMillis() >= runLimitMillis) {
          return new Finding(
              true,
              "exceeds "
                  + margin
                  + "x the "
                  + limitMillis
                  + " ms limit on hiddenTests["
                  + test.index()
                  + "]");
        }
      }
      var failing = firstFailing(tests);
      double slowest = tests.stream().mapToDouble(t -> t.outcome().cpuMillis()).max().orElse(0);
      var watched =
          tests.stream().filter(t -> t.verdict() == Verdict.TIME_LIMIT_EXCEEDED).findFirst();
      if (watched.isPresent()) {
        return new Finding(
            false,
            "was stopped on hiddenTests["
                + watched.get().index()
                + "] by the wall-clock watchdog after "
                + Math.round(watched.get().outcome().cpuMillis())
                + " ms of CPU, short of "
                + margin
                + "x the "
                + limitMillis
                + " ms limit ("
                + runLimitMillis
                + " ms): the machine is too busy to prove it; validate again");
      }
      if (slowest > limitMillis) {
        return new Finding(
            false,
            "exceeds the "
                + limitMillis
                + " ms limit but not "
                + margin
                + "x it ("
                + runLimitMillis
                + " ms; slowest "
                + Math.round(slowest)
                + " ms CPU): a verdict that close to the limit flips on a busy machine, so the"
                + " hidden tests need a larger input");
      }
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
