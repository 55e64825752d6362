package dev.improview.attempt.internal;

import dev.improview.attempt.internal.AttemptViews.SubmissionView;
import dev.improview.platform.ApiProblems;
import dev.improview.platform.BlobStore;
import dev.improview.platform.Sha256;
import dev.improview.problem.Judge;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submissions: code judged on every test of the attempt's problem revision. The row and the code
 * are stored before anything runs; this request then judges it on its own thread and answers with
 * the result, or {@code 202} when it had to wait for a sandbox (a sweep judges it then).
 */
@RestController
class SubmissionController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final int MAX_KEY_LENGTH = 200;

  record SubmitRequest(String language, String code) {}

  private final Attempts attempts;
  private final SubmissionLedger ledger;
  private final SubmissionStore store;
  private final SubmissionRunner runner;
  private final SubmissionProperties properties;
  private final AttemptViews views;
  private final BlobStore blobs;
  private final Judge judge;

  SubmissionController(
      Attempts attempts,
      SubmissionLedger ledger,
      SubmissionStore store,
      SubmissionRunner runner,
      SubmissionProperties properties,
      AttemptViews views,
      BlobStore blobs,
      Judge judge) {
    this.attempts = attempts;
    this.ledger = ledger;
    this.store = store;
    this.runner = runner;
    this.properties = properties;
    this.views = views;
    this.blobs = blobs;
    this.judge = judge;
  }

  @PostMapping("/api/attempts/{id}/submissions")
  ResponseEntity<SubmissionView> submit(
      @PathVariable String id,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      @RequestBody SubmitRequest body) {
    var language = Attempts.language(body.language());
    if (body.code() == null) {
      throw ApiProblems.badRequest("'code' is required");
    }
    judge.checkCode(body.code());
    checkKey(key);
    var attemptId = Attempts.uuid(id, "attempt");
    var code = body.code().getBytes(StandardCharsets.UTF_8);
    var fingerprint =
        Sha256.hex(
            (attemptId + "\n" + language.id() + "\n" + body.code())
                .getBytes(StandardCharsets.UTF_8));
    // A retry finds the first request's submission inside make (before the attempt's state is
    // looked at: the first one may have ended it by being accepted).
    var made =
        ledger.make(
            id,
            language,
            blobs.put(code),
            code.length,
            key,
            fingerprint,
            runner.owner(),
            properties.lease());
    if (!made.created()) {
      return replay(made.submission(), fingerprint);
    }
    var judged = runner.judge(made.submission(), body.code());
    var status =
        judged.state() == SubmissionState.QUEUED ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
    return ResponseEntity.status(status)
        .location(URI.create("/api/submissions/" + judged.id()))
        .body(views.submission(judged, body.code()));
  }

  @GetMapping("/api/submissions/{id}")
  SubmissionView read(@PathVariable String id) {
    var submission = store.find(Attempts.uuid(id, "submission"));
    if (submission.isEmpty() || !submission.get().accountId().equals(attempts.accountId())) {
      throw ApiProblems.notFound("No submission with id '" + ApiProblems.shorten(id, 80) + "'");
    }
    return views.submission(submission.get(), true);
  }

  private ResponseEntity<SubmissionView> replay(Submission earlier, String fingerprint) {
    if (!earlier.requestSha256().equals(fingerprint)) {
      throw ApiProblems.exception(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "Idempotency key reused",
          "This "
              + IDEMPOTENCY_KEY
              + " was used for a different submission (another attempt, language or code);"
              + " use a new key for new code");
    }
    return ResponseEntity.ok()
        .location(URI.create("/api/submissions/" + earlier.id()))
        .body(views.submission(earlier, true));
  }

  private static void checkKey(String key) {
    if (key == null) {
      return;
    }
    boolean visible = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH;
    for (int i = 0; visible && i < key.length(); i++) {
      visible = key.charAt(i) > 0x20 && key.charAt(i) < 0x7f;
    }
    if (!visible) {
      throw ApiProblems.badRequest(
          "Header "
              + IDEMPOTENCY_KEY
              + " must be 1-"
              + MAX_KEY_LENGTH
              + " visible ASCII characters (a UUID will do)");
    }
  }
}
