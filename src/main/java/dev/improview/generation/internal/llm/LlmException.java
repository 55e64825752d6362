package dev.improview.generation.internal.llm;

/**
 * The model could not answer: retries ran out on a transient failure, or the provider refused the
 * request (a bad key, an unknown model). The message is one sentence for the log and for the user's
 * {@code failed} reason; it never holds a key or the provider's raw response body.
 */
public class LlmException extends RuntimeException {

  public enum Kind {
    /** 429, 5xx, a timeout or a dropped connection, on every attempt allowed. */
    UNAVAILABLE,
    /**
     * 4xx other than 429: retrying will not help (a key, a model name, a request the API refuses).
     */
    REFUSED
  }

  private final Kind kind;
  private final int attempts;

  public LlmException(Kind kind, String message, int attempts) {
    super(message, null, false, false);
    this.kind = kind;
    this.attempts = attempts;
  }

  public Kind kind() {
    return kind;
  }

  public int attempts() {
    return attempts;
  }
}
