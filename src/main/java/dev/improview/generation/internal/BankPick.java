package dev.improview.generation.internal;

import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import dev.improview.problem.ProblemCatalog;
import dev.improview.problem.ProblemSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Chooses a bank problem for a generation without a provider: of the category and difficulty, one
 * the account has never attempted and whose validation did not fail; one no earlier generation
 * served it if there is such, and among those the ones whose title and tags share the most words
 * with the topic hint; at random among equals.
 */
@Component
class BankPick {

  /** What came of a search: the problem, or how many matched and why none could be served. */
  record Outcome(Optional<ProblemSummary> problem, int matching, int attempted) {}

  private final ProblemCatalog catalog;
  private final RandomGenerator random;

  @Autowired
  BankPick(ProblemCatalog catalog) {
    this(catalog, RandomGenerator.getDefault());
  }

  BankPick(ProblemCatalog catalog, RandomGenerator random) {
    this.catalog = catalog;
    this.random = random;
  }

  Outcome pick(
      Category category,
      Difficulty difficulty,
      String topicHint,
      Set<String> attempted,
      Set<String> served) {
    var matching =
        catalog.list(category, difficulty).stream()
            .filter(summary -> summary.source() == ProblemSummary.Source.BANK)
            .filter(summary -> !failedValidation(summary.id()))
            .toList();
    var untried = matching.stream().filter(s -> !attempted.contains(s.id())).toList();
    var unserved = untried.stream().filter(s -> !served.contains(s.id())).toList();
    var pool = unserved.isEmpty() ? untried : unserved;
    return new Outcome(
        best(pool, words(topicHint)), matching.size(), matching.size() - untried.size());
  }

  private boolean failedValidation(String id) {
    return catalog
        .find(id)
        .flatMap(stored -> catalog.validation(id, stored.sha256()))
        .map(report -> !report.passed())
        .orElse(false);
  }

  private Optional<ProblemSummary> best(List<ProblemSummary> pool, Set<String> hint) {
    int top = -1;
    var best = new ArrayList<ProblemSummary>();
    for (var summary : pool) {
      int score = overlap(summary, hint);
      if (score > top) {
        top = score;
        best.clear();
      }
      if (score == top) {
        best.add(summary);
      }
    }
    return best.isEmpty() ? Optional.empty() : Optional.of(best.get(random.nextInt(best.size())));
  }

  private static int overlap(ProblemSummary summary, Set<String> hint) {
    if (hint.isEmpty()) {
      return 0;
    }
    var own = words(summary.title() + " " + String.join(" ", summary.tags()));
    return (int) hint.stream().filter(own::contains).count();
  }

  private static Set<String> words(String text) {
    if (text == null) {
      return Set.of();
    }
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(word -> word.length() > 1)
        .collect(Collectors.toSet());
  }
}
