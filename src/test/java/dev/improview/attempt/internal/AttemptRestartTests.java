package dev.improview.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.ImproviewApplication;
import dev.improview.platform.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An attempt, its timer and its events outlive the server: two contexts over one data dir. */
class AttemptRestartTests {

  @TempDir Path home;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anAttemptAndItsTimerSurviveARestart() throws Exception {
    String id;
    String problemId;
    try (var first = start()) {
      problemId = get(first, "/api/problems").get(0).get("id").asString();
      var opened =
          post(
              first,
              "/api/attempts",
              "{\"problemId\":\"" + problemId + "\",\"language\":\"java\"}");
      id = opened.get("id").asString();
      post(first, "/api/attempts/" + id + "/timer", "{\"action\":\"start\"}");
      first.getBean(MutableClock.class).advance(Duration.ofSeconds(40));
      var paused = post(first, "/api/attempts/" + id + "/timer", "{\"action\":\"pause\"}");
      assertThat(paused.get("elapsedMillis").asLong()).isEqualTo(40_000);
    }

    try (var second = start()) {
      var attempt = get(second, "/api/attempts/" + id);
      assertThat(attempt.get("problemId").asString()).isEqualTo(problemId);
      assertThat(attempt.get("state").asString()).isEqualTo("open");
      assertThat(attempt.get("timer").get("elapsedMillis").asLong()).isEqualTo(40_000);
      assertThat(attempt.get("timer").get("started").asBoolean()).isTrue();
      var kinds = new ArrayList<String>();
      attempt.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
      assertThat(kinds).containsExactly("opened", "timer_started", "timer_paused");
      // Opening the problem again resumes the same attempt.
      var reopened =
          post(
              second,
              "/api/attempts",
              "{\"problemId\":\"" + problemId + "\",\"language\":\"java\"}");
      assertThat(reopened.get("id").asString()).isEqualTo(id);
      // Resumed after the restart, it counts on from where it was paused.
      post(second, "/api/attempts/" + id + "/timer", "{\"action\":\"resume\"}");
      second.getBean(MutableClock.class).advance(Duration.ofSeconds(15));
      var paused = post(second, "/api/attempts/" + id + "/timer", "{\"action\":\"pause\"}");
      assertThat(paused.get("elapsedMillis").asLong()).isEqualTo(55_000);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ImproviewApplication.class, MutableClock.Config.class)
        .run(
            "--server.port=0",
            "--improview.db.embedded-ephemeral=false",
            "--improview.db.embedded-data-dir=" + home.resolve("pgdata"),
            "--improview.execution.prewarm-javascript=0",
            "--improview.execution.prewarm-python=0",
            "--improview.execution.prewarm-java=0",
            "--improview.execution.java-class-archive=false",
            "--improview.problems.validation.validate-bank-on-start=false");
  }

  private JsonNode get(ConfigurableApplicationContext context, String path) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri(context, path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private JsonNode post(ConfigurableApplicationContext context, String path, String body)
      throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri(context, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return json.readTree(response.body());
  }

  private static URI uri(ConfigurableApplicationContext context, String path) {
    var port = context.getEnvironment().getProperty("local.server.port");
    return URI.create("http://localhost:" + port + path);
  }
}
