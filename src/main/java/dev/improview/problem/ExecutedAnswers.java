package dev.improview.problem;

import dev.improview.execution.Lane;
import dev.improview.execution.Language;
import dev.improview.execution.RunLimits;
import dev.improview.execution.Verdict;
import dev.improview.problem.Judge.Expectation;
import dev.improview.problem.JudgedTest.Kind;
import dev.improview.problem.ProblemValidator.Budget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The answer to every stated input of a draft, from running it: each reference solution and the
 * brute force run on every example and test (one sandbox run each, in the background lane). An
 * input gets the Python reference's answer when the JavaScript and Java references return the same
 * under the problem's comparison and the brute force either agrees or runs out of time (it is
 * written to be slow; stated tests include inputs at the constraints' limits), or out of memory.
 * Any other outcome on an input is a disagreement, listed smallest input first.
 */
final class ExecutedAnswers {

  /**
   * The answers by input (null where there is none), what went wrong on the others, the solutions
   * that did not compile (with the compiler's first line), and on how many inputs the brute force
   * answered in time.
   */
  record Result(
      List<JsonNode> answers,
      Map<Integer, List<String>> disagreements,
      List<String> compileErrors,
      int bruteForceChecked) {

    boolean agreed() {
      return disagreements.isEmpty() && compileErrors.isEmpty();
    }
  }

  /** What the brute force may run out of on a large input: it is not asked to answer those. */
  private static final java.util.Set<Verdict> UNANSWERED =
      java.util.EnumSet.of(
          Verdict.TIME_LIMIT_EXCEEDED, Verdict.MEMORY_LIMIT_EXCEEDED, Verdict.NOT_RUN);

  private final Judge judge;
  private final java.time.Duration bruteForceCpu;

  ExecutedAnswers(Judge judge, java.time.Duration bruteForceCpu) {
    this.judge = judge;
    this.bruteForceCpu = bruteForceCpu;
  }

  Result answer(Problem problem, List<JsonNode> inputs, Budget budget) {
    var disagreements = new LinkedHashMap<Integer, List<String>>();
    var compileErrors = new ArrayList<String>();
    var python =
        run(
            problem,
            "python reference",
            Language.PYTHON,
            problem.solutions().get("python"),
            inputs,
            budget.limits(),
            compileErrors);
    var answers = new ArrayList<JsonNode>();
    for (int i = 0; i < inputs.size(); i++) {
      if (python == null) {
        answers.add(null);
        continue;
      }
      var test = python.get(i);
      if (test.verdict() == Verdict.COMPLETED) {
        answers.add(problem.signature().canonicalResult(inputs.get(i), test.outcome().actual()));
      } else {
        answers.add(null);
        disagree(disagreements, i, "the python reference got " + describe(test));
      }
    }
    for (var language : List.of(Language.JAVASCRIPT, Language.JAVA)) {
      compare(problem, language, inputs, answers, budget, compileErrors)
          .forEach((i, what) -> disagree(disagreements, i, what));
    }
    int checked = 0;
    if (problem.bruteForce() != null) {
      // Smallest first, under its own limit: the first input it cannot answer in time ends the
      // run, and every input after it is at least as large.
      var order = new ArrayList<Integer>();
      for (int i = 0; i < inputs.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingInt((Integer i) -> inputs.get(i).toString().length()));
      var sortedInputs = order.stream().map(inputs::get).toList();
      var brute =
          run(
              problem,
              "brute force",
              Language.PYTHON,
              problem.bruteForce().code(),
              sortedInputs,
              budget.limits(bruteForceCpu),
              compileErrors);
      for (int k = 0; brute != null && k < order.size(); k++) {
        int i = order.get(k);
        var test = brute.get(k);
        if (UNANSWERED.contains(test.verdict())) {
          continue;
        }
        if (test.verdict() != Verdict.COMPLETED) {
          disagree(disagreements, i, "the brute force got " + describe(test));
          continue;
        }
        checked++;
        var answer = answers.get(i);
        if (answer != null && !problem.comparison().matches(answer, test.outcome().actual())) {
          disagree(
              disagreements,
              i,
              "the brute force returned "
                  + ProblemValidator.abbreviate(test.outcome().actual())
                  + ", the python reference "
                  + ProblemValidator.abbreviate(answer));
        }
      }
    }
    for (int i : disagreements.keySet()) {
      answers.set(i, null);
    }
    return new Result(answers, sorted(disagreements, inputs), List.copyOf(compileErrors), checked);
  }

