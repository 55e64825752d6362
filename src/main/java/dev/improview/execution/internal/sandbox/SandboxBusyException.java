package dev.improview.execution.internal.sandbox;

import java.time.Duration;

/** No sandbox capacity freed up within the queue wait; the caller may retry after a while. */
public class SandboxBusyException extends RuntimeException {

  private final Duration retryAfter;

  public SandboxBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
