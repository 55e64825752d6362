package dev.improview.problem;

import dev.improview.execution.Lane;
import dev.improview.problem.Judge.Expectation;
import dev.improview.problem.JudgedTest.Kind;
import dev.improview.problem.Problem.TestCase;
import dev.improview.problem.ProblemValidator.Budget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Validates a problem and, where its hidden tests are what fails, strengthens them (step 7,
 * amplification): a planted {@code wrong-answer} or {@code crashes} solution, or a mutant of the
 * Python reference, that passes every hidden test but gets a generated input wrong gets that input
 * added to the hidden tests, with the answer the brute force and every reference agreed on; then
 * every step runs again. At most {@code amplification-rounds} rounds and {@code max-added-tests}
 * tests. The report's {@code amplification} check says which tests were added and why.
 */
@Component
public class ProblemProver {

  /** The problem as proven (with any added hidden tests), its report, and the tests added. */
  public record Proven(Problem problem, ValidationReport report, List<TestCase> added) {}

  private static final Set<String> FIXABLE = Set.of(WrongSolutionsCheck.NAME, MutationCheck.NAME);

  private final ProblemValidator validator;
  private final Judge judge;
  private final ValidationProperties properties;

  ProblemProver(ProblemValidator validator, Judge judge, ValidationProperties properties) {
    this.validator = validator;
    this.judge = judge;
    this.properties = properties;
  }

  /**
   * Validates {@code problem}, amplifying its hidden tests where that makes it pass.
   *
   * @throws dev.improview.execution.EngineBusyException when the background lane stays busy
   */
  public Proven prove(Problem problem) {
    return prove(problem, check -> {});
  }

  /**
   * As {@link #prove(Problem)}, telling {@code told} of each check as it ends (a round of
   * amplification runs them all again), the amplification check last.
   */
  public Proven prove(Problem problem, Consumer<ValidationReport.Check> told) {
    long start = System.nanoTime();
    // The validator's own amplification check only says it takes the tests as written; the one
    // told is this method's, once the rounds are over.
    Consumer<ValidationReport.Check> progress =
        check -> {
          if (!check.name().equals(ProblemValidator.AMPLIFICATION)) {
            told.accept(check);
          }
        };
    var run = validator.run(problem, progress);
    var added = new ArrayList<TestCase>();
    var reasons = new ArrayList<String>();
    String stuck = null;
    for (int round = 0;
        round < properties.amplificationRounds() && !run.report().passed() && stuck == null;
        round++) {
      if (!fixable(run)) {
        stuck = null;
        break;
      }
      int before = added.size();
      stuck = amplify(problem, run, added, reasons);
      if (added.size() == before) {
        stuck = stuck == null ? "no generated input exposes what the hidden tests miss" : stuck;
        break;
      }
      problem = problem.withMoreHiddenTests(added.subList(before, added.size()));
      run = validator.run(problem, progress);
    }
    var report = withAmplification(run.report(), problem, added, reasons, stuck, start);
    report.check(ProblemValidator.AMPLIFICATION).ifPresent(told);
    return new Proven(problem, report, List.copyOf(added));
  }

  // Only what more hidden tests can fix: wrong solutions and mutants that pass every hidden test.
  private static boolean fixable(ProblemValidator.Run run) {
    var failed =
        run.report().checks().stream()
            .filter(c -> c.status() == ValidationReport.Status.FAILED)
            .toList();
    if (failed.isEmpty() || run.samples().isEmpty()) {
      return false;
    }
    for (var check : failed) {
      if (!FIXABLE.contains(check.name())) {
        return false;
      }
      if (check.name().equals(WrongSolutionsCheck.NAME)
          && check.failures().size() != run.missedWrongSolutions().size()) {
        return false;
      }
    }
    return true;
  }

  /** Adds the exposing inputs of one round; returns why some could not be found, or null. */
  private String amplify(
      Problem problem, ProblemValidator.Run run, List<TestCase> added, List<String> reasons) {
    var taken = new HashSet<String>();
    problem.hiddenTests().forEach(t -> taken.add(t.args().toString()));
    added.forEach(t -> taken.add(t.args().toString()));
    String unexposed = null;
    for (var survivor : run.survivors()) {
      var sample = survivor.exposedBy();
      var why = "exposes the mutant (" + survivor.description() + ")";
      add(sample.args(), sample.expected(), why, taken, added, reasons);
    }
    var budget = new Budget(System.nanoTime() + properties.deadline().toNanos(), properties);
    for (int index : run.missedWrongSolutions()) {
      var wrong = problem.wrongSolutions().get(index);
      var exposing = exposing(problem, wrong, run, budget);
      var label = "wrongSolutions[" + index + "] (" + wrong.note() + ")";
      if (exposing == null) {
        unexposed = "no generated input exposes " + label;
        continue;
      }
      add(exposing.args(), exposing.expected(), "exposes " + label, taken, added, reasons);
    }
    return unexposed;
  }

