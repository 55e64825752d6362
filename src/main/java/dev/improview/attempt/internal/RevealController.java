package dev.improview.attempt.internal;

import dev.improview.platform.ApiProblems;
import dev.improview.problem.Problem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hints one at a time and the example solution, revealed on an attempt: each reveal is recorded as
 * an event (the first time) before the text is returned. An ended attempt can still reveal (to read
 * the solution after giving up); only reveals while it is open count in its figures.
 */
@RestController
class RevealController {

  record HintReveal(int index, String text, int revealed, int total) {}

  record SolutionView(
      Map<String, String> solutions, String explanation, Problem.Complexity complexity) {}

  private final Attempts attempts;
  private final AttemptStore store;
  private final RevealStore reveals;

  RevealController(Attempts attempts, AttemptStore store, RevealStore reveals) {
    this.attempts = attempts;
    this.store = store;
    this.reveals = reveals;
  }

  // The attempt's row lock orders concurrent reveals, so the order check and the event agree.
  @PostMapping("/api/attempts/{id}/hints/{index}")
  @Transactional
  HintReveal revealHint(@PathVariable String id, @PathVariable int index) {
    var attempt = attempts.lock(id);
    var problem = attempts.problem(attempt);
    var total = problem.hints().size();
    if (index < 0 || index >= total) {
      throw ApiProblems.notFound(
          "Problem '"
              + problem.id()
              + "' has "
              + total
              + (total == 1 ? " hint (0)" : " hints (0.." + (total - 1) + ")")
              + "; no hint "
              + index);
    }
    var revealed = reveals.hints(attempt.id());
    if (index > revealed.size()) {
      throw ApiProblems.exception(
          HttpStatus.CONFLICT,
          "hint-out-of-order",
          "Hints are revealed in order",
          "Reveal hint " + revealed.size() + " before hint " + index);
    }
    if (!revealed.contains(index)) {
      store.recordEvent(
          attempt.id(), EventKind.HINT_REVEALED, Map.of("index", index), attempts.now());
      reveals.countHint(attempt.id(), index);
    }
    return new HintReveal(
        index, problem.hints().get(index), Math.max(revealed.size(), index + 1), total);
  }

  @PostMapping("/api/attempts/{id}/solution")
  @Transactional
  SolutionView revealSolution(@PathVariable String id) {
    var attempt = attempts.lock(id);
    var problem = attempts.problem(attempt);
    if (!reveals.solutionOpened(attempt.id())) {
      store.recordEvent(attempt.id(), EventKind.SOLUTION_OPENED, null, attempts.now());
      reveals.countSolution(attempt.id());
    }
    return new SolutionView(
        problem.solutions(), problem.solutionExplanation(), problem.complexity());
  }
}
