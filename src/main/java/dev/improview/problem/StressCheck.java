package dev.improview.problem;

import dev.improview.execution.Lane;
import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.problem.Judge.Expectation;
import dev.improview.problem.JudgedTest.Kind;
import dev.improview.problem.ProblemValidator.Budget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Step 4, stress: {@code count} small inputs from the problem's generator (one sandbox run), each
 * checked by its input validator (one run), answered by the brute force (one run) and then by each
 * reference with the brute force's answers as the expected values (one run per language; the judge
 * compares). Every input on which any of them disagrees is a failure; the report leads with the
 * smallest (by the length of its JSON), the one a person can read.
 */
final class StressCheck {

  static final String NAME = "stress";
  static final String SCALE = "small";

  private final Judge judge;
  private final PartRunner parts;
  private final int count;
  private int agreed;
  private List<Sample> samples = List.of();

  /** A generated input everybody agreed on, with the agreed answer and the seed it came from. */
  record Sample(int seed, JsonNode args, JsonNode expected) {}

  StressCheck(Judge judge, PartRunner parts, int count) {
    this.judge = judge;
    this.parts = parts;
    this.count = count;
  }

  /** Inputs on which the brute force and every reference agreed, after {@link #run}. */
  int agreed() {
    return agreed;
  }

  /** Those inputs with their answers, in seed order, after a {@link #run} that passed. */
  List<Sample> samples() {
    return samples;
  }

  ValidationReport.Check run(Problem problem, Budget budget) {
    if (!problem.stressCheckable()) {
      return ProblemValidator.skipped(
          NAME,
          ValidationReport.NOT_STRESS_CHECKED
              + ": the problem has no "
              + (problem.bruteForce() == null ? "bruteForce" : "inputGenerator"));
    }
    if (budget.over()) {
      return ProblemValidator.failed(NAME, budget.overMessage(), List.of());
    }
    var seeds = IntStream.rangeClosed(1, count).boxed().toList();
    var generated = parts.generate(problem, seeds, SCALE, budget.limits(), Lane.BACKGROUND);
    var broken =
        generated.stream().filter(g -> !g.ok()).map(PartRunner.Generated::failure).toList();
    if (!broken.isEmpty()) {
      return ProblemValidator.failed(
          NAME,
          "the input generator failed on " + broken.size() + " of " + count + ": " + broken.get(0),
          broken);
    }
    var inputs = generated.stream().map(PartRunner.Generated::args).toList();
    if (problem.inputValidator() != null) {
      var rejected = rejected(problem, generated, budget);
      if (!rejected.isEmpty()) {
        return ProblemValidator.failed(
            NAME,
            "the input validator rejects "
                + rejected.size()
                + " of "
                + count
                + " generated inputs: "
                + rejected.get(0),
            rejected);
      }
    }
    // Per input, what went wrong with it; an input with no entry is one everybody agreed on.
    Map<Integer, List<String>> disagreements = new LinkedHashMap<>();
    var brute = runBruteForce(problem, inputs, budget, disagreements);
    for (var language : Language.values()) {
      if (budget.over()) {
        return ProblemValidator.failed(NAME, budget.overMessage(), List.of());
      }
      compareReference(problem, language, inputs, brute, budget, disagreements);
    }
    agreed = count - disagreements.size();
    if (disagreements.isEmpty()) {
      samples =
          IntStream.range(0, inputs.size())
              .mapToObj(i -> new Sample(seeds.get(i), inputs.get(i), brute.get(i)))
              .toList();
      return new ValidationReport.Check(
          NAME,
          ValidationReport.Status.PASSED,
          "the brute force and all "
              + Language.values().length
              + " references agree on "
              + count
              + " generated "
              + SCALE
              + " inputs",
          List.of());
    }
    var failing =
        disagreements.keySet().stream()
            .sorted(Comparator.comparingInt((Integer i) -> inputs.get(i).toString().length()))
            .toList();
    var failures = new ArrayList<String>();
    for (int i : failing) {
      failures.add(
          "input "
              + ProblemValidator.abbreviate(inputs.get(i))
              + " (seed "
              + seeds.get(i)
              + "): "
              + String.join("; ", disagreements.get(i)));
    }
    return ProblemValidator.failed(
        NAME,
        "the brute force and the references disagree on "
            + failing.size()
            + " of "
            + count
            + " generated inputs; the smallest: "
            + failures.get(0),
        failures);
  }

