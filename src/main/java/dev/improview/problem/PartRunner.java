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

  // For a signature beyond the first format's types (lists, trees, bigints, maps, nullables, a
  // design class), the validator sees every argument in its JSON form: a list as an array, a tree
  // in level order, a bigint as a string of digits, a design test as its ops and args.
  private static final Signature VALIDATE_JSON =
      new Signature("improviewValidateJson", List.of(new Parameter("args", STRING)), STRING);

  private static final String VALIDATE_JSON_WRAPPER =
      """


      def improview_validate_json(args):
          import json as _improview_json
          try:
              validate(*_improview_json.loads(args))
          except ValueError as error:
              return str(error) or "ValueError (the validator gave no message)"
          return ""
      """;

  private static final Signature MUTANT =
      new Signature(
          "improviewMutant",
          List.of(new Parameter("index", ValueType.parse("int")), new Parameter("inputs", STRING)),
          STRING);

  private static final String MUTATION_DRIVER = resource("/problem-validation/mutants.py");

  /** Runs of the mutation driver after a mutant brought its process down, at most. */
  private static final int MAX_MUTANT_RUNS = 20;

  private static final Signature CHECK =
      new Signature(
          "improviewCheck",
          List.of(
              new Parameter("args", STRING),
              new Parameter("actual", STRING),
              new Parameter("expected", STRING)),
          STRING);

  private static final String CHECK_WRAPPER =
      """


      def improview_check(args, actual, expected):
          import json as _improview_json
          try:
              verdict = check(_improview_json.loads(args), _improview_json.loads(actual),
                              _improview_json.loads(expected))
          except ValueError as error:
              return str(error) or "ValueError (the checker gave no message)"
          if verdict is True:
              return ""
          if verdict is False:
              return "the checker does not accept this answer"
          raise TypeError("check() returned " + type(verdict).__name__ + ", not True or False")
      """;

  private final ExecutionEngine engine;
  private final JsonMapper json;

  PartRunner(ExecutionEngine engine, JsonMapper json) {
    this.engine = engine;
    this.json = json;
  }

  /** One answer for the checker: the test's args, the returned value, the reference's value. */
  record Answer(JsonNode args, JsonNode actual, JsonNode expected) {}

  /**
   * Runs the problem's checker on each answer, in the sandbox: ACCEPTED, REJECTED (False, or a
   * ValueError with why), or FAILED (it did not answer: its own fault, or the answer's shape made
   * it fail).
   */
  List<InputCheck> check(Problem problem, List<Answer> answers, RunLimits limits, Lane lane) {
    var part = problem.checker();
    if (part == null) {
      throw new IllegalStateException(problem.id() + " has no checker");
    }
    var cases =
        answers.stream()
            .map(
                a ->
                    new TestCase(
                        json.createArrayNode()
                            .add(a.args().toString())
                            .add(a.actual().toString())
                            .add(a.expected().toString())))
            .toList();
    return verdicts(part.code() + CHECK_WRAPPER, CHECK, cases, limits, lane);
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
    if (!problem.signature().isPlain() || problem.signature().isClass()) {
      var cases =
          inputs.stream()
              .map(
                  args ->
                      new TestCase(
                          json.createArrayNode()
                              .add(
                                  json.writeValueAsString(
                                      problem.signature().canonicalArgs(args)))))
              .toList();
      return verdicts(part.code() + VALIDATE_JSON_WRAPPER, VALIDATE_JSON, cases, limits, lane);
    }
    var signature = new Signature("improviewValidate", problem.signature().params(), STRING);
    var cases = inputs.stream().map(TestCase::new).toList();
    return verdicts(part.code() + VALIDATE_WRAPPER, signature, cases, limits, lane);
  }

  // A part that answers each case with a message: empty accepts, any other rejects with it, and
  // no string at all is the part's own failure.
  private List<InputCheck> verdicts(
      String code, Signature signature, List<TestCase> cases, RunLimits limits, Lane lane) {
    var checks = new ArrayList<InputCheck>();
    for (var report : run(code, signature, cases, limits, lane)) {
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

  /** How the mutation driver works through the mutants; see {@code mutants.py}. */
  record MutationLimits(
      int maxMutants, double inputSeconds, int differencesPerPhase, int valueBytes) {}

  /**
   * What the mutation driver said: what each mutant changed, and per mutant its answer (the JSON
   * text it returned), or null where its test did not complete (it brought its process down or ran
   * out of time).
   */
  record MutantAnswers(List<String> descriptions, List<String> answers) {}

  /**
   * Makes mutants of the problem's Python reference in the sandbox and runs each on {@code inputs}
   * (the hidden tests' args first, {@code hidden} of them, then generated ones): one run for them
   * all, and one more after each mutant that brings its process down.
   */
  MutantAnswers mutants(
      Problem problem,
      List<JsonNode> inputs,
      int hidden,
      MutationLimits mutation,
      RunLimits limits,
      Lane lane) {
    var reference = problem.solutions().get(Language.PYTHON.id());
    var code = mutationHeader(problem, reference, hidden, mutation) + "\n" + MUTATION_DRIVER;
    var inputsJson = json.createArrayNode().addAll(inputs).toString();
    var load = new TestCase(json.createArrayNode().add(-1).add(inputsJson));
    List<String> descriptions = null;
    var answers = new ArrayList<String>();
    int from = 0;
    int total = mutation.maxMutants();
    for (int runs = 0; from < total && runs < MAX_MUTANT_RUNS; runs++) {
      var cases = new ArrayList<TestCase>();
      cases.add(load);
      int upTo = Math.min(total, from + engine.maxTests() - 1);
      for (int k = from; k < upTo; k++) {
        cases.add(new TestCase(json.createArrayNode().add(k).add("")));
      }
      var report =
          engine.run(new ExecutionRequest(Language.PYTHON, code, MUTANT, cases, limits), lane);
      var listing = report.tests().isEmpty() ? null : report.tests().get(0);
      if (listing == null
          || listing.verdict() != Verdict.COMPLETED
          || !listing.actual().isString()) {
        throw new IllegalStateException(
            "the mutation driver did not start: "
                + (listing == null ? "no result" : failure(report, listing)));
      }
      if (descriptions == null) {
        descriptions = new ArrayList<>();
        for (var description : json.readTree(listing.actual().asString())) {
          descriptions.add(description.asString());
        }
        total = Math.min(total, descriptions.size());
      }
      int next = upTo;
      for (var test : report.tests().subList(1, report.tests().size())) {
        int k = from + test.index() - 1;
        if (k >= total) {
          break;
        }
        if (test.verdict() == Verdict.COMPLETED && test.actual().isString()) {
          answers.add(test.actual().asString());
        } else if (test.verdict() == Verdict.NOT_RUN) {
          next = k;
          break;
        } else {
          answers.add(null);
        }
      }
      from = Math.min(next, total);
    }
    while (answers.size() < (descriptions == null ? 0 : descriptions.size())) {
      answers.add(null);
    }
    return new MutantAnswers(descriptions == null ? List.of() : descriptions, answers);
  }

  private static String mutationHeader(
      Problem problem, String reference, int hidden, MutationLimits mutation) {
    var mode = problem.comparison().mode();
    // The signature as a job's header gives it to the harness (names in Python's form, a design
    // method's ops name as "call"): mutants.py decodes inputs and encodes returns by its types.
    var signature = problem.signature();
    var header = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    java.util.function.BiConsumer<tools.jackson.databind.node.ObjectNode, List<Parameter>> params =
        (node, list) -> {
          var array = node.putArray("params");
          var names = Signature.names(list, Language.PYTHON);
          for (int i = 0; i < list.size(); i++) {
            array.addObject().put("name", names.get(i)).put("type", list.get(i).type().toString());
          }
        };
    if (signature.isClass()) {
      header.put("kind", "class").put("className", signature.design().className());
      params.accept(header.putObject("constructor"), signature.design().constructor());
      var methods = header.putArray("methods");
      for (var method : signature.design().methods()) {
        var m =
            methods
                .addObject()
                .put("call", method.name())
                .put("name", method.name(Language.PYTHON));
        params.accept(m, method.params());
        m.put("returns", method.returns().toString());
      }
    } else {
      header.put("function", signature.functionName(Language.PYTHON));
      params.accept(header, signature.params());
      header.put("returns", signature.returns().toString());
    }
    return "import base64 as _improview_base64\n"
        + "import json as _improview_json\n"
        + "IMPROVIEW_REFERENCE = _improview_base64.b64decode(\""
        + java.util.Base64.getEncoder()
            .encodeToString(reference.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "\").decode(\"utf-8\")\n"
        + "IMPROVIEW_SIGNATURE = _improview_json.loads(_improview_base64.b64decode(\""
        + java.util.Base64.getEncoder()
            .encodeToString(header.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "\").decode(\"utf-8\"))\n"
        + "IMPROVIEW_FUNCTION = \""
        + problem.signature().functionName(Language.PYTHON)
        + "\"\n"
        + "IMPROVIEW_HIDDEN = "
        + hidden
        + "\nIMPROVIEW_UNORDERED = "
        + (mode == dev.improview.execution.Comparison.Mode.UNORDERED ? "True" : "False")
        + "\nIMPROVIEW_TEXT_DECIDES = "
        + (mode == dev.improview.execution.Comparison.Mode.FLOAT
                || mode == dev.improview.execution.Comparison.Mode.CHECKER
            ? "False"
            : "True")
        + "\nIMPROVIEW_MAX_MUTANTS = "
        + mutation.maxMutants()
        + "\nIMPROVIEW_INPUT_SECONDS = "
        + mutation.inputSeconds()
        + "\nIMPROVIEW_DIFFERENCES_PER_PHASE = "
        + mutation.differencesPerPhase()
        + "\nIMPROVIEW_VALUE_BYTES = "
        + mutation.valueBytes()
        + "\n";
  }

  private static String resource(String name) {
    try (var in = PartRunner.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
