package dev.improview.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submissions over HTTP on a real server, sandbox and PostgreSQL: verdicts, what a hidden test may
 * show, idempotency, bad input, and a runner that died (its lease lapsed) being taken over.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.submissions.lease=1500ms",
      "improview.submissions.sweep-interval=200ms",
      "improview.execution.prewarm-java=0"
    })
@AutoConfigureMockMvc
class SubmissionApiTests {

  static final String PROBLEM_TYPE = "https://improview.dev/problems/";
  static final String PROBLEM = "first-repeated-badge-scan";

  @Autowired MockMvc mvc;
  @Autowired ProblemCatalog catalog;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  Problem problem;

  @BeforeEach
  void setUp() {
    problem = catalog.find(PROBLEM).orElseThrow().problem();
  }

  @Test
  void aCorrectSolutionIsAcceptedAndEndsTheAttempt() throws Exception {
    var attempt = freshAttempt();
    mvc.perform(
            post("/api/attempts/{id}/timer", attempt)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"start\"}"))
        .andExpect(status().isOk());
    var result =
        submit(attempt, "python", problem.solutions().get("python"), null)
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString("/api/submissions/")))
            .andExpect(jsonPath("$.state").value("finished"))
            .andExpect(jsonPath("$.verdict").value("ACCEPTED"))
            .andExpect(jsonPath("$.total").value(tests()))
            .andExpect(jsonPath("$.passed").value(tests()))
            .andExpect(jsonPath("$.firstFailure").doesNotExist())
            .andExpect(jsonPath("$.tests.length()").value(tests()))
            .andExpect(jsonPath("$.tests[0].kind").value("public"))
            .andExpect(jsonPath("$.tests[" + (tests() - 1) + "].kind").value("hidden"))
            .andExpect(jsonPath("$.code").value(problem.solutions().get("python")));
    var submission = tree(result);
    var sid = submission.get("id").asString();

    var detail =
        tree(mvc.perform(get("/api/attempts/{id}", attempt)).andExpect(status().isOk()))
            .requireNonNull();
    assertThat(detail.get("state").asString()).isEqualTo("accepted");
    assertThat(detail.get("lastVerdict").asString()).isEqualTo("ACCEPTED");
    assertThat(detail.get("submissionCount").asInt()).isEqualTo(1);
    assertThat(detail.get("solvedMillis").asLong())
        .isEqualTo(submission.get("elapsedMillis").asLong());
    assertThat(detail.get("timer").get("running").asBoolean()).isFalse();
    assertThat(detail.get("submissions").get(0).get("id").asString()).isEqualTo(sid);
    assertThat(kinds(detail)).containsSubsequence("opened", "submitted", "judged");
    var judged = event(detail, "judged");
    assertThat(judged.get("detail").get("verdict").asString()).isEqualTo("ACCEPTED");
    assertThat(judged.get("detail").get("submissionId").asString()).isEqualTo(sid);

    mvc.perform(get("/api/submissions/{id}", sid))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("ACCEPTED"))
        .andExpect(jsonPath("$.attemptId").value(attempt));
    // The full report is kept under the key the row names, written just after the answer.
    var reportKey =
        jdbc.sql("select report_key from submission where id = cast(:id as uuid)")
            .param("id", sid)
            .query(String.class)
            .single();
    for (long end = System.nanoTime() + 10_000_000_000L;
        blobs.get(reportKey).isEmpty() && System.nanoTime() < end; ) {
      Thread.sleep(20);
    }
    var report = json.readTree(blobs.get(reportKey).orElseThrow());
    assertThat(report.get("tests").size()).isEqualTo(tests());
    assertThat(dev.improview.platform.Sha256.hex(blobs.get(reportKey).orElseThrow()))
        .isEqualTo(reportKey);
    // The attempt has ended: another submission is refused.
    problemDetail(
        submit(attempt, "python", problem.solutions().get("python"), null),
        409,
        "attempt-closed",
        "has ended (accepted)");
  }

  @Test
  void aHiddenFailureShowsOnlyThatTestAndNoHiddenOutput() throws Exception {
    var attempt = freshAttempt();
    var result =
        submit(attempt, "python", publicOnlySolution(), null)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.verdict").value("WRONG_ANSWER"))
            .andExpect(jsonPath("$.passed").value(problem.publicTests().size()))
            .andExpect(jsonPath("$.firstFailure.kind").value("hidden"))
            .andExpect(jsonPath("$.firstFailure.index").value(problem.publicTests().size()))
            .andExpect(jsonPath("$.firstFailure.actual").value(-12345))
            .andExpect(jsonPath("$.firstFailure.stdout").value(""))
            .andExpect(jsonPath("$.firstFailure.stderr").value(""));
    var body = result.andReturn().getResponse().getContentAsString();
    var submission = json.readTree(body);
    var hidden = problem.hiddenTests().get(0);
    assertThat(submission.get("firstFailure").get("args")).isEqualTo(hidden.args());
    assertThat(submission.get("firstFailure").get("expected")).isEqualTo(hidden.expected());
    // Every hidden test printed a marker and its arguments: none of it leaves the server.
    assertThat(body).doesNotContain("SECRET-OUTPUT");
    assertThat(body).doesNotContain(problem.hiddenTests().get(1).args().toString());
    for (var test : submission.get("tests")) {
      assertThat(test.propertyNames())
          .containsExactlyInAnyOrder("index", "kind", "verdict", "timeMillis", "cpuMillis");
    }
    var read =
        mvc.perform(get("/api/submissions/{id}", submission.get("id").asString()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(read).doesNotContain("SECRET-OUTPUT");
    var detail = tree(mvc.perform(get("/api/attempts/{id}", attempt)));
    assertThat(detail.get("state").asString()).isEqualTo("open");
    assertThat(detail.get("lastVerdict").asString()).isEqualTo("WRONG_ANSWER");
    assertThat(detail.toString()).doesNotContain("SECRET-OUTPUT");
  }

  @Test
  void aPublicFailureKeepsItsOutput() throws Exception {
    var attempt = freshAttempt();
    submit(
            attempt,
            "python",
            "def " + function() + "(*args):\n    print('visible output')\n    return -12345\n",
            null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.verdict").value("WRONG_ANSWER"))
        .andExpect(jsonPath("$.passed").value(0))
        .andExpect(jsonPath("$.firstFailure.kind").value("public"))
        .andExpect(jsonPath("$.firstFailure.index").value(0))
        .andExpect(jsonPath("$.firstFailure.stdout").value("visible output\n"));
  }

  @Test
  void aCompileErrorHasItsDiagnosticsAndNoFirstFailure() throws Exception {
    var attempt = freshAttempt();
    submit(attempt, "java", "class Solution { int broken( }", null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.state").value("finished"))
        .andExpect(jsonPath("$.verdict").value("COMPILE_ERROR"))
        .andExpect(jsonPath("$.passed").value(0))
        .andExpect(jsonPath("$.diagnostics.length()").value(org.hamcrest.Matchers.greaterThan(0)))
        .andExpect(jsonPath("$.language").value("java"));
  }

  @Test
  void anIdempotencyKeyReplaysTheSameSubmissionAndRefusesAnotherBody() throws Exception {
    var attempt = freshAttempt();
    var key = UUID.randomUUID().toString();
    var code = "def " + function() + "(*args):\n    return -1\n";
    var first = tree(submit(attempt, "python", code, key).andExpect(status().isCreated()));
    var again = tree(submit(attempt, "python", code, key).andExpect(status().isOk()));
    assertThat(again.get("id")).isEqualTo(first.get("id"));
    assertThat(again.get("verdict")).isEqualTo(first.get("verdict"));
    problemDetail(
        submit(attempt, "python", code + "# changed\n", key),
        422,
        "idempotency-key-reused",
        "different submission");
    problemDetail(
        submit(attempt, "javascript", code, key), 422, "idempotency-key-reused", "Idempotency");
    assertThat(countWithKey(key)).isEqualTo(1);
  }

  @Test
  void eightConcurrentSubmitsWithOneKeyMakeOneSubmission() throws Exception {
    var attempt = freshAttempt();
    var key = UUID.randomUUID().toString();
    var body = submitBody("python", "def " + function() + "(*args):\n    return 0\n");
    var http = HttpClient.newHttpClient();
    var start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    var pool = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return http.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  "http://localhost:"
                                      + port
                                      + "/api/attempts/"
                                      + attempt
                                      + "/submissions"))
                          .header("Content-Type", "application/json")
                          .header("Idempotency-Key", key)
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .timeout(Duration.ofSeconds(60))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
                }));
      }
      start.countDown();
      var ids = new HashSet<String>();
      var statuses = new ArrayList<Integer>();
      for (var answer : answers) {
        var response = answer.get();
        statuses.add(response.statusCode());
        ids.add(json.readTree(response.body()).get("id").asString());
      }
      assertThat(ids).hasSize(1);
      assertThat(statuses).containsOnly(200, 201);
      assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(countWithKey(key)).isEqualTo(1);
    var detail = tree(mvc.perform(get("/api/attempts/{id}", attempt)));
    assertThat(detail.get("submissionCount").asInt()).isEqualTo(1);
    assertThat(kinds(detail).stream().filter("submitted"::equals).count()).isEqualTo(1);
  }

  @Test
  void badInputIsAProblemDetailNeverA500() throws Exception {
    var attempt = freshAttempt();
    var code = "def " + function() + "(*args):\n    return 0\n";
    problemDetail(
        submit(UUID.randomUUID().toString(), "python", code, null), 404, "not-found", "No attempt");
    problemDetail(submit("not-a-uuid", "python", code, null), 404, "not-found", "No attempt");
    problemDetail(submit(attempt, "cobol", code, null), 400, "bad-request", "'language'");
    problemDetail(submit(attempt, null, code, null), 400, "bad-request", "'language'");
    problemDetail(
        mvc.perform(
            post("/api/attempts/{id}/submissions", attempt)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"python\"}")),
        400,
        "bad-request",
        "'code' is required");
    problemDetail(
        mvc.perform(
            post("/api/attempts/{id}/submissions", attempt)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"python\",")),
        400,
        "bad-request",
        "");
    problemDetail(
        submit(attempt, "python", "x".repeat(300_000), null), 400, "bad-request", "larger than");
    problemDetail(submit(attempt, "python", code, "has space"), 400, "bad-request", "visible");
    problemDetail(submit(attempt, "python", code, "k".repeat(201)), 400, "bad-request", "1-200");
    problemDetail(
        mvc.perform(get("/api/submissions/{id}", UUID.randomUUID())),
        404,
        "not-found",
        "No submission");
    problemDetail(mvc.perform(get("/api/submissions/{id}", "1-1-1-1-1")), 404, "not-found", "");
    mvc.perform(post("/api/attempts/{id}/give-up", attempt)).andExpect(status().isOk());
    problemDetail(submit(attempt, "python", code, null), 409, "attempt-closed", "has ended");
  }

  @Test
  void aSubmissionWhoseRunnerDiedIsJudgedAgainFromItsStoredCode() throws Exception {
    var attempt = freshAttempt();
    // Its runner died: running, under a lease of an owner that is gone, lapsed a moment ago.
    var id = plantRunning(attempt, problem.solutions().get("python"), "dead-runner", 1);
    var finished = awaitFinal(id);
    assertThat(finished.get("state").asString()).isEqualTo("finished");
    assertThat(finished.get("verdict").asString()).isEqualTo("ACCEPTED");
    assertThat(
            jdbc.sql("select claims from submission where id = :id")
                .param("id", UUID.fromString(id))
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    var detail = tree(mvc.perform(get("/api/attempts/{id}", attempt)));
    assertThat(detail.get("state").asString()).isEqualTo("accepted");
    assertThat(kinds(detail).stream().filter("judged"::equals).count()).isEqualTo(1);
  }

  @Test
  void aSubmissionWhoseRunnersKeptDyingFailsToRun() throws Exception {
    var attempt = freshAttempt();
    var id = plantRunning(attempt, problem.solutions().get("python"), "dead-runner", 3);
    var failed = awaitFinal(id);
    assertThat(failed.get("state").asString()).isEqualTo("failed_to_run");
    assertThat(failed.has("verdict")).isFalse();
    assertThat(failed.get("failure").asString()).contains("stopped 3 times", "Submit it again");
    var detail = tree(mvc.perform(get("/api/attempts/{id}", attempt)));
    assertThat(detail.get("state").asString()).isEqualTo("open");
    assertThat(event(detail, "judged").get("detail").get("failure").asString())
        .contains("stopped 3 times");
  }

  @Test
  void aLiveRunnersLeaseIsNeverTaken() throws Exception {
    var attempt = freshAttempt();
    // Held by a live runner elsewhere: its lease is renewed (here: far in the future).
    var id = plantRunning(attempt, problem.solutions().get("python"), "live-runner", 1);
    jdbc.sql("update submission set lease_until = now() + interval '1 hour' where id = :id")
        .param("id", UUID.fromString(id))
        .update();
    Thread.sleep(1500);
    var row =
        jdbc.sql("select state, claims, lease_owner from submission where id = :id")
            .param("id", UUID.fromString(id))
            .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3))
            .single();
    assertThat(row).isEqualTo("running/1/live-runner");
  }

  @Test
  void revealsAreRecordedOnTheAttemptInOrder() throws Exception {
    var attempt = freshAttempt();
    problemDetail(
        mvc.perform(post("/api/attempts/{id}/hints/{i}", attempt, 1)),
        409,
        "hint-out-of-order",
        "Reveal hint 0 before hint 1");
    mvc.perform(post("/api/attempts/{id}/hints/{i}", attempt, 0))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.text").value(problem.hints().get(0)))
        .andExpect(jsonPath("$.revealed").value(1))
        .andExpect(jsonPath("$.total").value(problem.hints().size()));
    // Again: the same answer, recorded once.
    mvc.perform(post("/api/attempts/{id}/hints/{i}", attempt, 0)).andExpect(status().isOk());
    problemDetail(
        mvc.perform(post("/api/attempts/{id}/hints/{i}", attempt, problem.hints().size())),
        404,
        "not-found",
        "no hint " + problem.hints().size());
    mvc.perform(post("/api/attempts/{id}/solution", attempt))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.solutions.python").value(problem.solutions().get("python")));
    var detail = tree(mvc.perform(get("/api/attempts/{id}", attempt)));
    assertThat(detail.get("hintsUsed").asInt()).isEqualTo(1);
    assertThat(detail.get("solutionViewed").asBoolean()).isTrue();
    assertThat(detail.get("reveals").get("hints").get(0).get("text").asString())
        .isEqualTo(problem.hints().get(0));
    assertThat(detail.get("reveals").get("solutionViewed").asBoolean()).isTrue();
    assertThat(kinds(detail).stream().filter("hint_revealed"::equals).count()).isEqualTo(1);
    assertThat(kinds(detail)).contains("solution_opened");

    // After giving up, reveals still answer but no longer count.
    mvc.perform(post("/api/attempts/{id}/give-up", attempt)).andExpect(status().isOk());
    mvc.perform(post("/api/attempts/{id}/hints/{i}", attempt, 1)).andExpect(status().isOk());
    var ended = tree(mvc.perform(get("/api/attempts/{id}", attempt)));
    assertThat(ended.get("hintsUsed").asInt()).isEqualTo(1);
    assertThat(ended.get("reveals").get("hints").size()).isEqualTo(2);
  }

  @Test
  void aRunWithItsAttemptIsRecordedAsAnEvent() throws Exception {
    var attempt = freshAttempt();
    mvc.perform(
            post("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    runBody(
                        problem.id(), "def " + function() + "(*args):\n    return -1\n", attempt)))
        .andExpect(status().isOk());
    var ran = event(tree(mvc.perform(get("/api/attempts/{id}", attempt))), "ran");
    assertThat(ran.get("detail").get("verdict").asString()).isEqualTo("WRONG_ANSWER");
    assertThat(ran.get("detail").get("tests").asInt()).isEqualTo(problem.publicTests().size());
    assertThat(ran.get("detail").get("custom").asBoolean()).isFalse();

    problemDetail(
        mvc.perform(
            post("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(runBody(problem.id(), "x", UUID.randomUUID().toString()))),
        404,
        "not-found",
        "No attempt");
    var other = catalog.list(null, null).stream().filter(p -> !p.id().equals(PROBLEM)).findFirst();
    problemDetail(
        mvc.perform(
            post("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(runBody(other.orElseThrow().id(), "x", attempt))),
        400,
        "bad-request",
        "names an attempt at problem");
  }

  // --- helpers ---

  private int tests() {
    return problem.publicTests().size() + problem.hiddenTests().size();
  }

  private String function() {
    return problem.signature().functionName(dev.improview.execution.Language.PYTHON);
  }

  /** Python that answers the public tests from a table, prints a marker, and is wrong elsewhere. */
  private String publicOnlySolution() {
    var table = json.createArrayNode();
    for (var test : problem.publicTests()) {
      table.add(json.createArrayNode().add(test.args()).add(test.expected()));
    }
    return "import json\n"
        + "_TABLE = json.loads("
        + json.writeValueAsString(table.toString())
        + ")\n"
        + "def "
        + function()
        + "(*args):\n"
        + "    for a, e in _TABLE:\n"
        + "        if json.dumps(a) == json.dumps(list(args)):\n"
        + "            return e\n"
        // The marker is put together at run time, so the code itself does not hold it.
        + "    print('SECRET' + '-OUTPUT', json.dumps(list(args)))\n"
        + "    import sys\n"
        + "    print('SECRET' + '-OUTPUT on stderr', file=sys.stderr)\n"
        + "    return -12345\n";
  }

  private String plantRunning(String attempt, String code, String owner, int claims) {
    var id = UUID.randomUUID();
    var key = blobKey(code);
    jdbc.sql(
            """
            insert into submission (id, attempt_id, account_id, problem_id, problem_version,
                language, code_key, code_bytes, request_sha256, state, elapsed_millis,
                created_at, started_at, claims, lease_owner, lease_until)
            select :id, a.id, a.account_id, a.problem_id, a.problem_version, 'python', :key, 1,
                   'planted', 'running', 0, now(), now(), :claims, :owner,
                   now() - interval '1 second'
              from attempt a where a.id = :attempt
            """)
        .param("id", id)
        .param("attempt", UUID.fromString(attempt))
        .param("key", key)
        .param("claims", claims)
        .param("owner", owner)
        .update();
    return id.toString();
  }

  @Autowired dev.improview.platform.BlobStore blobs;

  private String blobKey(String code) {
    return blobs.put(code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private JsonNode awaitFinal(String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var submission = tree(mvc.perform(get("/api/submissions/{id}", id)));
      var state = submission.get("state").asString();
      if (state.equals("finished") || state.equals("failed_to_run")) {
        return submission;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("submission " + id + " did not finish in 60 s");
  }

  private long countWithKey(String key) {
    return jdbc.sql("select count(*) from submission where idempotency_key = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private ResultActions submit(String attempt, String language, String code, String key)
      throws Exception {
    var request =
        post("/api/attempts/{id}/submissions", attempt)
            .contentType(MediaType.APPLICATION_JSON)
            .content(submitBody(language, code));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return mvc.perform(request);
  }

  private String submitBody(String language, String code) {
    var body = json.createObjectNode();
    body.put("language", language);
    body.put("code", code);
    return body.toString();
  }

  private String runBody(String problemId, String code, String attempt) {
    var body = json.createObjectNode();
    body.put("problemId", problemId);
    body.put("language", "python");
    body.put("code", code);
    body.put("attemptId", attempt);
    return body.toString();
  }

  /** A new open attempt at {@link #PROBLEM} (giving up one left open). */
  private String freshAttempt() throws Exception {
    var open =
        post("/api/attempts")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}");
    var response = mvc.perform(open).andReturn().getResponse();
    var id = json.readTree(response.getContentAsString()).get("id").asString();
    if (response.getStatus() == 201) {
      return id;
    }
    mvc.perform(post("/api/attempts/{id}/give-up", id)).andExpect(status().isOk());
    return tree(mvc.perform(open).andExpect(status().isCreated())).get("id").asString();
  }

  private JsonNode tree(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  private static List<String> kinds(JsonNode attempt) {
    var kinds = new ArrayList<String>();
    attempt.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
    return kinds;
  }

  private static JsonNode event(JsonNode attempt, String kind) {
    for (var event : attempt.get("events")) {
      if (event.get("kind").asString().equals(kind)) {
        return event;
      }
    }
    throw new AssertionError("no " + kind + " event in " + attempt.get("events"));
  }

  private static void problemDetail(ResultActions result, int status, String type, String detail)
      throws Exception {
    result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(PROBLEM_TYPE + type))
        .andExpect(jsonPath("$.detail").value(containsString(detail)));
  }
}
