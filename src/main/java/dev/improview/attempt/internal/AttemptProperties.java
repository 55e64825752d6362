package dev.improview.attempt.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.attempts.*}.
 *
 * @param idleCutoff how long the timer keeps counting without a heartbeat from the page; past it,
 *     time counts only up to the last heartbeat (a closed laptop is not solving time)
 */
@ConfigurationProperties("improview.attempts")
record AttemptProperties(@DefaultValue("5m") Duration idleCutoff) {

  AttemptProperties {
    if (idleCutoff == null || idleCutoff.isNegative() || idleCutoff.isZero()) {
      throw new IllegalArgumentException(
          "improview.attempts.idle-cutoff must be positive: " + idleCutoff);
    }
  }
}
