package dev.improview.generation.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  static final Clock NOW = Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC);

  @Test
  void secondsAreTakenAsTheyAre() {
    assertThat(RetryAfter.parse("2", NOW)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anHttpDateIsTheTimeFromNowUntilThen() {
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 10:16:00 GMT", NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 10:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anythingElseIsNoAdvice() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-1", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
  }
}
