package dev.improview.problem;

import dev.improview.execution.Comparison;
import dev.improview.execution.Lane;
import dev.improview.problem.ProblemValidator.Budget;
import dev.improview.problem.StressCheck.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 6, mutation: mutants of the Python reference (an operator, a comparison, a constant moved by
 * one, swapped branches, a call left out; made from its syntax tree in the sandbox, see {@code
 * mutants.py}) run on the hidden tests and the stress inputs, in one sandbox run. A mutant the
 * inputs tell apart from the reference is distinguishable; one a hidden test tells apart is killed
 * (a mutant that brings its process down counts as killed). Every distinguishable mutant must be
 * killed: a survivor is a mistake the hidden tests would let through, and the generated input that
 * exposes it is what amplification adds. The driver only says where a mutant's output differs as
 * text; this check decides with the problem's comparison, against the hidden tests' expected values
 * and the stress answers everybody agreed on.
 */
final class MutationCheck {

  static final String NAME = "mutation";

  /** A distinguishable mutant the hidden tests miss, and the stress sample that exposes it. */
  record Survivor(String description, Sample exposedBy, JsonNode mutantValue) {}

  private final PartRunner parts;
  private final JsonMapper json;
  private final PartRunner.MutationLimits limits;
  private int killed;
  private int distinguishable;
  private final List<Survivor> survivors = new ArrayList<>();
  private Set<String> accepted = Set.of();

  MutationCheck(PartRunner parts, JsonMapper json, PartRunner.MutationLimits limits) {
    this.parts = parts;
    this.json = json;
    this.limits = limits;
  }

  int killed() {
    return killed;
  }

  int distinguishable() {
    return distinguishable;
  }

  List<Survivor> survivors() {
    return List.copyOf(survivors);
  }

  ValidationReport.Check run(Problem problem, List<Sample> samples, Budget budget) {
    if (limits.maxMutants() == 0) {
      return ProblemValidator.skipped(
          NAME, "mutation is switched off (improview.problems.validation.max-mutants is 0)");
    }
    if (samples.isEmpty()) {
      return ProblemValidator.skipped(
          NAME, "needs the stress inputs, to tell which mutants any input can expose");
    }
    if (budget.over()) {
      return ProblemValidator.failed(NAME, budget.overMessage(), List.of());
    }
    var hidden = problem.hiddenTests();
    var inputs = new ArrayList<JsonNode>();
    hidden.forEach(t -> inputs.add(t.args()));
    samples.forEach(s -> inputs.add(s.args()));
    PartRunner.MutantAnswers answers;
    try {
      answers =
          parts.mutants(problem, inputs, hidden.size(), limits, budget.limits(), Lane.BACKGROUND);
    } catch (IllegalStateException e) {
      return ProblemValidator.failed(
          NAME, "the Python reference could not be mutated: " + e.getMessage(), List.of());
    }
    int made = answers.descriptions().size();
    var parsedAnswers = new ArrayList<JsonNode>();
    for (int k = 0; k < made; k++) {
      var answer = answers.answers().get(k);
      JsonNode parsed = null;
      if (answer != null) {
        try {
          parsed = json.readTree(answer);
        } catch (JacksonException e) {
          parsed = json.createObjectNode().put("broken", "not JSON");
        }
      }
      parsedAnswers.add(parsed);
    }
    accepted = checkerAccepts(problem, samples, parsedAnswers, budget);
    for (int k = 0; k < made; k++) {
      var parsed = parsedAnswers.get(k);
      if (parsed == null) {
        killed++;
        distinguishable++;
        continue;
      }
      if (parsed.has("broken") || parsed.has("absent")) {
        continue;
      }
      if (parsed.has("crashed")) {
        // It brought its own process down (or ran out of its CPU allowance): killed.
        killed++;
        distinguishable++;
        continue;
      }
      judge(problem, samples, k, answers.descriptions().get(k), parsed);
    }
    var detail =
        killed
            + "/"
            + distinguishable
            + " distinguishable mutants of the Python reference killed by the hidden tests ("
            + made
            + " made, "
            + (made - distinguishable)
            + " no input tells apart)";
    if (survivors.isEmpty()) {
      return new ValidationReport.Check(NAME, ValidationReport.Status.PASSED, detail, List.of());
    }
    var failures =
        survivors.stream()
            .map(
                s ->
                    "mutant ("
                        + s.description()
                        + ") passes every hidden test, but generate("
                        + s.exposedBy().seed()
                        + ", \"small\") = "
                        + ProblemValidator.abbreviate(s.exposedBy().args())
                        + " tells it apart (expected "
                        + ProblemValidator.abbreviate(s.exposedBy().expected())
                        + (s.mutantValue() == null
                            ? ""
                            : ", mutant " + ProblemValidator.abbreviate(s.mutantValue()))
                        + ")")
            .toList();
    return ProblemValidator.failed(NAME, detail + "; " + failures.get(0), failures);
  }

