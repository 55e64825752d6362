package dev.improview.platform;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * {@code 429} of type {@code rate-limited} with {@code Retry-After}: a {@link RateLimit}'s bucket
 * is empty for this subject. The detail says what was counted, the limit and when to try again.
 */
public class RateLimitedException extends ErrorResponseException {

  private final RateLimit limit;
  private final Duration retryAfter;

  RateLimitedException(RateLimit limit, RateLimitProperties.Shape shape, Duration retryAfter) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        ApiProblems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "rate-limited",
            "Too many requests",
            "Too many "
                + limit.what()
                + ": at most "
                + shape.capacity()
                + " every "
                + spoken(shape.period())
                + ". Try again in "
                + spoken(retryAfter)
                + "."),
        null);
    this.limit = limit;
    this.retryAfter = retryAfter;
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
  }

  public RateLimit limit() {
    return limit;
  }

  /** Whole seconds until one more request is allowed, at least 1 (the header's value). */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  // "45 s", "3 min", "1 h 30 min": rounded up, so the wait said is never too short.
  static String spoken(Duration duration) {
    long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
    if (seconds < 120) {
      return seconds + " s";
    }
    long minutes = (seconds + 59) / 60;
    if (minutes < 120) {
      return minutes + " min";
    }
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }
}
