package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import dev.improview.platform.ApiProblems;
import dev.improview.platform.CurrentAccount;
import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finding the caller's attempt from a path id, for every endpoint under {@code /api/attempts/{id}}:
 * a malformed id, an unknown one and someone else's are the same {@code 404}; an ended one, where
 * only an open one will do, is {@code 409 attempt-closed}. Also the server's "now" for attempts.
 */
@Component
class Attempts {

  private final AttemptStore store;
  private final CurrentAccount account;
  private final ProblemCatalog catalog;
  private final Clock clock;

  Attempts(AttemptStore store, CurrentAccount account, ProblemCatalog catalog, Clock clock) {
    this.store = store;
    this.account = account;
    this.catalog = catalog;
    this.clock = clock;
  }

  Attempt find(String id) {
    return owned(store.find(uuid(id, "attempt")).orElse(null), id);
  }

  /** The attempt, its row locked until the transaction ends. */
  Attempt lock(String id) {
    return owned(store.lock(uuid(id, "attempt")).orElse(null), id);
  }

  /** The open attempt, locked; {@code 409} when it has ended. */
  Attempt lockOpen(String id) {
    var attempt = lock(id);
    if (!attempt.open()) {
      throw closed(attempt);
    }
    return attempt;
  }

  /** The problem revision the attempt was made against. */
  Problem problem(Attempt attempt) {
    return catalog
        .findRevision(attempt.problemId(), attempt.problemVersion())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Attempt "
                        + attempt.id()
                        + " points at a missing revision "
                        + attempt.problemId()
                        + "@"
                        + attempt.problemVersion()));
  }

  UUID accountId() {
    return account.id();
  }

  Instant now() {
    return TimerViews.now(clock);
  }

  static org.springframework.web.ErrorResponseException closed(Attempt attempt) {
    return ApiProblems.exception(
        HttpStatus.CONFLICT,
        "attempt-closed",
        "Attempt closed",
        "Attempt " + attempt.id() + " has ended (" + attempt.state().id() + "); open a new one");
  }

  /** The attempt if it is the caller's: someone else's is as unknown as a missing one. */
  private Attempt owned(Attempt attempt, String id) {
    if (attempt == null || !attempt.accountId().equals(account.id())) {
      throw ApiProblems.notFound("No attempt with id '" + ApiProblems.shorten(id, 80) + "'");
    }
    return attempt;
  }

  /** A UUID, or 404: a malformed id names nothing, like an unknown one. */
  static UUID uuid(String id, String what) {
    try {
      // fromString accepts short forms ("1-1-1-1-1"); only the canonical form is an id.
      var uuid = UUID.fromString(id);
      if (uuid.toString().equalsIgnoreCase(id)) {
        return uuid;
      }
    } catch (IllegalArgumentException e) {
      // Falls through to 404.
    }
    throw ApiProblems.notFound("No " + what + " with id '" + ApiProblems.shorten(id, 80) + "'");
  }

  /** A language id from a request body, or 400 naming the field. */
  static Language language(String id) {
    if (id == null) {
      throw ApiProblems.badRequest("'language' is required: javascript, python or java");
    }
    try {
      return Language.fromId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest(
          "'language' must be one of "
              + Language.ids()
              + "; got '"
              + ApiProblems.shorten(id, 80)
              + "'");
    }
  }
}
