package dev.improview.attempt.internal;

import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the history's charts draw, over one account's attempts.
 *
 * @param solveTimes the latest accepted attempts (at most {@link StatsStore#SOLVE_TIMES}), oldest
 *     first
 * @param byCategory categories with at least one attempt, in {@link Category}'s order
 * @param byDifficulty difficulties with at least one attempt, easy to hard
 */
record Stats(
    Totals totals,
    List<SolveTime> solveTimes,
    List<CategoryStats> byCategory,
    List<DifficultyStats> byDifficulty) {

  Stats {
    Objects.requireNonNull(totals, "totals");
    solveTimes = List.copyOf(Objects.requireNonNull(solveTimes, "solveTimes"));
    byCategory = List.copyOf(Objects.requireNonNull(byCategory, "byCategory"));
    byDifficulty = List.copyOf(Objects.requireNonNull(byDifficulty, "byDifficulty"));
  }

  record Totals(long attempts, long open, long accepted, long givenUp) {

    Totals {
      if (open < 0 || accepted < 0 || givenUp < 0 || open + accepted + givenUp != attempts) {
        throw new IllegalArgumentException(
            "attempts must be open + accepted + givenUp, none negative: "
                + attempts
                + " != "
                + open
                + " + "
                + accepted
                + " + "
                + givenUp);
      }
    }
  }

  /** An accepted attempt: its timer when accepted, beside the problem's estimate. */
  record SolveTime(
      UUID attemptId,
      Instant endedAt,
      long solvedMillis,
      int estimateMinutes,
      Difficulty difficulty) {

    SolveTime {
      Objects.requireNonNull(attemptId, "attemptId");
      Objects.requireNonNull(endedAt, "endedAt");
      Objects.requireNonNull(difficulty, "difficulty");
      if (solvedMillis < 0) {
        throw new IllegalArgumentException("solvedMillis < 0: " + solvedMillis);
      }
    }
  }

  record CategoryStats(Category category, long attempts, long accepted) {

    CategoryStats {
      Objects.requireNonNull(category, "category");
      if (accepted < 0 || accepted > attempts) {
        throw new IllegalArgumentException(
            "accepted not in 0..attempts (" + attempts + "): " + accepted);
      }
    }
  }

  /**
   * @param averageHints the mean of {@code hintsUsed} over these attempts, to two decimals
   * @param solutionViewed how many of them opened the solution while open
   */
  record DifficultyStats(
      Difficulty difficulty,
      long attempts,
      long accepted,
      double averageHints,
      long solutionViewed) {

    DifficultyStats {
      Objects.requireNonNull(difficulty, "difficulty");
      if (accepted < 0 || accepted > attempts) {
        throw new IllegalArgumentException(
            "accepted not in 0..attempts (" + attempts + "): " + accepted);
      }
      if (solutionViewed < 0 || solutionViewed > attempts) {
        throw new IllegalArgumentException(
            "solutionViewed not in 0..attempts (" + attempts + "): " + solutionViewed);
      }
      if (averageHints < 0) {
        throw new IllegalArgumentException("averageHints < 0: " + averageHints);
      }
    }
  }
}
