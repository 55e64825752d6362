package dev.improview.generation.internal.llm;

import static dev.improview.generation.internal.llm.TestLlm.KEY;
import static dev.improview.generation.internal.llm.TestLlm.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The key reaches the provider's {@code Authorization} header and nothing else: not a log line at
 * any level (Spring AI, the OpenAI SDK and okhttp at DEBUG), not the console, not an exception's
 * message or its causes' — even when the provider's error body quotes the key back, as OpenAI's 401
 * does.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyNeverShownTest {

  static final List<String> LOGGERS =
      List.of(
          Logger.ROOT_LOGGER_NAME,
          "dev.improview",
          "org.springframework.ai",
          "com.openai",
          "okhttp3",
          "io.micrometer");

  MockWebServer server;
  ListAppender<ILoggingEvent> logs;
  final Map<String, Level> levels = new HashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    logs = new ListAppender<>();
    logs.start();
    root().addAppender(logs);
    for (var name : LOGGERS) {
      var logger = (Logger) LoggerFactory.getLogger(name);
      levels.put(name, logger.getLevel());
      logger.setLevel(Level.ALL);
    }
  }

  @AfterEach
  void stop() throws IOException {
    root().detachAppender(logs);
    levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    server.shutdown();
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void noFailureShowsTheKeyAnywhere(CapturedOutput output) throws InterruptedException {
    // Every response quotes the key, as an echoing error page would.
    var echo = "{\"error\":{\"message\":\"key " + KEY + " rejected\",\"code\":\"" + KEY + "\"}}";
    var failures = new ArrayList<LlmException>();

    server.enqueue(json(401, "error-401.json"));
    failures.add(failure(TestLlm.properties()));

    server.enqueue(new MockResponse().setResponseCode(403).setBody(echo));
    failures.add(failure(TestLlm.properties()));

    for (var i = 0; i < 2; i++) {
      server.enqueue(new MockResponse().setResponseCode(503).setBody(echo));
    }
    failures.add(failure(TestLlm.properties().maxAttempts(2)));

    server.enqueue(
        new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600").setBody(echo));
    failures.add(failure(TestLlm.properties()));

    for (var i = 0; i < 2; i++) {
      server.enqueue(new MockResponse().setResponseCode(200).setBody("not json " + KEY));
    }
    failures.add(failure(TestLlm.properties().maxAttempts(2)));

    for (var i = 0; i < 2; i++) {
      server.enqueue(TestLlm.ok().setBody(echo).setHeadersDelay(600, TimeUnit.MILLISECONDS));
    }
    failures.add(
        failure(TestLlm.properties().maxAttempts(2).requestTimeout(Duration.ofMillis(150))));

    assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f).isNotNull());
    for (var failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(t.getMessage()).as("an exception message").doesNotContain(KEY);
        assertThat(String.valueOf(t)).doesNotContain(KEY);
      }
    }
    assertThat(logs.list).as("log events captured at DEBUG and below").isNotEmpty();
    for (var event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(KEY);
      for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        assertThat(t.getMessage()).doesNotContain(KEY);
      }
    }
    assertThat(output.getAll()).doesNotContain(KEY);
    // The key did go where it belongs.
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void settingsAndSetupNeverPrintTheKey() {
    var openai = TestLlm.properties().baseUrl(server.url("/v1").toString()).build();
    var xai =
        TestLlm.properties()
            .provider("xai")
            .openaiApiKey(null)
            .xaiApiKey(KEY)
            .featureGrok(true)
            .build();
    var compatible =
        TestLlm.properties()
            .provider("openai-compatible")
            .baseUrl("http://localhost:11434/v1")
            .apiKey(KEY)
            .build();
    for (var properties : List.of(openai, xai, compatible)) {
      assertThat(properties.toString()).doesNotContain(KEY).contains("(set)");
      var setup = LlmConfiguration.setup(properties, d -> {});
      assertThat(setup.toString()).doesNotContain(KEY);
      assertThat(setup.note()).doesNotContain(KEY);
      assertThat(String.valueOf(setup.client().orElseThrow())).doesNotContain(KEY);
    }
  }

  LlmException failure(TestLlm.Builder settings) {
    var properties = settings.baseUrl(server.url("/v1").toString()).build();
    var client =
        new SpringAiLlmClient(
            properties,
            new Backoff(properties.backoffBase(), properties.backoffMax()),
            d -> {},
            Clock.systemUTC());
    return catchThrowableOfType(
        LlmException.class,
        () ->
            client.complete(
                SpringAiLlmClientTest.CONVERSATION, "problem", SpringAiLlmClientTest.SCHEMA));
  }
}
