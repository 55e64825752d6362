package dev.improview.generation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.generation.*}.
 *
 * @param dailyQuota generations one account may start per UTC day; past it, {@code 429}
 * @param staleAfter how long a generation may stay unfinished before a reader reports it failed
 *     (its server stopped while it ran)
 * @param streamPoll how often an open progress stream looks for new steps
 * @param streamTimeout how long a progress stream stays open without reaching the end
 * @param runners how many generations one server works on at once; the rest wait their turn
 */
@ConfigurationProperties("improview.generation")
record GenerationProperties(
    @DefaultValue("20") int dailyQuota,
    @DefaultValue("2m") Duration staleAfter,
    @DefaultValue("200ms") Duration streamPoll,
    @DefaultValue("5m") Duration streamTimeout,
    @DefaultValue("2") int runners) {

  GenerationProperties {
    if (dailyQuota < 0) {
      throw new IllegalArgumentException(
          "improview.generation.daily-quota must be 0 or more: " + dailyQuota);
    }
    if (runners < 1) {
      throw new IllegalArgumentException(
          "improview.generation.runners must be 1 or more: " + runners);
    }
    positive("stale-after", staleAfter);
    positive("stream-poll", streamPoll);
    positive("stream-timeout", streamTimeout);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "improview.generation." + name + " must be positive: " + value);
    }
  }
}
