package dev.improview.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SIGKILL in the middle of a submission: with two server processes over one PostgreSQL the other
 * one finishes it, and a single server finishes it after a restart; exactly once either way, the
 * attempt and its events intact.
 */
class SubmissionCrashTests {

  static final String PROBLEM = "first-repeated-badge-scan";

  static EmbeddedPostgres postgres;
  static JdbcClient jdbc;

  @TempDir static Path shared;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final List<Server> servers = new ArrayList<>();

  @BeforeAll
  static void startDatabase() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    jdbc = JdbcClient.create(postgres.getPostgresDatabase());
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @org.junit.jupiter.api.AfterEach
  void stopServers() {
    for (var server : servers) {
      server.process.destroyForcibly();
    }
  }

  @Test
  void theOtherInstanceFinishesWhatAKilledOneWasJudging() throws Exception {
    var a = start("a");
    var b = start("b");
    var attempt = openAttempt(a);
    var submission = submitSlowly(a, attempt);
    awaitRunningBy(submission, a);
    Thread.sleep(1000);
    a.process.destroyForcibly().waitFor();

    var finished = awaitFinal(b, submission);
    assertThat(finished.get("state").asString()).isEqualTo("finished");
    assertThat(finished.get("verdict").asString()).isEqualTo("ACCEPTED");
    assertExactlyOnce(submission, b, attempt);
  }

  @Test
  void aRestartedInstanceFinishesWhatItWasJudgingWhenKilled() throws Exception {
    var first = start("solo");
    var attempt = openAttempt(first);
    var submission = submitSlowly(first, attempt);
    awaitRunningBy(submission, first);
    Thread.sleep(1000);
    first.process.destroyForcibly().waitFor();

    var again = start("solo");
    var finished = awaitFinal(again, submission);
    assertThat(finished.get("state").asString()).isEqualTo("finished");
    assertThat(finished.get("verdict").asString()).isEqualTo("ACCEPTED");
    assertExactlyOnce(submission, again, attempt);
  }

  private void assertExactlyOnce(String submission, Server server, String attempt)
      throws Exception {
    var row =
        jdbc.sql(
                "select claims, lease_owner, finished_at is not null as done from submission"
                    + " where id = :id")
            .param("id", UUID.fromString(submission))
            .query((rs, n) -> rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getBoolean(3))
            .single();
    assertThat(row).isEqualTo("2/null/true");
    var detail = get(server, "/api/attempts/" + attempt);
    assertThat(detail.get("state").asString()).isEqualTo("accepted");
    var kinds = new ArrayList<String>();
    detail.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
    assertThat(kinds).containsSubsequence("opened", "timer_started", "submitted", "judged");
    assertThat(kinds.stream().filter("judged"::equals).count()).isEqualTo(1);
    assertThat(kinds.stream().filter("submitted"::equals).count()).isEqualTo(1);
    assertThat(detail.get("submissions").size()).isEqualTo(1);
  }

  private String openAttempt(Server server) throws Exception {
    // The problem's earlier attempt (from another test) is given up first, so this one is new.
    var opened =
        post(
            server, "/api/attempts", "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}");
    var id = opened.body().get("id").asString();
    if (opened.status() == 200) {
      post(server, "/api/attempts/" + id + "/give-up", "");
      id =
          post(
                  server,
                  "/api/attempts",
                  "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}")
              .body()
              .get("id")
              .asString();
    }
    post(server, "/api/attempts/" + id + "/timer", "{\"action\":\"start\"}");
    return id;
  }

  /** Submits the reference solution slowed to about 0.35 s a test; returns the submission id. */
  private String submitSlowly(Server server, String attempt) throws Exception {
    var problem = get(server, "/api/problems/" + PROBLEM);
    var function = problem.get("signature").get("function").asString();
    var reference =
        jdbc.sql("select content -> 'solutions' ->> 'python' from problem where id = :id")
            .param("id", PROBLEM)
            .query(String.class)
            .single();
    var pythonName = pythonName(function);
    var code =
        reference
            + "\nimport time as _time\n_reference = "
            + pythonName
            + "\ndef "
            + pythonName
            + "(*args):\n    _time.sleep(0.35)\n    return _reference(*args)\n";
    var body = json.createObjectNode().put("language", "python").put("code", code).toString();
    // The request dies with its server: its answer is not awaited.
    http.sendAsync(
        request(server, "/api/attempts/" + attempt + "/submissions")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var id =
          jdbc.sql("select id from submission where attempt_id = :attempt")
              .param("attempt", UUID.fromString(attempt))
              .query(UUID.class)
              .optional();
      if (id.isPresent()) {
        return id.get().toString();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no submission was stored for attempt " + attempt);
  }

  private static String pythonName(String function) {
    var name = new StringBuilder();
    for (char c : function.toCharArray()) {
      if (Character.isUpperCase(c)) {
        name.append('_').append(Character.toLowerCase(c));
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  private void awaitRunningBy(String submission, Server server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var owner =
          jdbc.sql("select lease_owner from submission where id = :id and state = 'running'")
              .param("id", UUID.fromString(submission))
              .query(String.class)
              .optional();
      if (owner.isPresent()) {
        assertThat(owner.get()).startsWith(server.process.pid() + "@");
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("submission " + submission + " never ran on " + server.name);
  }

  private JsonNode awaitFinal(Server server, String submission) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      var read = get(server, "/api/submissions/" + submission);
      var state = read.get("state").asString();
      if (state.equals("finished") || state.equals("failed_to_run")) {
        return read;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("submission " + submission + " did not finish on " + server.name);
  }

  record Server(String name, Process process, int port, Path log) {}

  record Answer(int status, JsonNode body) {}

  /** A server process of its own over the shared database and blob directory. */
  private Server start(String name) throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var log = shared.resolve(name + "-" + port + ".log");
    var java = ProcessHandle.current().info().command().orElseThrow();
    var command =
        List.of(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.improview.ImproviewApplication",
            "--server.port=" + port,
            "--improview.db.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--improview.db.username=postgres",
            "--improview.db.password=postgres",
            "--improview.blobs.dir=" + shared.resolve("blobs"),
            "--improview.submissions.lease=2s",
            "--improview.submissions.sweep-interval=300ms",
            "--improview.execution.prewarm-java=0",
            "--improview.execution.prewarm-javascript=0",
            "--improview.execution.java-class-archive=false",
            "--improview.problems.validation.validate-bank-on-start=false");
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("IMPROVIEW_DATA_DIR", shared.resolve("data-" + name).toString());
    var server = new Server(name, builder.start(), port, log);
    servers.add(server);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.process.isAlive()) {
        throw new AssertionError("server " + name + " exited:\n" + Files.readString(log));
      }
      try {
        var response =
            http.send(
                request(server, "/api/problems").GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return server;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("server " + name + " did not start:\n" + Files.readString(log));
  }

  private HttpRequest.Builder request(Server server, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port + path))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60));
  }

  private JsonNode get(Server server, String path) throws Exception {
    var response =
        http.send(request(server, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private Answer post(Server server, String path, String body) throws Exception {
    var response =
        http.send(
            request(server, path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
    return new Answer(response.statusCode(), json.readTree(response.body()));
  }
}
