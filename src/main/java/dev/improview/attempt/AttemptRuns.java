package dev.improview.attempt;

import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import java.util.UUID;

/** What the runs module tells an attempt: that its code was run, and with what verdict. */
public interface AttemptRuns {

  /**
   * The caller's open or ended attempt at {@code problemId} named by {@code attemptId}.
   *
   * @throws org.springframework.web.ErrorResponseException {@code 404} for an unknown, malformed or
   *     foreign id, {@code 400} for an attempt at another problem
   */
  UUID check(String attemptId, String problemId);

  /** Records a {@code ran} event on the attempt. */
  void recordRun(UUID attempt, Language language, Verdict verdict, int tests, boolean custom);
}
