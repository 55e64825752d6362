package dev.improview.attempt.internal;

import dev.improview.attempt.internal.SubmissionStore.NewSubmission;
import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.platform.RateLimit;
import dev.improview.platform.RateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactions that move a submission and its attempt together: making one (with its {@code
 * submitted} event and the attempt's count), writing its result once (with {@code judged}, the
 * attempt's latest verdict, and an accepted attempt's end), and failing it. The attempt's row lock
 * orders everything that happens to one attempt.
 */
@Component
class SubmissionLedger {

  /** A submission this call made, or the one its idempotency key already named. */
  record Made(Submission submission, boolean created) {}

  private final Attempts attempts;
  private final AttemptStore attemptStore;
  private final SubmissionStore store;
  private final AttemptProperties properties;

  private final RateLimiter limits;

  SubmissionLedger(
      Attempts attempts,
      AttemptStore attemptStore,
      SubmissionStore store,
      AttemptProperties properties,
      RateLimiter limits) {
    this.limits = limits;
    this.attempts = attempts;
    this.attemptStore = attemptStore;
    this.store = store;
    this.properties = properties;
  }

  /**
   * Makes a submission to the open attempt {@code attemptId}, claimed by {@code owner}, unless the
   * idempotency key names one already (then that one).
   */
  @Transactional
  Made make(
      String attemptId,
      Language language,
      String codeKey,
      int codeBytes,
      String idempotencyKey,
      String requestSha256,
      String owner,
      Duration lease) {
    // Duplicates of one attempt queue on its row lock, then find the first one's row.
    var attempt = attempts.lock(attemptId);
    var existing = existing(idempotencyKey);
    if (existing.isPresent()) {
      return new Made(existing.get(), false);
    }
    if (!attempt.open()) {
      throw Attempts.closed(attempt);
    }
    // Only a new submission counts: a retry of one made already was answered above.
    limits.consume(RateLimit.SUBMISSION, attempt.accountId().toString());
    var now = attempts.now();
    var made =
        new NewSubmission(
            UUID.randomUUID(),
            attempt,
            language,
            codeKey,
            codeBytes,
            idempotencyKey,
            requestSha256,
            attempt.timer().elapsedAt(now, properties.idleCutoff()).toMillis(),
            now);
    if (!store.insertClaimed(made, owner, lease)) {
      // The same key on another attempt, committed in between.
      return new Made(existing(idempotencyKey).orElseThrow(), false);
    }
    attemptStore.submitted(
        attempt.id(), Map.of("submissionId", made.id().toString(), "language", language.id()), now);
    return new Made(
        new Submission(
            made.id(),
            attempt.id(),
            attempt.accountId(),
            attempt.problemId(),
            attempt.problemVersion(),
            language,
            codeKey,
            requestSha256,
            SubmissionState.RUNNING,
            made.elapsedMillis(),
            now,
            null,
            1,
            null,
            null),
        true);
  }

  /**
   * Writes the result if {@code owner} still holds the submission's lease: the attempt takes its
   * verdict, and an accepted one ends the attempt with the submission's time as the solve time.
   *
   * @return the submission as written, or empty when the lease was lost (another runner has it
   *     now): then nothing was written
   */
  @Transactional
  Optional<Submission> finish(
      Submission submission, String owner, SubmissionResult result, String reportKey) {
    // The attempt first, as every other writer does, so two transactions never wait on each other.
    var attempt = attemptStore.lock(submission.attemptId()).orElseThrow();
    var now = attempts.now();
    var finished = store.finish(submission.id(), owner, result, reportKey, now);
    if (finished.isEmpty()) {
      return finished;
    }
    var detail = new LinkedHashMap<String, Object>();
    detail.put("submissionId", submission.id().toString());
    detail.put("verdict", result.verdict().name());
    detail.put("passed", result.passed());
    detail.put("total", result.total());
    var accepted =
        result.verdict() == Verdict.ACCEPTED && attempt.open()
            ? new AttemptStore.Accepted(
                attempt.timer().stop(now, properties.idleCutoff()), submission.elapsedMillis())
            : null;
    attemptStore.judged(attempt.id(), result.verdict(), accepted, detail, now);
    return finished;
  }

  /**
   * Marks the submission as failed to run with {@code failure} (why, for the user), if {@code
   * owner} holds its lease; with {@code owner} null, if its lease has lapsed.
   */
  @Transactional
  boolean fail(Submission submission, String owner, String failure) {
    attemptStore.lock(submission.attemptId()).orElseThrow();
    var now = attempts.now();
    if (!store.fail(submission.id(), owner, failure, now)) {
      return false;
    }
    attemptStore.recordEvent(
        submission.attemptId(),
        EventKind.JUDGED,
        Map.of("submissionId", submission.id().toString(), "failure", failure),
        now);
    return true;
  }

  private Optional<Submission> existing(String idempotencyKey) {
    return idempotencyKey == null
        ? Optional.empty()
        : store.findByIdempotencyKey(attempts.accountId(), idempotencyKey);
  }
}
