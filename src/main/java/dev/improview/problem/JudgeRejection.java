package dev.improview.problem;

import dev.improview.platform.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The judge refused what it was given, before anything ran: the caller's mistake, answered as a
 * {@code 400} whose detail says what and where. Anything else the engine throws is our fault.
 */
public final class JudgeRejection extends ErrorResponseException {

  /** Why the judge refused. */
  public enum Reason {
    CODE_TOO_LARGE,
    CODE_HAS_NUL,
    TOO_MANY_TESTS,
    INVALID_ARGUMENTS,
    NO_REFERENCE
  }

  private final Reason reason;

  JudgeRejection(Reason reason, String detail) {
    super(
        HttpStatus.BAD_REQUEST,
        ApiProblems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail),
        null);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
