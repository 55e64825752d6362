package dev.improview.execution;

import java.time.Duration;

/** No sandbox capacity freed up in time; answer 429/503 with {@code Retry-After}. */
public class EngineBusyException extends RuntimeException {

  private final Duration retryAfter;

  public EngineBusyException(String message, Duration retryAfter) {
    super(message);
    if (retryAfter == null || retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter is null or negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