  private List<String> rejected(
      Problem problem, List<PartRunner.Generated> generated, Budget budget) {
    var inputs = generated.stream().map(PartRunner.Generated::args).toList();
    var results = parts.validate(problem, inputs, budget.limits(), Lane.BACKGROUND);
    var rejected = new ArrayList<String>();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).accepted()) {
        rejected.add(
            "generate("
                + generated.get(i).seed()
                + ", \""
                + SCALE
                + "\") returned "
                + ProblemValidator.abbreviate(inputs.get(i))
                + ", which "
                + results.get(i).message());
      }
    }
    return rejected;
  }

  // The brute force's answers, null where it gave none (that input is then a disagreement).
  private List<JsonNode> runBruteForce(
      Problem problem, List<JsonNode> inputs, Budget budget, Map<Integer, List<String>> out) {
    var tests = inputs.stream().map(args -> new Expectation(Kind.HIDDEN, args, null, "")).toList();
    var answers = new ArrayList<JsonNode>();
    for (var chunk :
        judgeInChunks(problem, Language.PYTHON, problem.bruteForce().code(), tests, budget)) {
      if (chunk.verdict() == Verdict.COMPILE_ERROR) {
        var diagnostic = chunk.diagnostics().isEmpty() ? null : chunk.diagnostics().get(0);
        for (var test : chunk.tests()) {
          answers.add(null);
          disagree(
              out,
              answers.size() - 1,
              "the brute force does not compile"
                  + (diagnostic == null
                      ? ""
                      : ": line " + diagnostic.line() + ": " + diagnostic.message()));
        }
        continue;
      }
      for (var test : chunk.tests()) {
        answers.add(test.verdict() == Verdict.COMPLETED ? test.outcome().actual() : null);
        if (test.verdict() != Verdict.COMPLETED) {
          disagree(out, answers.size() - 1, "the brute force got " + describe(test));
        }
      }
    }
    return answers;
  }

  private void compareReference(
      Problem problem,
      Language language,
      List<JsonNode> inputs,
      List<JsonNode> brute,
      Budget budget,
      Map<Integer, List<String>> out) {
    // Only inputs the brute force answered: the others are failures already.
    var indices =
        IntStream.range(0, inputs.size()).filter(i -> brute.get(i) != null).boxed().toList();
    if (indices.isEmpty()) {
      return;
    }
    var tests =
        indices.stream()
            .map(i -> new Expectation(Kind.HIDDEN, inputs.get(i), brute.get(i), ""))
            .toList();
    var code = problem.solutions().get(language.id());
    int position = 0;
    for (var chunk : judgeInChunks(problem, language, code, tests, budget)) {
      for (var test : chunk.tests()) {
        int input = indices.get(position++);
        if (test.verdict() == Verdict.PASSED) {
          continue;
        }
        disagree(
            out,
            input,
            test.verdict() == Verdict.WRONG_ANSWER
                ? "the brute force returned "
                    + ProblemValidator.abbreviate(brute.get(input))
                    + ", the "
                    + language.id()
                    + " reference "
                    + ProblemValidator.abbreviate(test.outcome().actual())
                : "the " + language.id() + " reference got " + describe(test));
      }
    }
  }

  private List<Judgement> judgeInChunks(
      Problem problem, Language language, String code, List<Expectation> tests, Budget budget) {
    var judgements = new ArrayList<Judgement>();
    int batch = judge.maxTestsPerRun();
    for (int from = 0; from < tests.size(); from += batch) {
      var chunk = tests.subList(from, Math.min(tests.size(), from + batch));
      judgements.add(judge.judge(problem, language, code, chunk, budget.limits(), Lane.BACKGROUND));
    }
    return judgements;
  }

  /** Adds what went wrong on an input to its list (also for {@link ExecutedAnswers}). */
  static void disagree(Map<Integer, List<String>> out, int input, String what) {
    out.computeIfAbsent(input, i -> new ArrayList<>()).add(what);
  }

  /** A test's verdict and the first line of its message: {@code RUNTIME_ERROR: ...}. */
  static String describe(JudgedTest test) {
    var message = test.message();
    return test.verdict()
        + (message == null || message.isBlank() ? "" : ": " + ProblemValidator.firstLine(message));
  }
}
