package dev.improview.run;

import dev.improview.attempt.AttemptRuns;
import dev.improview.execution.Diagnostic;
import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.platform.ApiProblems;
import dev.improview.platform.CurrentAccount;
import dev.improview.platform.RateLimit;
import dev.improview.platform.RateLimiter;
import dev.improview.problem.Judge;
import dev.improview.problem.JudgedTest;
import dev.improview.problem.Judgement;
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
 * what the reference solution returns for them. It parses, asks the {@link Judge}, and maps the
 * judgement to the response, echoing long values shortened ({@link EchoLimits}).
 */
@RestController
class RunController {

  record CustomTest(JsonNode args) {}

  record RunRequest(
      String problemId,
      String language,
      String code,
      List<CustomTest> customTests,
      String attemptId) {}

  record TestResult(
      int index,
      JudgedTest.Kind kind,
      Verdict verdict,
      JsonNode args,
      JsonNode expected,
      JsonNode actual,
      String stdout,
      boolean stdoutTruncated,
      String stderr,
      boolean stderrTruncated,
      long timeMillis,
      double cpuMillis,
      String message,
      Map<String, EchoLimits.Shortened> shortened) {}

  record RunResponse(
      Verdict verdict, List<TestResult> tests, List<Diagnostic> diagnostics, long wallMillis) {}

  private final ProblemCatalog catalog;
  private final Judge judge;
  private final EchoLimits echo;
  private final ObjectMapper json;
  private final AttemptRuns attempts;
  private final CurrentAccount account;
  private final RateLimiter limits;

  RunController(
      ProblemCatalog catalog,
      Judge judge,
      EchoLimits echo,
      ObjectMapper json,
      AttemptRuns attempts,
      CurrentAccount account,
      RateLimiter limits) {
    this.attempts = attempts;
    this.account = account;
    this.limits = limits;
    this.catalog = catalog;
    this.judge = judge;
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
    // Checked before anything runs: a wrong attempt costs no sandbox.
    var attempt = body.attemptId() == null ? null : attempts.check(body.attemptId(), problem.id());
    // Counted once the request is known to be runnable: a mistyped one costs nothing.
    limits.consume(RateLimit.RUN, account.id().toString());
    var custom = body.customTests() == null ? List.<CustomTest>of() : body.customTests();
    var judgement =
        custom.isEmpty()
            ? judge.publicTests(problem, language, body.code())
            : judge.customInputs(
                problem,
                language,
                body.code(),
                custom.stream().map(t -> t == null ? null : t.args()).toList());
    if (attempt != null) {
      attempts.recordRun(
          attempt, language, judgement.verdict(), judgement.tests().size(), !custom.isEmpty());
    }
    return response(judgement);
  }

  private RunResponse response(Judgement judgement) {
    var results = new ArrayList<TestResult>();
    for (var test : judgement.tests()) {
      var outcome = test.outcome();
      var values = echo.echo(json);
      var args = json.createArrayNode();
      for (int i = 0; i < test.args().size(); i++) {
        args.add(values.value("args[" + i + "]", test.args().get(i)));
      }
      var expected = values.value("expected", test.expected());
      var actual = values.value("actual", outcome.actual());
      results.add(
          new TestResult(
              test.index(),
              test.kind(),
              test.verdict(),
              args,
              expected,
              actual,
              outcome.stdout(),
              outcome.stdoutTruncated(),
              outcome.stderr(),
              outcome.stderrTruncated(),
              outcome.timeMillis(),
              outcome.cpuMillis(),
              test.message(),
              values.shortened()));
    }
    return new RunResponse(
        judgement.verdict(), results, judgement.diagnostics(), judgement.wallMillis());
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
