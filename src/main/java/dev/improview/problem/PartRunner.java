package dev.improview.problem;

import dev.improview.execution.ExecutionEngine;
import dev.improview.execution.ExecutionReport;
import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.Lane;
import dev.improview.execution.Language;
import dev.improview.execution.Parameter;
import dev.improview.execution.RunLimits;
import dev.improview.execution.Signature;
import dev.improview.execution.TestCase;
import dev.improview.execution.TestReport;
import dev.improview.execution.ValueType;
import dev.improview.execution.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a problem's input generator and input validator in the sandbox, never in the server, and
 * believes nothing they return until it has checked it. Each part is wrapped in a small Python
 * function that the engine calls like a solution, one test per input, and that returns a string:
 * the generator's arguments as JSON (the server parses them and checks them against the problem's
 * signature), or the validator's message (empty: accepted). The wrapper goes after the part's code,
 * so line numbers in its errors are its own.
 */
@Component
class PartRunner {

  private static final ValueType STRING = ValueType.parse("string");

  private static final Signature GENERATE =
      new Signature(
          "improviewGenerate",
          List.of(new Parameter("seed", ValueType.parse("int")), new Parameter("scale", STRING)),
          STRING);

  private static final String GENERATE_WRAPPER =
      """


      def improview_generate(seed, scale):
          import json as _improview_json
          return _improview_json.dumps(generate(seed, scale), separators=(",", ":"), allow_nan=False)
      """;

  private static final String VALIDATE_WRAPPER =
      """


      def improview_validate(*args):
          try:
              validate(*args)
          except ValueError as error:
              return str(error) or "ValueError (the validator gave no message)"
          return ""
      """;

  private final ExecutionEngine engine;
  private final JsonMapper json;

  PartRunner(ExecutionEngine engine, JsonMapper json) {
    this.engine = engine;
    this.json = json;
  }

  /** What the validator said about one input. */
  record InputCheck(Outcome outcome, String message) {
    boolean accepted() {
      return outcome == Outcome.ACCEPTED;
    }
  }

  /** ACCEPTED, REJECTED (the validator raised ValueError), or FAILED (it did not answer). */
  enum Outcome {
    ACCEPTED,
    REJECTED,
    FAILED
  }

  /** One generated input: its arguments, or why there are none. */
  record Generated(int seed, JsonNode args, String failure) {
    boolean ok() {
      return args != null;
    }
  }

  /** Runs the problem's input validator on each of {@code inputs} (each a test's args). */
  List<InputCheck> validate(Problem problem, List<JsonNode> inputs, RunLimits limits, Lane lane) {
    var part = problem.inputValidator();
    if (part == null) {
      throw new IllegalStateException(problem.id() + " has no inputValidator");
    }
    var signature = new Signature("improviewValidate", problem.signature().params(), STRING);
    var cases = inputs.stream().map(TestCase::new).toList();
    var checks = new ArrayList<InputCheck>();
    for (var report : run(part.code() + VALIDATE_WRAPPER, signature, cases, limits, lane)) {
      for (var test : report.tests()) {
        if (test.verdict() == Verdict.COMPLETED && test.actual().isString()) {
          var message = test.actual().asString();
          checks.add(
              message.isEmpty()
                  ? new InputCheck(Outcome.ACCEPTED, "")
                  : new InputCheck(Outcome.REJECTED, message));
        } else {
          checks.add(new InputCheck(Outcome.FAILED, failure(report, test)));
        }
      }
    }
    return checks;
  }

  /**
   * Calls {@code generate(seed, scale)} for each seed and checks that what it returned is JSON that
   * fits the problem's signature.
   */
  List<Generated> generate(
      Problem problem, List<Integer> seeds, String scale, RunLimits limits, Lane lane) {
    var part = problem.inputGenerator();
    if (part == null) {
      throw new IllegalStateException(problem.id() + " has no inputGenerator");
    }
    var cases =
        seeds.stream()
            .map(seed -> new TestCase(json.createArrayNode().add(seed).add(scale)))
            .toList();
    var generated = new ArrayList<Generated>();
    for (var report : run(part.code() + GENERATE_WRAPPER, GENERATE, cases, limits, lane)) {
      for (var test : report.tests()) {
        int seed = seeds.get(generated.size());
        var call = "generate(" + seed + ", \"" + scale + "\")";
        if (test.verdict() != Verdict.COMPLETED || !test.actual().isString()) {
          generated.add(new Generated(seed, null, call + ": " + failure(report, test)));
          continue;
        }
        JsonNode args;
        try {
          args = json.readTree(test.actual().asString());
        } catch (JacksonException e) {
          generated.add(new Generated(seed, null, call + " returned what is not JSON"));
          continue;
        }
        var misfit = CustomArgs.misfit(problem.signature(), args);
        generated.add(
            misfit.isPresent()
                ? new Generated(
                    seed,
                    null,
                    call + " returned " + CustomArgs.abbreviate(args) + ": 'args" + misfit.get())
                : new Generated(seed, args, ""));
      }
    }
    return generated;
  }

  // As many runs as the engine's max-tests makes necessary: one for the usual batch.
  private List<ExecutionReport> run(
      String code, Signature signature, List<TestCase> cases, RunLimits limits, Lane lane) {
    var reports = new ArrayList<ExecutionReport>();
    int batch = engine.maxTests();
    for (int from = 0; from < cases.size(); from += batch) {
      var chunk = cases.subList(from, Math.min(cases.size(), from + batch));
      reports.add(
          engine.run(new ExecutionRequest(Language.PYTHON, code, signature, chunk, limits), lane));
    }
    return reports;
  }

  private static String failure(ExecutionReport report, TestReport test) {
    if (!report.diagnostics().isEmpty()) {
      var diagnostic = report.diagnostics().get(0);
      return "does not compile: line " + diagnostic.line() + ": " + diagnostic.message();
    }
    var message = test.message();
    int newline = message.indexOf('\n');
    return test.verdict()
        + (message.isBlank() ? "" : ": " + (newline < 0 ? message : message.substring(0, newline)));
  }
}
