package dev.improview.attempt.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a submission is: waiting for a runner, being judged under a runner's lease, judged, or
 * given up on (it could not be judged; the page offers to submit the same code again). The SQL
 * check {@code submission_state} (V6__submissions.sql) holds the same ids.
 */
enum SubmissionState {
  QUEUED,
  RUNNING,
  FINISHED,
  FAILED_TO_RUN;

  @JsonValue
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SubmissionState fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  boolean isFinal() {
    return this == FINISHED || this == FAILED_TO_RUN;
  }
}
