package dev.improview.run;

import dev.improview.execution.Diagnostic;
import dev.improview.execution.ExecutionEngine;
import dev.improview.execution.ExecutionReport;
import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.Language;
import dev.improview.execution.TestCase;
import dev.improview.execution.Verdict;
import dev.improview.platform.ApiProblems;
import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/runs}: the problem's public tests, or the candidate's own inputs checked against
 * what the reference solution returns for them.
 */
@RestController
class RunController {

  /** Custom inputs per run; each costs a reference run and a user run. */
  static final int MAX_CUSTOM_TESTS = 10;

  record CustomTest(JsonNode args) {}

  record RunRequest(String problemId, String language, String code, List<CustomTest> customTests) {}

  record TestResult(
      int index,
      String kind,
      Verdict verdict,
      JsonNode args,
      JsonNode expected,
      JsonNode actual,
      String stdout,
      boolean stdoutTruncated,
      String stderr,
      boolean stderrTruncated,
      long timeMillis,
      long cpuMillis,
      String message,
      Map<String, EchoLimits.Shortened> shortened) {}

  record RunResponse(
      Verdict verdict, List<TestResult> tests, List<Diagnostic> diagnostics, long wallMillis) {}

  private final ProblemCatalog catalog;
  private final ExecutionEngine engine;
  private final RunLimitsPolicy limits;
  private final EchoLimits echo;
  private final ObjectMapper json;

  RunController(
      ProblemCatalog catalog,
      ExecutionEngine engine,
      RunLimitsPolicy limits,
      EchoLimits echo,
      ObjectMapper json) {
    this.catalog = catalog;
    this.engine = engine;
    this.limits = limits;
    this.echo = echo;
    this.json = json;
  }

  @PostMapping("/api/runs")
  RunResponse run(@RequestBody RunRequest body) {
    if (body.problemId() == null || body.problemId().isBlank()) {
      throw ApiProblems.badRequest("'problemId' is required");
    }
    var language = language(body.language());
    if (body.code() == null) {
      throw ApiProblems.badRequest("'code' is required");
    }
    var problem =
        catalog
            .find(body.problemId())
            .orElseThrow(
                () -> ApiProblems.notFound("No problem with id '" + body.problemId() + "'"))
            .problem();
    var custom = body.customTests() == null ? List.<CustomTest>of() : body.customTests();
    if (custom.isEmpty()) {
      var tests =
          problem.publicTests().stream().map(t -> new TestCase(t.args(), t.expected())).toList();
      var report = execute(problem, language, body.code(), tests);
      return response(report, tests, "public", List.of());
    }
    return runCustom(problem, language, body.code(), custom);
  }

  private RunResponse runCustom(
      Problem problem, Language language, String code, List<CustomTest> custom) {
    if (custom.size() > MAX_CUSTOM_TESTS) {
      throw ApiProblems.badRequest(
          "'customTests' has " + custom.size() + " entries; at most " + MAX_CUSTOM_TESTS);
    }
    var args = new ArrayList<JsonNode>();
    for (int i = 0; i < custom.size(); i++) {
      args.add(CustomArgs.check(problem.signature(), custom.get(i), i));
    }
    var reference =
        execute(
            problem,
            language,
            problem.solutions().get(language.id()),
            args.stream().map(TestCase::withoutExpectation).toList());
    var tests = new ArrayList<TestCase>();
    var notes = new ArrayList<String>();
    for (int i = 0; i < args.size(); i++) {
      var outcome = reference.tests().get(i);
      if (outcome.verdict().isSuccess()) {
        tests.add(new TestCase(args.get(i), outcome.actual()));
        notes.add(null);
      } else {
        tests.add(TestCase.withoutExpectation(args.get(i)));
        notes.add(
            "The reference solution did not return a value for this input ("
                + outcome.verdict()
                + "); check that it meets the constraints.");
      }
    }
    return response(execute(problem, language, code, tests), tests, "custom", notes);
  }

  private ExecutionReport execute(
      Problem problem, Language language, String code, List<TestCase> tests) {
    try {
      return engine.run(
          new ExecutionRequest(
              language,
              code,
              problem.signature(),
              problem.comparison(),
              tests,
              limits.forProblem(problem, language)));
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest(e.getMessage());
    }
  }

  private RunResponse response(
      ExecutionReport report, List<TestCase> tests, String kind, List<String> notes) {
    var results = new ArrayList<TestResult>();
    for (var outcome : report.tests()) {
      var test = tests.get(outcome.index());
      var note = notes.isEmpty() ? null : notes.get(outcome.index());
      var message = note == null ? outcome.message() : joined(note, outcome.message());
      var values = echo.echo(json);
      var args = json.createArrayNode();
      for (int i = 0; i < test.args().size(); i++) {
        args.add(values.value("args[" + i + "]", test.args().get(i)));
      }
      var expected = values.value("expected", test.expected());
      var actual = values.value("actual", outcome.actual());
      results.add(
          new TestResult(
              outcome.index(),
              kind,
              outcome.verdict(),
              args,
              expected,
              actual,
              outcome.stdout(),
              outcome.stdoutTruncated(),
              outcome.stderr(),
              outcome.stderrTruncated(),
              outcome.timeMillis(),
              outcome.cpuMillis(),
              message,
              values.shortened()));
    }
    return new RunResponse(report.verdict(), results, report.diagnostics(), report.wallMillis());
  }

  private static String joined(String first, String second) {
    return second == null || second.isBlank() ? first : first + "\n" + second;
  }

  private static Language language(String id) {
    if (id == null) {
      throw ApiProblems.badRequest("'language' is required: javascript, python or java");
    }
    try {
      return Language.fromId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest("'language': " + e.getMessage());
    }
  }
}
