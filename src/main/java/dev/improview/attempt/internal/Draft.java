package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import java.time.Instant;

/**
 * One account's code for one problem in one language, as the server keeps it.
 *
 * @param revision how many times it was written (a reset counts); a write must name it
 */
public record Draft(
    String problemId, Language language, String code, long revision, Instant updatedAt) {

  public Draft {
    if (problemId == null || problemId.isBlank()) {
      throw new IllegalArgumentException("problemId is blank");
    }
    if (language == null) {
      throw new IllegalArgumentException("language is null");
    }
    if (code == null) {
      throw new IllegalArgumentException("code is null");
    }
    if (revision < 1) {
      throw new IllegalArgumentException("revision < 1: " + revision);
    }
    if (updatedAt == null) {
      throw new IllegalArgumentException("updatedAt is null");
    }
  }
}
