package dev.improview.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.improview.platform.MutableClock;
import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
class AttemptApiTests {

  static final String PROBLEM_TYPE = "https://improview.dev/problems/";

  @Autowired MockMvc mvc;
  @Autowired ProblemCatalog catalog;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  Problem problem;

  @BeforeEach
  void setUp() {
    problem = catalog.find(catalog.list(null, null).get(0).id()).orElseThrow().problem();
  }

  @Test
  void openingCreatesAnAttemptAndOpeningAgainResumesIt() throws Exception {
    var id = freshAttempt();
    mvc.perform(open(problem.id(), "java"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.language").value("python"));
    mvc.perform(get("/api/attempts/{id}", id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problemId").value(problem.id()))
        .andExpect(jsonPath("$.problemVersion").value(problem.version()))
        .andExpect(jsonPath("$.state").value("open"))
        .andExpect(jsonPath("$.startedAt").isString())
        .andExpect(jsonPath("$.timer.elapsedMillis").value(0))
        .andExpect(jsonPath("$.timer.running").value(false))
        .andExpect(jsonPath("$.timer.started").value(false))
        .andExpect(jsonPath("$.timer.estimateMinutes").value(problem.estimatedMinutes()))
        .andExpect(jsonPath("$.events.length()").value(1))
        .andExpect(jsonPath("$.events[0].kind").value("opened"))
        .andExpect(jsonPath("$.events[0].detail.problemVersion").value(problem.version()));
  }

  @Test
  void theTimerStartsPausesResumesAndResetsOnTheServersClock() throws Exception {
    var id = freshAttempt();
    clock.advance(Duration.ofSeconds(30));
    timer(id, "start").andExpect(jsonPath("$.running").value(true));
    clock.advance(Duration.ofSeconds(40));
    timer(id, "pause")
        .andExpect(jsonPath("$.running").value(false))
        .andExpect(jsonPath("$.elapsedMillis").value(40_000));
    clock.advance(Duration.ofMinutes(10));
    mvc.perform(get("/api/attempts/{id}", id))
        .andExpect(jsonPath("$.timer.elapsedMillis").value(40_000));
    timer(id, "resume").andExpect(jsonPath("$.running").value(true));
    clock.advance(Duration.ofSeconds(5));
    mvc.perform(get("/api/attempts/{id}", id))
        .andExpect(jsonPath("$.timer.elapsedMillis").value(45_000));
    timer(id, "reset")
        .andExpect(jsonPath("$.elapsedMillis").value(0))
        .andExpect(jsonPath("$.running").value(false))
        .andExpect(jsonPath("$.started").value(false));

    mvc.perform(get("/api/attempts/{id}", id))
        .andExpect(
            jsonPath("$.events[*].kind")
                .value(
                    org.hamcrest.Matchers.contains(
                        "opened", "timer_started", "timer_paused", "timer_resumed", "timer_reset")))
        .andExpect(jsonPath("$.events[2].detail.elapsedMillis").value(40_000))
        .andExpect(jsonPath("$.events[4].detail.elapsedMillis").value(45_000));
  }

  @Test
  void withoutHeartbeatsPastTheIdleCutoffOnlyTimeToTheLastHeartbeatCounts() throws Exception {
    var id = freshAttempt();
    timer(id, "start");
    clock.advance(Duration.ofMinutes(2));
    mvc.perform(post("/api/attempts/{id}/heartbeat", id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.elapsedMillis").value(120_000));
    // The laptop is closed for an hour.
    clock.advance(Duration.ofHours(1));
    mvc.perform(get("/api/attempts/{id}", id))
        .andExpect(jsonPath("$.timer.elapsedMillis").value(120_000))
        .andExpect(jsonPath("$.timer.running").value(true));
    // Back: counting goes on from this heartbeat; the hour is not counted.
    mvc.perform(post("/api/attempts/{id}/heartbeat", id))
        .andExpect(jsonPath("$.elapsedMillis").value(120_000));
    clock.advance(Duration.ofSeconds(10));
    timer(id, "pause").andExpect(jsonPath("$.elapsedMillis").value(130_000));
  }

  @Test
  void actionsThatMakeNoSenseNowAre409WithTheTimer() throws Exception {
    var id = freshAttempt();
    timerAction(id, "pause")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value(PROBLEM_TYPE + "timer-state"))
        .andExpect(jsonPath("$.detail").value(containsString("not been started")))
        .andExpect(jsonPath("$.timer.running").value(false));
    timer(id, "start");
    timerAction(id, "resume")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("already running")));
    timerAction(id, "start").andExpect(status().isConflict());
  }

  @Test
  void givingUpEndsTheAttemptAndFreezesItsTimer() throws Exception {
    var id = freshAttempt();
    timer(id, "start");
    clock.advance(Duration.ofSeconds(90));
    mvc.perform(post("/api/attempts/{id}/give-up", id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("given_up"))
        .andExpect(jsonPath("$.endedAt").isString())
        .andExpect(jsonPath("$.timer.elapsedMillis").value(90_000))
        .andExpect(jsonPath("$.timer.running").value(false))
        .andExpect(jsonPath("$.events[-1].kind").value("given_up"));
    clock.advance(Duration.ofMinutes(1));
    mvc.perform(get("/api/attempts/{id}", id))
        .andExpect(jsonPath("$.timer.elapsedMillis").value(90_000));

    for (var action : new String[] {"start", "pause", "resume", "reset"}) {
      timerAction(id, action)
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.type").value(PROBLEM_TYPE + "attempt-closed"))
          .andExpect(jsonPath("$.detail").value(containsString("given_up")));
    }
    mvc.perform(post("/api/attempts/{id}/heartbeat", id)).andExpect(status().isConflict());
    mvc.perform(post("/api/attempts/{id}/give-up", id))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value(PROBLEM_TYPE + "attempt-closed"));

    // The next open starts a new attempt.
    mvc.perform(open(problem.id(), "python"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.not(id)));
  }

  @Test
  void unknownOrMalformedIdsAre404() throws Exception {
    for (var id :
        // A path with an encoded NUL is refused by Spring Security's firewall before any controller
        // (400, identity/internal/SecurityChainTests.java).
        new String[] {"7b0e6a1c-2d7e-4d8e-9d57-0f3c1f0a9b11", "not-a-uuid", "1-1-1-1-1"}) {
      problemDetail(mvc.perform(get("/api/attempts/" + id)), 404, "not-found", "No attempt");
      problemDetail(
          mvc.perform(
              post("/api/attempts/" + id + "/timer")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"action\":\"start\"}")),
          404,
          "not-found",
          "No attempt");
      problemDetail(
          mvc.perform(post("/api/attempts/" + id + "/give-up")), 404, "not-found", "No attempt");
    }
    problemDetail(
        mvc.perform(open("no-such-problem", "java")), 404, "not-found", "no-such-problem");
  }

  @Test
  void malformedBodiesAre400NamingTheField() throws Exception {
    problemDetail(mvc.perform(open(null, "java")), 400, "bad-request", "'problemId'");
    problemDetail(mvc.perform(open(problem.id(), null)), 400, "bad-request", "'language'");
    problemDetail(mvc.perform(open(problem.id(), "cobol")), 400, "bad-request", "'language'");
    problemDetail(
        mvc.perform(
            post("/api/attempts")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"problemId\":")),
        400,
        "bad-request",
        "Malformed JSON");
    problemDetail(
        mvc.perform(
            post("/api/attempts")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"problemId\": 5, \"language\": \"java\"}")),
        400,
        "bad-request",
        "'problemId'");

    var id = freshAttempt();
    problemDetail(timerAction(id, "rewind"), 400, "bad-request", "'action' must be one of");
    problemDetail(
        mvc.perform(
            post("/api/attempts/{id}/timer", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")),
        400,
        "bad-request",
        "'action'");
    problemDetail(
        mvc.perform(post("/api/attempts/{id}/timer", id).contentType(MediaType.APPLICATION_JSON)),
        400,
        "bad-request",
        "body is missing");
  }

  @Test
  void eightConcurrentOpensMakeOneAttempt() throws Exception {
    freshAttempt(); // then give it up, so the race starts with no open attempt
    var open =
        jdbc.sql("select id from attempt where problem_id = :p and state = 'open'")
            .param("p", problem.id())
            .query(String.class)
            .single();
    mvc.perform(post("/api/attempts/{id}/give-up", open)).andExpect(status().isOk());

    var http = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/attempts"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(problem.id(), "javascript")))
            .build();
    var ready = new CountDownLatch(8);
    var results = new ArrayList<Future<HttpResponse<String>>>();
    var pool = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  ready.await();
                  return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
      }
      var statuses = new ArrayList<Integer>();
      var ids = new java.util.HashSet<String>();
      for (var result : results) {
        var response = result.get();
        statuses.add(response.statusCode());
        ids.add(json.readTree(response.body()).get("id").asString());
      }
      assertThat(statuses).containsOnlyOnce(201).filteredOn(s -> s != 201).containsOnly(200);
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("select count(*) from attempt where problem_id = :p and state = 'open'")
                .param("p", problem.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /** Opens an attempt at {@link #problem} in python with no earlier one open; returns its id. */
  private String freshAttempt() throws Exception {
    var response = mvc.perform(open(problem.id(), "python")).andReturn().getResponse();
    var id = json.readTree(response.getContentAsString()).get("id").asString();
    if (response.getStatus() == 201) {
      assertThat(response.getHeader("Location")).isEqualTo("/api/attempts/" + id);
      return id;
    }
    mvc.perform(post("/api/attempts/{id}/give-up", id)).andExpect(status().isOk());
    var again = mvc.perform(open(problem.id(), "python")).andExpect(status().isCreated());
    again.andExpect(header().string("Location", containsString("/api/attempts/")));
    return json.readTree(again.andReturn().getResponse().getContentAsString()).get("id").asString();
  }

  private ResultActions timer(String id, String action) throws Exception {
    return timerAction(id, action).andExpect(status().isOk());
  }

  private ResultActions timerAction(String id, String action) throws Exception {
    return mvc.perform(
        post("/api/attempts/{id}/timer", id)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"action\":\"" + action + "\"}"));
  }

  private org.springframework.test.web.servlet.RequestBuilder open(
      String problemId, String language) {
    return post("/api/attempts")
        .contentType(MediaType.APPLICATION_JSON)
        .content(body(problemId, language));
  }

  private String body(String problemId, String language) {
    var body = json.createObjectNode();
    body.put("problemId", problemId);
    body.put("language", language);
    return body.toString();
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
