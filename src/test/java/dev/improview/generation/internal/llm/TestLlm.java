package dev.improview.generation.internal.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/** Test settings, fixtures and a sleeper that records instead of waiting. */
final class TestLlm {

  static final String KEY = "sk-test-9f8e7d6c5b4a39281706f5e4d3c2b1a0";

  private TestLlm() {}

  /** A chat completion fixture from {@code src/test/resources/llm-fixtures/}, the key filled in. */
  static String fixture(String name) {
    try (var in = TestLlm.class.getResourceAsStream("/llm-fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture llm-fixtures/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{key}}", KEY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int status, String fixture) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(fixture(fixture));
  }

  static MockResponse ok() {
    return json(200, "completion-ok.json");
  }

  static Builder properties() {
    return new Builder();
  }

  /** {@link LlmProperties} with test defaults: openai, {@link #KEY}, short timeouts. */
  static final class Builder {
    private String provider = "openai";
    private String baseUrl;
    private String model = "gpt-test";
    private String openaiApiKey = KEY;
    private String xaiApiKey;
    private String apiKey;
    private boolean featureGrok;
    private Duration requestTimeout = Duration.ofSeconds(5);
    private int maxAttempts = 4;
    private Duration backoffBase = Duration.ofMillis(500);
    private Duration backoffMax = Duration.ofSeconds(20);
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    Builder model(String model) {
      this.model = model;
      return this;
    }

    Builder openaiApiKey(String key) {
      this.openaiApiKey = key;
      return this;
    }

    Builder xaiApiKey(String key) {
      this.xaiApiKey = key;
      return this;
    }

    Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    Builder featureGrok(boolean on) {
      this.featureGrok = on;
      return this;
    }

    Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    Builder maxRetryAfter(Duration max) {
      this.maxRetryAfter = max;
      return this;
    }

    LlmProperties build() {
      return new LlmProperties(
          provider,
          baseUrl,
          model,
          openaiApiKey,
          xaiApiKey,
          apiKey,
          featureGrok,
          requestTimeout,
          maxAttempts,
          backoffBase,
          backoffMax,
          maxRetryAfter);
    }
  }

  /** Remembers each wait asked for and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }
}
