package dev.improview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory store, the configuration's checks and the 429's wording, without a server. */
class RateLimiterTest {

  private static RateLimiter inMemory(RateLimitProperties properties) {
    return new RateLimiter(
        new RateLimitProperties(properties.enabled(), "memory", properties.limits()), null);
  }

  @Test
  void theMemoryStoreCountsPerLimitAndSubject() {
    try (var limiter =
        inMemory(RateLimitProperties.defaults().with(RateLimit.RUN, 2, Duration.ofHours(1)))) {
      limiter.consume(RateLimit.RUN, "ada");
      limiter.consume(RateLimit.RUN, "ada");
      assertThatThrownBy(() -> limiter.consume(RateLimit.RUN, "ada"))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> {
                assertThat(e.getStatusCode().value()).isEqualTo(429);
                assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1800");
                assertThat(e.getBody().getDetail())
                    .isEqualTo("Too many runs: at most 2 every 60 min. Try again in 30 min.");
              });
      limiter.consume(RateLimit.RUN, "grace");
      limiter.consume(RateLimit.SUBMISSION, "ada");
    }
  }

  @Test
  void fullBucketsAreForgotten() throws Exception {
    var store = new MemoryRateLimitStore();
    try {
      var shape =
          io.github.bucket4j.BucketConfiguration.builder()
              .addLimit(l -> l.capacity(1).refillGreedy(1, Duration.ofMillis(50)))
              .build();
      assertThat(store.tryConsume("run:a", shape, 1).isConsumed()).isTrue();
      assertThat(store.tryConsume("run:b", shape, 1).isConsumed()).isTrue();
      assertThat(store.dropFull()).as("both just spent their token").isEqualTo(2);
      Thread.sleep(120);
      assertThat(store.dropFull()).isZero();
    } finally {
      store.close();
    }
  }

  @Test
  void turnedOffNothingIsCounted() {
    try (var limiter =
        inMemory(
            new RateLimitProperties(false, "memory", Map.of())
                .with(RateLimit.RUN, 1, Duration.ofHours(1)))) {
      for (int i = 0; i < 5; i++) {
        limiter.consume(RateLimit.RUN, "ada");
      }
    }
  }

  @Test
  void limitsAreNamedByIdWithOrWithoutDashes() {
    var shapes =
        new RateLimitProperties(
                true,
                "postgresql",
                Map.of(
                    "magiclinkemail",
                    new RateLimitProperties.Limit(3, null),
                    "sign-in-ip",
                    new RateLimitProperties.Limit(null, Duration.ofMinutes(2))))
            .shapes();
    assertThat(shapes.get(RateLimit.MAGIC_LINK_EMAIL))
        .isEqualTo(new RateLimitProperties.Shape(3, Duration.ofMinutes(15)));
    assertThat(shapes.get(RateLimit.SIGN_IN_IP))
        .isEqualTo(new RateLimitProperties.Shape(30, Duration.ofMinutes(2)));
    assertThat(shapes.get(RateLimit.RUN))
        .isEqualTo(new RateLimitProperties.Shape(30, Duration.ofMinutes(1)));
  }

  @Test
  void badConfigurationNamesTheSetting() {
    assertThatThrownBy(
            () ->
                new RateLimitProperties(
                    true, "postgresql", Map.of("runs", new RateLimitProperties.Limit(1, null))))
        .hasMessageContaining("no limit named 'runs'")
        .hasMessageContaining("magic-link-email");
    assertThatThrownBy(() -> new RateLimitProperties.Limit(0, null))
        .hasMessageContaining("capacity must be between 1 and 1000000");
    assertThatThrownBy(() -> new RateLimitProperties.Limit(1, Duration.ZERO))
        .hasMessageContaining("period must be positive");
    assertThatThrownBy(() -> new RateLimitProperties(true, "redis", Map.of()))
        .hasMessageContaining("store must be postgresql or memory");
  }

  @Test
  void waitsAreSpokenRoundedUp() {
    assertThat(RateLimitedException.spoken(Duration.ofMillis(1))).isEqualTo("1 s");
    assertThat(RateLimitedException.spoken(Duration.ofSeconds(119))).isEqualTo("119 s");
    assertThat(RateLimitedException.spoken(Duration.ofSeconds(121))).isEqualTo("3 min");
    assertThat(RateLimitedException.spoken(Duration.ofMinutes(15))).isEqualTo("15 min");
    assertThat(RateLimitedException.spoken(Duration.ofMinutes(150))).isEqualTo("2 h 30 min");
    assertThat(RateLimitedException.spoken(Duration.ofHours(24))).isEqualTo("24 h");
  }
}