  // With a checker, every reported value in one run of it: "mutant:input" for those it accepts.
  private Set<String> checkerAccepts(
      Problem problem, List<Sample> samples, List<JsonNode> answers, Budget budget) {
    if (problem.comparison().mode() != Comparison.Mode.CHECKER) {
      return Set.of();
    }
    int hidden = problem.hiddenTests().size();
    var keys = new ArrayList<String>();
    var toCheck = new ArrayList<PartRunner.Answer>();
    for (int k = 0; k < answers.size(); k++) {
      var answer = answers.get(k);
      if (answer == null) {
        continue;
      }
      for (var difference : answer.path("differences")) {
        int i = difference.path("i").asInt(-1);
        if (i < 0 || i >= hidden + samples.size() || !difference.has("value")) {
          continue;
        }
        var args =
            i < hidden ? problem.hiddenTests().get(i).args() : samples.get(i - hidden).args();
        var expected =
            i < hidden
                ? problem.hiddenTests().get(i).expected()
                : samples.get(i - hidden).expected();
        keys.add(k + ":" + i);
        toCheck.add(new PartRunner.Answer(args, difference.get("value"), expected));
      }
    }
    var accepted = new HashSet<String>();
    if (toCheck.isEmpty()) {
      return accepted;
    }
    var checks = parts.check(problem, toCheck, budget.limits(), Lane.BACKGROUND);
    for (int j = 0; j < checks.size(); j++) {
      if (checks.get(j).accepted()) {
        accepted.add(keys.get(j));
      }
    }
    return accepted;
  }

  // Each difference the driver reported, confirmed (or not) with the problem's comparison.
  private void judge(
      Problem problem, List<Sample> samples, int k, String description, JsonNode answer) {
    int hidden = problem.hiddenTests().size();
    boolean isKilled = false;
    Sample exposing = null;
    JsonNode exposingValue = null;
    for (var difference : answer.path("differences")) {
      int i = difference.path("i").asInt(-1);
      if (i < 0 || i >= hidden + samples.size()) {
        continue;
      }
      var expected =
          i < hidden ? problem.hiddenTests().get(i).expected() : samples.get(i - hidden).expected();
      var args = i < hidden ? problem.hiddenTests().get(i).args() : samples.get(i - hidden).args();
      boolean differs =
          !"ok".equals(difference.path("outcome").asString(""))
              || !difference.has("value")
              || !(problem.comparison().mode() == Comparison.Mode.CHECKER
                  ? accepted.contains(k + ":" + i)
                  : sameAnswer(problem, args, expected, difference.get("value")));
      if (!differs) {
        continue;
      }
      if (i < hidden) {
        isKilled = true;
      } else if (exposing == null) {
        exposing = samples.get(i - hidden);
        exposingValue = difference.get("value");
      }
    }
    // Out of time within the hidden tests: five times slower than the reference on them.
    int stoppedAt = answer.path("stoppedAt").asInt(-1);
    if (stoppedAt >= 0 && stoppedAt <= hidden) {
      isKilled = true;
    }
    if (isKilled) {
      killed++;
      distinguishable++;
    } else if (exposing != null) {
      distinguishable++;
      survivors.add(new Survivor(description, exposing, exposingValue));
    }
  }

  // Both in their one JSON form (a bigint 7 is "7"); a value the mutant made that does not fit the
  // return type is a difference, never compared.
  private static boolean sameAnswer(
      Problem problem, JsonNode args, JsonNode expected, JsonNode value) {
    var signature = problem.signature();
    if (signature.resultMisfit(args, value) != null) {
      return false;
    }
    return problem
        .comparison()
        .matches(signature.canonicalResult(args, expected), signature.canonicalResult(args, value));
  }
}
