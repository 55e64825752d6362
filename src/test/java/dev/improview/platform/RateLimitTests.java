package dev.improview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits on a real server over PostgreSQL, with small shapes so each is reached in a few
 * requests: every limited endpoint answers {@code 429 rate-limited} with {@code Retry-After} once
 * its bucket is empty, per subject; buckets live in the shared table, keyed by digests; the
 * addresses counted are Tomcat's (a forwarded address only from a trusted proxy).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.rate-limit.limits.run.capacity=2",
      "improview.rate-limit.limits.run.period=1h",
      "improview.rate-limit.limits.submission.capacity=1",
      "improview.rate-limit.limits.submission.period=1h",
      "improview.rate-limit.limits.generation.capacity=1",
      "improview.rate-limit.limits.generation.period=1h",
      "improview.rate-limit.limits.magic-link-ip.capacity=2",
      "improview.rate-limit.limits.sign-in-ip.capacity=2",
      "improview.execution.prewarm-java=0"
    })
class RateLimitTests {

  private static final String PROBLEM = "first-repeated-badge-scan";

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired RateLimitProperties properties;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String path, String body, Map<String, String> headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, String body) throws Exception {
    return post(path, body, Map.of("Content-Type", "application/json"));
  }

  private void assertRateLimited(HttpResponse<String> response, String what, long maxSeconds) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asString()).endsWith("/rate-limited");
    assertThat(problem.get("detail").asString()).contains("Too many " + what);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, maxSeconds);
  }

  @Test
  void theThirdRunInTheWindowIsRefusedWithRetryAfter() throws Exception {
    String run =
        "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\",\"code\":\"x = 1\\n\"}";
    // A mistyped request is refused before it is counted.
    assertThat(postJson("/api/runs", "{\"problemId\":\"" + PROBLEM + "\"}").statusCode())
        .isEqualTo(400);
    assertThat(postJson("/api/runs", run).statusCode()).isEqualTo(200);
    assertThat(postJson("/api/runs", run).statusCode()).isEqualTo(200);
    var refused = postJson("/api/runs", run);
    // Two an hour: one more in 30 minutes.
    assertRateLimited(refused, "runs", 1800);
    assertThat(json.readTree(refused.body()).get("detail").asString())
        .contains("at most 2 every 60 min");
  }

  @Test
  void aSecondSubmissionIsRefusedButARetryOfTheFirstIsNot() throws Exception {
    var opened =
        postJson("/api/attempts", "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}");
    var attempt = json.readTree(opened.body()).get("id").asString();
    if (opened.statusCode() != 201) {
      post("/api/attempts/" + attempt + "/give-up", "", Map.of());
      attempt =
          json.readTree(
                  postJson(
                          "/api/attempts",
                          "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}")
                      .body())
              .get("id")
              .asString();
    }
    String wrong = "{\"language\":\"python\",\"code\":\"x = 1\\n\"}";
    var path = "/api/attempts/" + attempt + "/submissions";
    var first =
        post(path, wrong, Map.of("Content-Type", "application/json", "Idempotency-Key", "rl-1"));
    assertThat(first.statusCode()).as(first.body()).isIn(201, 202);
    var retry =
        post(path, wrong, Map.of("Content-Type", "application/json", "Idempotency-Key", "rl-1"));
    assertThat(retry.statusCode()).as("a replay is not a new submission").isIn(200, 201, 202);
    assertRateLimited(
        post(path, wrong, Map.of("Content-Type", "application/json", "Idempotency-Key", "rl-2")),
        "submissions",
        3600);
  }

  @Test
  void aSecondGenerationInTheWindowIsRefused() throws Exception {
    String body = "{\"category\":\"graphs\",\"difficulty\":\"easy\"}";
    assertThat(postJson("/api/generations", body).statusCode()).isEqualTo(202);
    assertRateLimited(postJson("/api/generations", body), "generations", 3600);
  }

  @Test
  void magicLinksAreCountedPerClientAddress() throws Exception {
    // Loopback is a trusted proxy (Tomcat's internal-proxies), so its X-Forwarded-For is believed.
    Map<String, String> fromA =
        Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113.7");
    Map<String, String> fromB =
        Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113.8");
    for (var email : new String[] {"a1@example.com", "a2@example.com"}) {
      assertThat(post("/api/auth/magic-link", "{\"email\":\"" + email + "\"}", fromA).statusCode())
          .isEqualTo(202);
    }
    assertRateLimited(
        post("/api/auth/magic-link", "{\"email\":\"a3@example.com\"}", fromA),
        "sign-in links from your address",
        15 * 60);
    assertThat(post("/api/auth/magic-link", "{\"email\":\"a3@example.com\"}", fromB).statusCode())
        .as("another address has its own bucket")
        .isEqualTo(202);
  }

  @Test
  void signInAttemptsAreCountedPerClientAddressBeforeTheTokenIsLookedAt() throws Exception {
    Map<String, String> fromC =
        Map.of(
            "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "198.51.100.3");
    Map<String, String> fromD =
        Map.of(
            "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "198.51.100.4");
    String guess = "token=not-a-token";
    assertThat(post("/api/auth/magic-link/sign-in", guess, fromC).statusCode()).isEqualTo(401);
    assertThat(post("/api/auth/magic-link/sign-in", guess, fromC).statusCode()).isEqualTo(401);
    assertRateLimited(
        post("/api/auth/magic-link/sign-in", guess, fromC), "sign-in attempts", 15 * 60);
    assertThat(post("/api/auth/magic-link/sign-in", guess, fromD).statusCode()).isEqualTo(401);
  }

  @Test
  void bucketsAreSharedThroughTheTableAndKeepNoEmailOrAddress() {
    // A second limiter over the same database stands for a second instance: it takes from the
    // same bucket as this server's.
    var limits = properties.with(RateLimit.MAGIC_LINK_EMAIL, 2, Duration.ofHours(1));
    try (var one = new RateLimiter(limits, dataSource);
        var other = new RateLimiter(limits, dataSource)) {
      one.consume(RateLimit.MAGIC_LINK_EMAIL, "shared@example.com");
      other.consume(RateLimit.MAGIC_LINK_EMAIL, "shared@example.com");
      assertThatThrownBy(() -> one.consume(RateLimit.MAGIC_LINK_EMAIL, "shared@example.com"))
          .isInstanceOf(RateLimitedException.class);
      other.consume(RateLimit.MAGIC_LINK_EMAIL, "someone-else@example.com");
    }
    var ids = jdbc.sql("select id from rate_limit_bucket").query(String.class).list();
    assertThat(ids)
        .contains(RateLimiter.key(RateLimit.MAGIC_LINK_EMAIL, "shared@example.com"))
        .allSatisfy(id -> assertThat(id).matches("[a-z-]+:[0-9a-f]{64}"))
        .noneMatch(id -> id.contains("example.com") || id.contains("203.0.113"));
  }

  @Test
  void aChangedShapeIsTakenUpByAStoredBucket() {
    var subject = "reshaped@example.com";
    try (var before =
        new RateLimiter(
            properties.with(RateLimit.MAGIC_LINK_EMAIL, 1, Duration.ofHours(1)), dataSource)) {
      before.consume(RateLimit.MAGIC_LINK_EMAIL, subject);
      assertThatThrownBy(() -> before.consume(RateLimit.MAGIC_LINK_EMAIL, subject))
          .isInstanceOf(RateLimitedException.class)
          .hasMessageContaining("at most 1 every 60 min");
    }
    // Raised from 1 an hour to 4 every 20 s: the empty bucket stays empty (tokens carry over in
    // proportion) but refills at the new rate.
    try (var after =
        new RateLimiter(
            properties.with(RateLimit.MAGIC_LINK_EMAIL, 4, Duration.ofSeconds(20)), dataSource)) {
      var refused =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              RateLimitedException.class, () -> after.consume(RateLimit.MAGIC_LINK_EMAIL, subject));
      assertThat(refused).isNotNull();
      assertThat(refused.getBody().getDetail()).contains("at most 4 every 20 s");
      assertThat(refused.retryAfterSeconds()).isBetween(1L, 5L);
    }
  }
}
