package dev.improview.generation.internal;

import dev.improview.platform.ApiProblems;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * {@code 429} with {@code Retry-After}: the account has started its daily quota of generations. The
 * quota counts from midnight UTC.
 */
class QuotaExceededException extends ErrorResponseException {

  QuotaExceededException(int quota, Instant now, Instant resets) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        ApiProblems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "generation-quota",
            "Daily generation quota used",
            detail(quota, Duration.between(now, resets))),
        null);
    getHeaders()
        .set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(Duration.between(now, resets))));
  }

  private static long seconds(Duration left) {
    return Math.max(1, (left.toMillis() + 999) / 1000);
  }

  static String detail(int quota, Duration left) {
    if (quota == 0) {
      return "Generating problems is turned off on this server (its daily quota is 0); open one"
          + " from the problem list.";
    }
    long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
    String wait =
        minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    return "You have started all "
        + quota
        + " generations for today; the quota resets at midnight UTC, in "
        + wait
        + ". Problems in the list stay open to you meanwhile.";
  }
}
