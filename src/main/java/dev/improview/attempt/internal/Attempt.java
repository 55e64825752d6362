package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One user's attempt at one revision of a problem, as stored. */
record Attempt(
    UUID id,
    UUID accountId,
    String problemId,
    int problemVersion,
    int estimateMinutes,
    Language language,
    AttemptState state,
    Instant startedAt,
    Instant endedAt,
    Timer timer) {

  Attempt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(problemId, "problemId");
    if (problemVersion < 1) {
      throw new IllegalArgumentException("problemVersion < 1: " + problemVersion);
    }
    if (estimateMinutes < 1) {
      throw new IllegalArgumentException("estimateMinutes < 1: " + estimateMinutes);
    }
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    if ((state == AttemptState.OPEN) != (endedAt == null)) {
      throw new IllegalArgumentException("endedAt must be set exactly when the attempt has ended");
    }
    Objects.requireNonNull(timer, "timer");
  }

  boolean open() {
    return state == AttemptState.OPEN;
  }
}