  private void add(
      tools.jackson.databind.JsonNode args,
      tools.jackson.databind.JsonNode expected,
      String why,
      Set<String> taken,
      List<TestCase> added,
      List<String> reasons) {
    if (added.size() >= properties.maxAddedTests() || !taken.add(args.toString())) {
      return;
    }
    added.add(new TestCase(args, expected, "added by validation: " + why));
    reasons.add(why);
  }

  // The smallest agreed generated input the wrong solution gets wrong, or null.
  private StressCheck.Sample exposing(
      Problem problem, Problem.WrongSolution wrong, ProblemValidator.Run run, Budget budget) {
    var samples = run.samples();
    long limit = run.limits().getOrDefault(wrong.language().id(), properties.floor().toMillis());
    var failing = new ArrayList<StressCheck.Sample>();
    int batch = judge.maxTestsPerRun();
    for (int from = 0; from < samples.size() && !budget.over(); from += batch) {
      var chunk = samples.subList(from, Math.min(samples.size(), from + batch));
      var tests =
          chunk.stream()
              .map(s -> new Expectation(Kind.HIDDEN, s.args(), s.expected(), ""))
              .toList();
      var report =
          judge.judge(
              problem,
              wrong.language(),
              wrong.code(),
              tests,
              budget.limits(Duration.ofMillis(limit)),
              Lane.BACKGROUND);
      for (var test : report.tests()) {
        if (!test.verdict().isSuccess()
            && test.verdict() != dev.improview.execution.Verdict.NOT_RUN
            && test.verdict() != dev.improview.execution.Verdict.INTERNAL_ERROR) {
          failing.add(chunk.get(test.index()));
        }
      }
    }
    return failing.stream()
        .min(Comparator.comparingInt(s -> s.args().toString().length()))
        .orElse(null);
  }

  private static ValidationReport withAmplification(
      ValidationReport report,
      Problem problem,
      List<TestCase> added,
      List<String> reasons,
      String stuck,
      long start) {
    ValidationReport.Check check;
    if (added.isEmpty() && stuck == null) {
      return withFigures(report, report.checks(), 0, start);
    }
    int first = problem.hiddenTests().size() - added.size();
    var lines = new ArrayList<String>();
    for (int i = 0; i < added.size(); i++) {
      lines.add("hiddenTests[" + (first + i) + "] " + reasons.get(i));
    }
    if (report.passed()) {
      check =
          new ValidationReport.Check(
              ProblemValidator.AMPLIFICATION,
              ValidationReport.Status.PASSED,
              "added "
                  + added.size()
                  + " hidden test(s), each a generated input with the answer everybody agreed on: "
                  + String.join("; ", lines),
              List.of());
    } else {
      var failures = new ArrayList<>(lines);
      if (stuck != null) {
        failures.add(stuck);
      }
      check =
          ProblemValidator.failed(
              ProblemValidator.AMPLIFICATION,
              (added.isEmpty()
                      ? "could not strengthen the hidden tests"
                      : "added " + added.size() + " hidden test(s), and it still fails")
                  + (stuck == null ? "" : ": " + stuck),
              failures);
    }
    var checks = new ArrayList<ValidationReport.Check>();
    for (var c : report.checks()) {
      checks.add(c.name().equals(ProblemValidator.AMPLIFICATION) ? check : c);
    }
    return withFigures(report, checks, added.size(), start);
  }

  private static ValidationReport withFigures(
      ValidationReport report, List<ValidationReport.Check> checks, int testsAdded, long start) {
    var f = report.figures();
    var figures =
        new ValidationReport.Figures(
            f.referenceTests(),
            f.stressInputs(),
            f.wrongSolutionsCaught(),
            f.wrongSolutionsTotal(),
            f.mutantsKilled(),
            f.mutantsDistinguishable(),
            testsAdded,
            Duration.ofNanos(System.nanoTime() - start).toMillis(),
            f.stepMillis());
    boolean passed = checks.stream().noneMatch(c -> c.status() == ValidationReport.Status.FAILED);
    return new ValidationReport(passed, checks, report.timeLimitMillis(), figures);
  }
}
