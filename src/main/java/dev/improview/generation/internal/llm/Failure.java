package dev.improview.generation.internal.llm;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What went wrong with one attempt, in words safe to show: never the provider's message or body (an
 * OpenAI 401 echoes part of the key), at most its status and its machine-readable error code.
 *
 * <p>Spring AI 2.0 calls the OpenAI Java SDK and lets its exceptions through: an HTTP status
 * arrives as {@link OpenAIServiceException} with {@code statusCode()} and {@code headers()} (so
 * {@code Retry-After} can be read), a timeout or a dropped connection as {@link OpenAIIoException},
 * and a body that is not a chat completion as {@link OpenAIInvalidDataException}.
 *
 * @param reason what happened, e.g. {@code HTTP 503}, {@code timed out after 2 s}
 * @param status the HTTP status, 0 when no response came
 * @param retryable whether another attempt may succeed
 * @param retryAfter how long the server asked us to wait, if it said
 */
record Failure(String reason, int status, boolean retryable, Optional<Duration> retryAfter) {

  // OpenAI's codes are words and underscores (invalid_api_key, model_not_found); a key never is
  // (it has digits and dashes), so nothing an echoing server puts there can carry one out.
  private static final Pattern SAFE_CODE = Pattern.compile("[a-z][a-z_]{0,47}");

  /** The failure {@code thrown} stands for, or empty when it is not the model's (a bug here). */
  static Optional<Failure> of(Throwable thrown, Duration requestTimeout, Clock clock) {
    for (var t = thrown; t != null; t = t.getCause()) {
      if (t instanceof OpenAIServiceException e) {
        return Optional.of(http(e, clock));
      }
      if (t instanceof OpenAIIoException e) {
        var reason =
            timedOut(e)
                ? "timed out after " + Durations.words(requestTimeout)
                : "connection failed";
        return Optional.of(new Failure(reason, 0, true, Optional.empty()));
      }
      // A 200 whose body is not a chat completion is a cut connection or a proxy's page far more
      // often than a server that always answers so: the same family as a dropped connection.
      if (t instanceof OpenAIInvalidDataException) {
        return Optional.of(
            new Failure("the answer was not a chat completion", 0, true, Optional.empty()));
      }
      if (t instanceof OpenAIRetryableException) {
        return Optional.of(new Failure("connection failed", 0, true, Optional.empty()));
      }
    }
    return Optional.empty();
  }

  private static Failure http(OpenAIServiceException e, Clock clock) {
    var status = e.statusCode();
    var code = e.code().filter(c -> SAFE_CODE.matcher(c).matches());
    var reason = "HTTP " + status + code.map(c -> ", " + c).orElse("");
    // 408 is a timeout by another name; 429 and 5xx are the server's trouble, not the request's.
    var retryable = status == 408 || status == 429 || status >= 500;
    var retryAfter =
        e.headers().values("Retry-After").stream()
            .findFirst()
            .flatMap(value -> RetryAfter.parse(value, clock));
    return new Failure(reason, status, retryable, retryAfter);
  }

  private static boolean timedOut(Throwable e) {
    for (var t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return true; // okhttp's call timeout, and SocketTimeoutException
      }
    }
    return false;
  }
}
