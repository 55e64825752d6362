package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A submission as stored. {@code result} is set once it is {@code finished}, {@code failure} once
 * it is {@code failed_to_run}; the code itself is in the blob store under {@code codeKey}.
 */
record Submission(
    UUID id,
    UUID attemptId,
    UUID accountId,
    String problemId,
    int problemVersion,
    Language language,
    String codeKey,
    String requestSha256,
    SubmissionState state,
    long elapsedMillis,
    Instant createdAt,
    Instant finishedAt,
    int claims,
    SubmissionResult result,
    String failure) {

  Submission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(attemptId, "attemptId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(problemId, "problemId");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(codeKey, "codeKey");
    Objects.requireNonNull(requestSha256, "requestSha256");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    if (elapsedMillis < 0) {
      throw new IllegalArgumentException("elapsedMillis < 0: " + elapsedMillis);
    }
    if (state.isFinal() != (finishedAt != null)) {
      throw new IllegalArgumentException("finishedAt must be set exactly when it is final");
    }
    if ((state == SubmissionState.FINISHED) != (result != null)) {
      throw new IllegalArgumentException("result must be set exactly when it is finished");
    }
  }
}
