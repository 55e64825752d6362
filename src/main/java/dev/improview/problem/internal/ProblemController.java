package dev.improview.problem.internal;

import dev.improview.platform.ApiProblems;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import dev.improview.problem.ProblemCatalog;
import dev.improview.problem.ProblemSummary;
import dev.improview.problem.PublicProblem;
import dev.improview.problem.PublicValidation;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The problem read API: summaries, one problem's public view with HTTP caching, and the public part
 * of its validation.
 */
@RestController
class ProblemController {

  /** Problems change only by a new version, so caches may keep one briefly and revalidate. */
  static final CacheControl PROBLEM_CACHE =
      CacheControl.maxAge(Duration.ofMinutes(5))
          .cachePublic()
          .staleWhileRevalidate(Duration.ofMinutes(1));

  private final ProblemCatalog catalog;

  ProblemController(ProblemCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/api/problems")
  List<ProblemSummary> list(
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String difficulty) {
    return catalog.list(parse(category, "category"), parseDifficulty(difficulty));
  }

  @GetMapping("/api/problems/{id}")
  ResponseEntity<PublicProblem> show(@PathVariable String id, WebRequest request) {
    var stored =
        catalog.find(id).orElseThrow(() -> ApiProblems.notFound("No problem with id '" + id + "'"));
    var etag = "\"" + stored.sha256().substring(0, 32) + "\"";
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(304).eTag(etag).cacheControl(PROBLEM_CACHE).build();
    }
    return ResponseEntity.ok()
        .eTag(etag)
        .cacheControl(PROBLEM_CACHE)
        .body(PublicProblem.of(stored.problem()));
  }

  /** The public part of the validation of the problem's current revision, or pending. */
  @GetMapping("/api/problems/{id}/validation")
  PublicValidation validation(@PathVariable String id) {
    var stored =
        catalog
            .storedVersion(id)
            .orElseThrow(() -> ApiProblems.notFound("No problem with id '" + id + "'"));
    return catalog
        .validation(id, stored.sha256())
        .map(PublicValidation::of)
        .orElse(PublicValidation.PENDING);
  }

  private static Category parse(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Category.fromId(value);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest("Parameter '" + name + "': " + e.getMessage());
    }
  }

  private static Difficulty parseDifficulty(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Difficulty.fromId(value);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest("Parameter 'difficulty': " + e.getMessage());
    }
  }
}
