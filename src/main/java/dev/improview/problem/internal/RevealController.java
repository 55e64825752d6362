package dev.improview.problem.internal;

import dev.improview.platform.ApiProblems;
import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hints one at a time and the example solution, each reveal recorded for the client that asked
 * (header {@code X-Improview-Client}, a UUID the browser keeps) before the text is returned.
 */
@RestController
class RevealController {

  static final String CLIENT_HEADER = "X-Improview-Client";

  record HintReveal(int index, String text, int revealed, int total) {}

  record RevealedHint(int index, String text) {}

  record Reveals(List<RevealedHint> hints, boolean solutionViewed) {}

  record SolutionView(
      Map<String, String> solutions, String explanation, Problem.Complexity complexity) {}

  private final ProblemCatalog catalog;
  private final RevealStore store;

  RevealController(ProblemCatalog catalog, RevealStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  // One transaction, so the order check and the insert see the same reveals.
  @PostMapping("/api/problems/{id}/hints/{index}")
  @Transactional
  HintReveal revealHint(
      @PathVariable String id,
      @PathVariable int index,
      @RequestHeader(name = CLIENT_HEADER, required = false) String client) {
    var clientId = clientId(client);
    var problem = problem(id);
    var total = problem.hints().size();
    if (index < 0 || index >= total) {
      throw ApiProblems.notFound(
          "Problem '"
              + id
              + "' has "
              + total
              + " hints (0.."
              + (total - 1)
              + "); no hint "
              + index);
    }
    var revealed = store.hintsRevealed(clientId, id);
    if (index > revealed) {
      throw ApiProblems.exception(
          HttpStatus.CONFLICT,
          "hint-out-of-order",
          "Hints are revealed in order",
          "Reveal hint " + revealed + " before hint " + index);
    }
    store.recordHint(clientId, id, index);
    return new HintReveal(index, problem.hints().get(index), Math.max(revealed, index + 1), total);
  }

  @PostMapping("/api/problems/{id}/solution")
  SolutionView revealSolution(
      @PathVariable String id,
      @RequestHeader(name = CLIENT_HEADER, required = false) String client) {
    var clientId = clientId(client);
    var problem = problem(id);
    store.recordSolution(clientId, id);
    return new SolutionView(
        problem.solutions(), problem.solutionExplanation(), problem.complexity());
  }

  @GetMapping("/api/problems/{id}/reveals")
  Reveals reveals(
      @PathVariable String id,
      @RequestHeader(name = CLIENT_HEADER, required = false) String client) {
    var clientId = clientId(client);
    var problem = problem(id);
    // A newer revision may have fewer hints than were revealed of an older one.
    var hints =
        store.revealedHintIndexes(clientId, id).stream()
            .filter(i -> i < problem.hints().size())
            .map(i -> new RevealedHint(i, problem.hints().get(i)))
            .toList();
    return new Reveals(hints, store.solutionViewed(clientId, id));
  }

  private Problem problem(String id) {
    return catalog
        .find(id)
        .orElseThrow(() -> ApiProblems.notFound("No problem with id '" + id + "'"))
        .problem();
  }

  static UUID clientId(String header) {
    if (header == null || header.isBlank()) {
      throw ApiProblems.badRequest(
          "Header " + CLIENT_HEADER + " is required: a UUID identifying this browser");
    }
    try {
      return UUID.fromString(header.strip());
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest(
          "Header " + CLIENT_HEADER + " must be a UUID, got '" + header + "'");
    }
  }
}