  // What the other language's reference returned, where it is not the Python reference's answer.
  private Map<Integer, String> compare(
      Problem problem,
      Language language,
      List<JsonNode> inputs,
      List<JsonNode> answers,
      Budget budget,
      List<String> compileErrors) {
    var out = new LinkedHashMap<Integer, String>();
    var code = problem.solutions().get(language.id());
    var tests =
        run(
            problem,
            language.id() + " reference",
            language,
            code,
            inputs,
            budget.limits(),
            compileErrors);
    for (int i = 0; tests != null && i < inputs.size(); i++) {
      var test = tests.get(i);
      if (test.verdict() != Verdict.COMPLETED) {
        out.put(i, "the " + language.id() + " reference got " + describe(test));
      } else if (answers.get(i) != null
          && !problem.comparison().matches(answers.get(i), test.outcome().actual())) {
        out.put(
            i,
            "the python reference returned "
                + ProblemValidator.abbreviate(answers.get(i))
                + ", the "
                + language.id()
                + " reference "
                + ProblemValidator.abbreviate(test.outcome().actual()));
      }
    }
    return out;
  }

  // Every input's judged test, in input order, in runs of at most the engine's tests per run;
  // null, with the compiler's message added to compileErrors, when the code does not compile.
  private List<JudgedTest> run(
      Problem problem,
      String what,
      Language language,
      String code,
      List<JsonNode> inputs,
      RunLimits limits,
      List<String> compileErrors) {
    if (code == null || code.isBlank()) {
      compileErrors.add("the " + what + " is missing");
      return null;
    }
    var tests = inputs.stream().map(args -> new Expectation(Kind.HIDDEN, args, null, "")).toList();
    var judged = new ArrayList<JudgedTest>();
    int batch = judge.maxTestsPerRun();
    for (int from = 0; from < tests.size(); from += batch) {
      var chunk = tests.subList(from, Math.min(tests.size(), from + batch));
      var judgement = judge.judge(problem, language, code, chunk, limits, Lane.BACKGROUND);
      if (judgement.verdict() == Verdict.COMPILE_ERROR) {
        var diagnostic = judgement.diagnostics().isEmpty() ? null : judgement.diagnostics().get(0);
        compileErrors.add(
            "the "
                + what
                + " does not compile"
                + (diagnostic == null
                    ? ""
                    : ": line " + diagnostic.line() + ": " + diagnostic.message()));
        return null;
      }
      var sorted = new ArrayList<>(judgement.tests());
      sorted.sort(Comparator.comparingInt(JudgedTest::index));
      judged.addAll(sorted);
    }
    return judged;
  }

  private static Map<Integer, List<String>> sorted(
      Map<Integer, List<String>> disagreements, List<JsonNode> inputs) {
    var order = new ArrayList<>(disagreements.keySet());
    order.sort(
        Comparator.comparingInt((Integer i) -> inputs.get(i).toString().length())
            .thenComparingInt(i -> i));
    var out = new LinkedHashMap<Integer, List<String>>();
    order.forEach(i -> out.put(i, List.copyOf(disagreements.get(i))));
    return out;
  }

  private static void disagree(Map<Integer, List<String>> out, int input, String what) {
    StressCheck.disagree(out, input, what);
  }

  private static String describe(JudgedTest test) {
    return StressCheck.describe(test);
  }
}
