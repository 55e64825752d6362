package dev.improview.generation.internal;

import dev.improview.execution.Language;
import dev.improview.generation.GenerationSource;
import dev.improview.generation.GenerationState;
import dev.improview.generation.GenerationStep;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored generation.
 *
 * @param language the language asked for; null for any
 * @param topicHint what the user would like it to be about; null for nothing in particular
 * @param source where the problem came from, once ready; null before
 * @param problemId the problem served, once ready
 * @param reason why it failed, in one sentence, once failed
 */
record Generation(
    UUID id,
    UUID account,
    Category category,
    Difficulty difficulty,
    Language language,
    String topicHint,
    GenerationState state,
    GenerationSource source,
    String problemId,
    String reason,
    Instant createdAt,
    Instant finishedAt) {

  Generation {
    if (id == null || account == null || category == null || difficulty == null) {
      throw new IllegalArgumentException("id, account, category and difficulty are required");
    }
    if (state == null || createdAt == null) {
      throw new IllegalArgumentException("state and createdAt are required");
    }
    if ((state == GenerationState.READY) != (problemId != null)
        || (state == GenerationState.READY) != (source != null)) {
      throw new IllegalArgumentException(
          "problemId and source are set exactly when the state is ready");
    }
    if ((state == GenerationState.FAILED) != (reason != null)) {
      throw new IllegalArgumentException("reason is set exactly when the state is failed");
    }
    if (state.isFinal() != (finishedAt != null)) {
      throw new IllegalArgumentException("finishedAt is set exactly when the state is final");
    }
  }

  /**
   * One step it reported: its place in order ({@code seq}, from 1), how it ended where it checks
   * something ({@code passed}, {@code failed}, {@code skipped}; null for news), when, and what it
   * says.
   */
  record Event(
      int seq, GenerationStep step, String outcome, String message, String problemId, Instant at) {

    Event {
      if (seq < 1 || step == null || message == null || at == null) {
        throw new IllegalArgumentException("seq (from 1), step, message and at are required");
      }
    }
  }
}
