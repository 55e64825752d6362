package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import dev.improview.platform.ApiProblems;
import dev.improview.platform.CurrentAccount;
import dev.improview.platform.RateLimit;
import dev.improview.platform.RateLimiter;
import dev.improview.problem.ProblemCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's drafts of a problem (docs/api.md, "Drafts"): read them all, write one on the
 * revision it was based on, reset one. Always the caller's own: another account's drafts cannot be
 * named, so asking for them is asking for one's own.
 */
@RestController
class DraftController {

  record SaveRequest(String code, Long baseRevision) {}

  record DraftView(String language, String code, long revision, Instant updatedAt) {
    static DraftView of(Draft draft) {
      return new DraftView(
          draft.language().id(), draft.code(), draft.revision(), draft.updatedAt());
    }
  }

  record ProblemDrafts(String problemId, List<DraftView> drafts) {}

  /** A write's or a reset's answer: the draft's revision now. */
  record Revision(String language, long revision, Instant updatedAt) {}

  private final ProblemCatalog catalog;
  private final DraftStore store;
  private final DraftProperties properties;
  private final CurrentAccount account;
  private final RateLimiter limits;
  private final Clock clock;

  DraftController(
      ProblemCatalog catalog,
      DraftStore store,
      DraftProperties properties,
      CurrentAccount account,
      RateLimiter limits,
      Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.properties = properties;
    this.account = account;
    this.limits = limits;
    this.clock = clock;
  }

  @GetMapping("/api/drafts/{problemId}")
  ProblemDrafts read(@PathVariable String problemId) {
    var accountId = account.id();
    requireProblem(problemId);
    return new ProblemDrafts(
        problemId, store.of(accountId, problemId).stream().map(DraftView::of).toList());
  }

  @PutMapping("/api/drafts/{problemId}/{language}")
  Revision save(
      @PathVariable String problemId,
      @PathVariable("language") String languageId,
      @RequestBody SaveRequest body) {
    var accountId = account.id();
    requireProblem(problemId);
    var language = language(languageId);
    if (body.code() == null) {
      throw ApiProblems.badRequest("'code' is required: the draft's text");
    }
    if (body.baseRevision() == null || body.baseRevision() < 0) {
      throw ApiProblems.badRequest(
          "'baseRevision' is required: the revision the draft was based on, 0 for a new one"
              + (body.baseRevision() == null ? "" : "; got " + body.baseRevision()));
    }
    int bytes = body.code().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > properties.maxCodeBytes().toBytes()) {
      throw tooLarge(bytes);
    }
    limits.consume(RateLimit.DRAFT, accountId.toString());
    var saved =
        store.save(
            accountId,
            problemId,
            language,
            body.code(),
            body.baseRevision(),
            properties.maxPerAccount(),
            now());
    if (saved instanceof DraftStore.Stale stale) {
      throw stale(language, body.baseRevision(), stale);
    }
    if (saved instanceof DraftStore.Full full) {
      throw full(full.limit());
    }
    var written = (DraftStore.Written) saved;
    return new Revision(language.id(), written.revision(), written.updatedAt());
  }

  @DeleteMapping("/api/drafts/{problemId}/{language}")
  Revision reset(@PathVariable String problemId, @PathVariable("language") String languageId) {
    var accountId = account.id();
    requireProblem(problemId);
    var language = language(languageId);
    limits.consume(RateLimit.DRAFT, accountId.toString());
    var reset = store.reset(accountId, problemId, language, now());
    return new Revision(language.id(), reset.revision(), reset.updatedAt());
  }

  private void requireProblem(String problemId) {
    if (catalog.find(problemId).isEmpty()) {
      throw ApiProblems.notFound("No problem with id '" + ApiProblems.shorten(problemId, 80) + "'");
    }
  }

  /** A path names a draft's language; one no problem is written in names nothing. */
  private static Language language(String id) {
    try {
      return Language.fromId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.notFound(
          "No language '"
              + ApiProblems.shorten(id, 40)
              + "': drafts are kept for "
              + Language.ids());
    }
  }

  private Instant now() {
    return TimerViews.now(clock);
  }

  private ErrorResponseException tooLarge(int bytes) {
    return ApiProblems.exception(
        HttpStatus.CONTENT_TOO_LARGE,
        "draft-too-large",
        "Draft too large",
        "The draft is "
            + bytes
            + " bytes of UTF-8, more than "
            + properties.maxCodeBytes().toBytes()
            + ", the most a draft keeps (improview.drafts.max-code-bytes); it stays in this"
            + " browser only.");
  }

  private static ErrorResponseException stale(
      Language language, long base, DraftStore.Stale stale) {
    var error =
        ApiProblems.exception(
            HttpStatus.CONFLICT,
            "draft-conflict",
            "Draft changed elsewhere",
            "The "
                + language.id()
                + " draft is at revision "
                + stale.revision()
                + ", not "
                + base
                + ": it was "
                + (stale.current().isPresent() ? "written" : "reset")
                + " elsewhere (another browser or tab). 'current' has what the server keeps; to"
                + " keep yours, send it again with baseRevision "
                + stale.revision()
                + ".");
    // The server's draft comes along, so the page can offer both without asking again.
    error.getBody().setProperty("revision", stale.revision());
    stale.current().ifPresent(d -> error.getBody().setProperty("current", DraftView.of(d)));
    return error;
  }

  private static ErrorResponseException full(int limit) {
    return ApiProblems.exception(
        HttpStatus.CONFLICT,
        "drafts-full",
        "Too many drafts",
        "This account keeps "
            + limit
            + " drafts, the most it may (improview.drafts.max-per-account); reset a draft you no"
            + " longer need to make room. This one stays in this browser only.");
  }
}
