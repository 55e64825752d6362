package dev.improview.platform;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;

/**
 * Builds RFC 9457 problem details with Improview's stable {@code type} URIs. Every error the API
 * sends is one of these; docs/api.md lists the types.
 */
public final class ApiProblems {

  private static final String TYPE_PREFIX = "https://improview.dev/problems/";

  private ApiProblems() {}

  /** The stable type URI for a short error name such as {@code not-found}. */
  public static URI type(String name) {
    return URI.create(TYPE_PREFIX + name);
  }

  /** A problem detail with type, title and a human detail. */
  public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(type));
    problem.setTitle(title);
    return problem;
  }

  /** An exception Spring MVC renders as the given problem detail. */
  public static ErrorResponseException exception(
      HttpStatus status, String type, String title, String detail) {
    return new ErrorResponseException(status, of(status, type, title, detail), null);
  }

  /** 400: a request parameter or body field is malformed; {@code detail} says which and why. */
  public static ErrorResponseException badRequest(String detail) {
    return exception(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
  }

  /** 401: the request needs a signed-in user and has none (or its credentials were refused). */
  public static ProblemDetail unauthenticated() {
    return of(
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "Sign-in required",
        "This needs a signed-in user: sign in with a passkey or an email link, or send a valid"
            + " bearer token.");
  }

  /** 404: the named resource does not exist. */
  public static ErrorResponseException notFound(String detail) {
    return exception(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
  }

  /**
   * 400: a request body that is not the JSON asked for (malformed, a wrong type, beyond a limit);
   * {@code detail} says what and where (line and column, field path).
   */
  public static ErrorResponseException malformedJson(JacksonException e) {
    return badRequest(JsonErrors.describe(e));
  }

  /** The type name for a status no handler named more precisely. */
  static String typeName(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad-request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 500 -> "internal";
      default -> "http-" + status.value();
    };
  }

  /** {@code text} cut to at most {@code max} characters, marked with an ellipsis when cut. */
  public static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.substring(0, end) + "\u2026";
  }
}
