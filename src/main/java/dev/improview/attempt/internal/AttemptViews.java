package dev.improview.attempt.internal;

import dev.improview.attempt.internal.SubmissionResult.FirstFailure;
import dev.improview.attempt.internal.SubmissionResult.TestSummary;
import dev.improview.execution.Diagnostic;
import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.platform.BlobStore;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The API's views of attempts, timers and submissions (docs/api.md, "Attempts"). */
@Component
class AttemptViews {

  record TimerView(long elapsedMillis, boolean running, boolean started, int estimateMinutes) {}

  record RevealedHint(int index, String text) {}

  record Reveals(List<RevealedHint> hints, boolean solutionViewed) {}

  record AttemptView(
      UUID id,
      String problemId,
      int problemVersion,
      String title,
      Category category,
      Difficulty difficulty,
      Language language,
      AttemptState state,
      Instant startedAt,
      Instant endedAt,
      TimerView timer,
      int hintsUsed,
      boolean solutionViewed,
      int submissionCount,
      Verdict lastVerdict,
      Long solvedMillis,
      Reveals reveals,
      List<AttemptEvent> events,
      List<SubmissionView> submissions) {}

  record SubmissionView(
      UUID id,
      UUID attemptId,
      String problemId,
      int problemVersion,
      Language language,
      SubmissionState state,
      Instant createdAt,
      Instant finishedAt,
      long elapsedMillis,
      Verdict verdict,
      Integer passed,
      Integer total,
      String failure,
      List<TestSummary> tests,
      FirstFailure firstFailure,
      List<Diagnostic> diagnostics,
      String code) {}

  private final Attempts attempts;
  private final AttemptStore store;
  private final RevealStore reveals;
  private final SubmissionStore submissions;
  private final BlobStore blobs;
  private final AttemptProperties properties;

  AttemptViews(
      Attempts attempts,
      AttemptStore store,
      RevealStore reveals,
      SubmissionStore submissions,
      BlobStore blobs,
      AttemptProperties properties) {
    this.attempts = attempts;
    this.store = store;
    this.reveals = reveals;
    this.submissions = submissions;
    this.blobs = blobs;
    this.properties = properties;
  }

  /** The attempt as every answer shows it, with what it revealed. */
  AttemptView attempt(Attempt attempt, Instant now) {
    return view(attempt, now, null, null);
  }

  /** The attempt with its events and submissions (each with its code). */
  AttemptView detail(Attempt attempt, Instant now) {
    var made = submissions.forAttempt(attempt.id()).stream().map(s -> submission(s, true)).toList();
    return view(attempt, now, store.events(attempt.id()), made);
  }

  TimerView timer(Attempt attempt, Timer timer, Instant now) {
    return TimerViews.view(timer, attempt.estimateMinutes(), now, properties.idleCutoff());
  }

  SubmissionView submission(Submission s, boolean withCode) {
    return submission(s, withCode ? code(s) : null);
  }

  /** The submission with {@code code} (null: without), for a caller that has it at hand. */
  SubmissionView submission(Submission s, String code) {
    var result = s.result();
    return new SubmissionView(
        s.id(),
        s.attemptId(),
        s.problemId(),
        s.problemVersion(),
        s.language(),
        s.state(),
        s.createdAt(),
        s.finishedAt(),
        s.elapsedMillis(),
        result == null ? null : result.verdict(),
        result == null ? null : result.passed(),
        result == null ? null : result.total(),
        s.failure(),
        result == null ? List.of() : result.tests(),
        result == null ? null : result.firstFailure(),
        result == null ? List.of() : result.diagnostics(),
        code);
  }

  private String code(Submission s) {
    return blobs
        .get(s.codeKey())
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Submission " + s.id() + ": blob " + s.codeKey() + " is missing"));
  }

  private AttemptView view(
      Attempt attempt, Instant now, List<AttemptEvent> events, List<SubmissionView> made) {
    var problem = attempts.problem(attempt);
    var hints =
        reveals.hints(attempt.id()).stream()
            .filter(i -> i < problem.hints().size())
            .map(i -> new RevealedHint(i, problem.hints().get(i)))
            .toList();
    var progress = attempt.progress();
    return new AttemptView(
        attempt.id(),
        attempt.problemId(),
        attempt.problemVersion(),
        problem.title(),
        attempt.category(),
        attempt.difficulty(),
        attempt.language(),
        attempt.state(),
        attempt.startedAt(),
        attempt.endedAt(),
        timer(attempt, attempt.timer(), now),
        progress.hintsUsed(),
        progress.solutionViewed(),
        progress.submissions(),
        progress.lastVerdict(),
        progress.solvedMillis(),
        new Reveals(hints, reveals.solutionOpened(attempt.id())),
        events,
        made);
  }
}
