package dev.improview.generation.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void theCapDoublesFromTheBaseUpToTheMax() {
    var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(20));
    assertThat(backoff.cap(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.cap(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.cap(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.cap(6)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.cap(7)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.cap(1_000)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void fullJitterDrawsAnywhereFromZeroToTheCap() {
    assertThat(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(20), () -> 0.0).delay(3))
        .isEqualTo(Duration.ZERO);
    assertThat(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(20), () -> 0.5).delay(3))
        .isEqualTo(Duration.ofSeconds(1));
    var random = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(20));
    for (var i = 0; i < 200; i++) {
      assertThat(random.delay(2)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  @Test
  void aMaxBelowTheBaseIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("max must be at least base");
  }
}
