package dev.improview.generation.internal.llm;

import static dev.improview.generation.internal.llm.TestLlm.KEY;
import static dev.improview.generation.internal.llm.TestLlm.json;
import static dev.improview.generation.internal.llm.TestLlm.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.improview.generation.LlmProvider;
import dev.improview.generation.internal.llm.TestLlm.RecordingSleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against a local fake of OpenAI's chat completions (okhttp MockWebServer), replying
 * with fixture bodies from {@code llm-fixtures/}: what is sent, what comes back, and which failures
 * are retried how often.
 */
class SpringAiLlmClientTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final JsonNode SCHEMA =
      JSON.readTree(
          """
          {"type": "object",
           "properties": {"title": {"type": "string"}, "difficulty": {"type": "string"},
                          "hints": {"type": "array", "items": {"type": "string"}}},
           "required": ["title", "difficulty", "hints"],
           "additionalProperties": false}
          """);
  static final List<LlmMessage> CONVERSATION =
      List.of(
          LlmMessage.system("You write coding-interview problems as JSON."),
          LlmMessage.user("An easy hashing problem."),
          LlmMessage.assistant("{\"title\": \"Two Sum\"}"),
          LlmMessage.user("Another one, not Two Sum."));

  MockWebServer server;
  RecordingSleeper sleeper;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    sleeper = new RecordingSleeper();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  TestLlm.Builder settings() {
    return TestLlm.properties().baseUrl(server.url("/v1").toString());
  }

  SpringAiLlmClient client(TestLlm.Builder settings) {
    return client(settings, Clock.systemUTC());
  }

  // The jitter always draws its top, so each wait is its cap.
  SpringAiLlmClient client(TestLlm.Builder settings, Clock clock) {
    var properties = settings.build();
    return new SpringAiLlmClient(
        properties,
        new Backoff(properties.backoffBase(), properties.backoffMax(), () -> 1.0),
        sleeper,
        clock);
  }

  LlmReply complete(SpringAiLlmClient client) {
    return client.complete(CONVERSATION, "problem", SCHEMA);
  }

  LlmException failure(SpringAiLlmClient client) {
    return catchThrowableOfType(LlmException.class, () -> complete(client));
  }

  @Test
  void aGoodReplyBringsItsTextAndTokensAndTheRequestCarriesModelMessagesSchemaAndKey()
      throws Exception {
    server.enqueue(ok());

    var reply = complete(client(settings()));

    assertThat(reply.text())
        .isEqualTo(
            "{\"title\":\"Pair With Target Sum\",\"difficulty\":\"easy\",\"hints\":[\"A set of"
                + " values seen so far answers 'have I met target - x?' in O(1).\"]}");
    assertThat(reply.promptTokens()).isEqualTo(1187);
    assertThat(reply.completionTokens()).isEqualTo(46);
    assertThat(reply.attempts()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    var body = JSON.readTree(request.getBody().readUtf8());
    assertThat(body.path("model").asString()).isEqualTo("gpt-test");
    var messages = body.path("messages");
    assertThat(messages.size()).isEqualTo(4);
    for (var i = 0; i < CONVERSATION.size(); i++) {
      assertThat(messages.get(i).path("role").asString())
          .isEqualTo(CONVERSATION.get(i).role().name().toLowerCase(java.util.Locale.ROOT));
      assertThat(messages.get(i).path("content").asString()).isEqualTo(CONVERSATION.get(i).text());
    }
    var format = body.path("response_format");
    assertThat(format.path("type").asString()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    assertThat(format.path("json_schema").path("schema")).isEqualTo(SCHEMA);
    assertThat(body.has("stream") && body.path("stream").asBoolean()).isFalse();
  }

  @Test
  void rateLimitedWithRetryAfterSecondsWaitsWhatTheServerAsked() {
    server.enqueue(json(429, "error-429.json").setHeader("Retry-After", "2"));
    server.enqueue(ok());

    var reply = complete(client(settings()));

    assertThat(reply.attempts()).isEqualTo(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void rateLimitedWithRetryAfterAsAnHttpDateWaitsUntilThen() {
    var now = Instant.parse("2026-03-02T10:15:30Z");
    var date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(7).atOffset(ZoneOffset.UTC));
    server.enqueue(json(429, "error-429.json").setHeader("Retry-After", date));
    server.enqueue(ok());

    var reply = complete(client(settings(), Clock.fixed(now, ZoneOffset.UTC)));

    assertThat(reply.attempts()).isEqualTo(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aRetryAfterLongerThanAllowedIsUnavailableAtOnce() {
    server.enqueue(json(429, "error-429.json").setHeader("Retry-After", "300"));
    server.enqueue(ok());

    var failure = failure(client(settings().maxRetryAfter(Duration.ofSeconds(60))));

    assertThat(failure.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
    assertThat(failure.attempts()).isEqualTo(1);
    assertThat(failure.getMessage())
        .isEqualTo(
            "The model at openai asked to wait 300 s before another try, longer than the 60 s"
                + " allowed (HTTP 429, rate_limit_exceeded).");
    assertThat(sleeper.waits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThatDoublesItsCap() {
    server.enqueue(json(500, "error-500.json"));
    server.enqueue(json(503, "error-503.json"));
    server.enqueue(ok());

    var reply = complete(client(settings()));

    assertThat(reply.attempts()).isEqualTo(3);
    assertThat(reply.promptTokens()).isEqualTo(1187);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a408IsATimeoutAndA503sRetryAfterIsHonouredToo() {
    server.enqueue(new MockResponse().setResponseCode(408));
    server.enqueue(json(503, "error-503.json").setHeader("Retry-After", "1"));
    server.enqueue(ok());

    var reply = complete(client(settings()));

    assertThat(reply.attempts()).isEqualTo(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    // okhttp repeats a 408 on its own unless told not to; here each request is one attempt.
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aServerErrorOnEveryAttemptIsUnavailableAfterExactlyMaxAttemptsRequests() {
    for (var i = 0; i < 6; i++) {
      server.enqueue(json(503, "error-503.json"));
    }

    var failure = failure(client(settings().maxAttempts(4)));

    assertThat(failure.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
    assertThat(failure.attempts()).isEqualTo(4);
    assertThat(failure.getMessage())
        .isEqualTo("The model at openai did not answer after 4 attempts (HTTP 503).");
    // Four requests, not more: the SDK under Spring AI retries nothing of its own.
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.waits).hasSize(3);
  }

  @Test
  void aTimeoutIsRetriedThenUnavailableNamingTheAttempts() {
    for (var i = 0; i < 3; i++) {
      server.enqueue(ok().setHeadersDelay(700, TimeUnit.MILLISECONDS));
    }

    var started = System.nanoTime();
    var failure = failure(client(settings().requestTimeout(Duration.ofMillis(200)).maxAttempts(2)));

    assertThat(failure.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
    assertThat(failure.attempts()).isEqualTo(2);
    assertThat(failure.getMessage())
        .isEqualTo("The model at openai did not answer after 2 attempts (timed out after 200 ms).");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aDroppedConnectionIsRetried() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok());

    var reply = complete(client(settings()));

    assertThat(reply.attempts()).isEqualTo(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void unauthorizedIsRefusedAtOnceWithOneRequest() {
    server.enqueue(json(401, "error-401.json"));
    server.enqueue(ok());

    var failure = failure(client(settings()));

    assertThat(failure.kind()).isEqualTo(LlmException.Kind.REFUSED);
    assertThat(failure.attempts()).isEqualTo(1);
    assertThat(failure.getMessage())
        .isEqualTo(
            "The model at openai refused the request (HTTP 401, invalid_api_key): check"
                + " OPENAI_API_KEY.");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void anUnknownModelIsRefusedPointingAtTheModelAndUrl() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"error\":{\"message\":\"The model `gpt-test` does not exist.\","
                    + "\"type\":\"invalid_request_error\",\"param\":null,"
                    + "\"code\":\"model_not_found\"}}"));

    var failure = failure(client(settings()));

    assertThat(failure.kind()).isEqualTo(LlmException.Kind.REFUSED);
    assertThat(failure.getMessage())
        .isEqualTo(
            "The model at openai refused the request (HTTP 404, model_not_found): check"
                + " IMPROVIEW_LLM_MODEL and IMPROVIEW_LLM_BASE_URL.");
  }

  /**
   * A 200 whose body is not JSON is taken as transient, like a dropped connection: it is nearly
   * always a cut response or a proxy's page, and a server that always answers so still ends in
   * UNAVAILABLE once the attempts run out.
   */
  @Test
  void aBodyThatIsNotJsonIsTransient() {
    server.enqueue(notJson());
    server.enqueue(ok());

    var reply = complete(client(settings()));

    assertThat(reply.attempts()).isEqualTo(2);
    assertThat(reply.promptTokens()).isEqualTo(1187);
  }

  @Test
  void aBodyThatIsNeverJsonEndsUnavailable() {
    for (var i = 0; i < 3; i++) {
      server.enqueue(notJson());
    }

    var failure = failure(client(settings().maxAttempts(3)));

    assertThat(failure.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
    assertThat(failure.getMessage())
        .isEqualTo(
            "The model at openai did not answer after 3 attempts (the answer was not a chat"
                + " completion).");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anOpenAiCompatibleServerWithoutAKeyGetsNoAuthorizationHeader() throws Exception {
    server.enqueue(ok());

    var client =
        client(
            settings()
                .provider("openai-compatible")
                .model("llama3.1")
                .openaiApiKey(KEY)
                .apiKey(null));
    var reply = complete(client);

    assertThat(client.provider()).isEqualTo(LlmProvider.OPENAI_COMPATIBLE);
    assertThat(reply.attempts()).isEqualTo(1);
    var request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(request.getBody().readUtf8()).contains("\"llama3.1\"").doesNotContain(KEY);
  }

  @Test
  void aBadSchemaNameOrEmptyConversationIsRefusedBeforeAnyRequest() {
    var client = client(settings());
    assertThatThrownBy(() -> client.complete(CONVERSATION, "has spaces", SCHEMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schemaName");
    assertThatThrownBy(() -> client.complete(List.of(), "problem", SCHEMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conversation");
    assertThat(server.getRequestCount()).isZero();
  }

  static MockResponse notJson() {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "text/html")
        .setBody(TestLlm.fixture("not-json.html"));
  }
}
