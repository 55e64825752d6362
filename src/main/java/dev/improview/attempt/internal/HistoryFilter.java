package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which of an account's attempts the history lists; a null field is no filter.
 *
 * @param verdict the latest judged submission's verdict as stored in {@code last_verdict}: one of
 *     {@link #VERDICTS}
 */
record HistoryFilter(
    Category category,
    Difficulty difficulty,
    Language language,
    String verdict,
    AttemptState state) {

  /**
   * Every verdict a submission can end with: {@code ACCEPTED} (a whole submission passed) and the
   * engine's per-test verdicts. Named here by string so it holds whether or not {@link Verdict} has
   * {@code ACCEPTED}.
   */
  static final Set<String> VERDICTS =
      Stream.concat(Stream.of("ACCEPTED"), Arrays.stream(Verdict.values()).map(Verdict::name))
          .collect(Collectors.toCollection(LinkedHashSet::new));

  static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null);

  HistoryFilter {
    if (verdict != null && !VERDICTS.contains(verdict)) {
      throw new IllegalArgumentException(
          "verdict must be one of " + String.join(", ", VERDICTS) + ": " + verdict);
    }
  }
}
