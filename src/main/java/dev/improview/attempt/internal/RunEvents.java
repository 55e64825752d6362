package dev.improview.attempt.internal;

import dev.improview.attempt.AttemptRuns;
import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.platform.ApiProblems;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Runs recorded on the attempt they were made in, as {@code ran} events. */
@Component
class RunEvents implements AttemptRuns {

  private final Attempts attempts;
  private final AttemptStore store;

  RunEvents(Attempts attempts, AttemptStore store) {
    this.attempts = attempts;
    this.store = store;
  }

  @Override
  public UUID check(String attemptId, String problemId) {
    var attempt = attempts.find(attemptId);
    if (!attempt.problemId().equals(problemId)) {
      throw ApiProblems.badRequest(
          "'attemptId' names an attempt at problem '"
              + attempt.problemId()
              + "', not '"
              + ApiProblems.shorten(problemId, 80)
              + "'");
    }
    return attempt.id();
  }

  @Override
  public void recordRun(
      UUID attempt, Language language, Verdict verdict, int tests, boolean custom) {
    store.recordEvent(
        attempt,
        EventKind.RAN,
        Map.of(
            "language", language.id(), "verdict", verdict.name(), "tests", tests, "custom", custom),
        attempts.now());
  }
}
