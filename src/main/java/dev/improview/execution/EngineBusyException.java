package dev.improview.execution;

import dev.improview.platform.ApiProblems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No sandbox capacity freed up in time. It leaves the API as {@code 503} with {@code Retry-After}
 * and an {@code engine-busy} problem detail, wherever it is thrown from (a run, an import).
 */
public class EngineBusyException extends ErrorResponseException {

  private final Duration retryAfter;
  private final String reason;

  /**
   * @param message what was busy, for the log (the client sees a generic detail)
   */
  public EngineBusyException(String message, Duration retryAfter) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(retryAfter), null);
    if (retryAfter == null || retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter is null or negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
    this.reason = message;
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    setDetail("All code runners are busy right now; try again in " + seconds(retryAfter) + " s.");
  }

  private static org.springframework.http.ProblemDetail problem(Duration retryAfter) {
    return ApiProblems.of(
        HttpStatus.SERVICE_UNAVAILABLE,
        "engine-busy",
        "Every sandbox is busy",
        "All code runners are busy right now.");
  }

  private static long seconds(Duration retryAfter) {
    return retryAfter == null ? 1 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  /** What was busy, for the log. */
  public String reason() {
    return reason;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
