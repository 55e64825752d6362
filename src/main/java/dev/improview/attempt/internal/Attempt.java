package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
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
    Category category,
    Difficulty difficulty,
    Language language,
    AttemptState state,
    Instant startedAt,
    Instant endedAt,
    Timer timer,
    Progress progress) {

  /**
   * What the history shows of an attempt, kept on its row: hints revealed and whether the solution
   * was opened while it was open, how many submissions it has, the latest judged one's verdict
   * (null before any), and the timer when a submission was accepted (null unless accepted).
   */
  record Progress(
      int hintsUsed,
      boolean solutionViewed,
      int submissions,
      Verdict lastVerdict,
      Long solvedMillis) {

    Progress {
      if (hintsUsed < 0) {
        throw new IllegalArgumentException("hintsUsed < 0: " + hintsUsed);
      }
      if (submissions < 0) {
        throw new IllegalArgumentException("submissions < 0: " + submissions);
      }
      if (solvedMillis != null && solvedMillis < 0) {
        throw new IllegalArgumentException("solvedMillis < 0: " + solvedMillis);
      }
    }

    static final Progress NONE = new Progress(0, false, 0, null, null);
  }

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
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    if ((state == AttemptState.OPEN) != (endedAt == null)) {
      throw new IllegalArgumentException("endedAt must be set exactly when the attempt has ended");
    }
    Objects.requireNonNull(timer, "timer");
    Objects.requireNonNull(progress, "progress");
    if ((state == AttemptState.ACCEPTED) != (progress.solvedMillis() != null)) {
      throw new IllegalArgumentException("solvedMillis must be set exactly when it was accepted");
    }
  }

  boolean open() {
    return state == AttemptState.OPEN;
  }
}
