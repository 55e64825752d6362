package dev.improview.generation.internal;

import dev.improview.problem.ProblemCatalog;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How alike a draft is to the problems already stored: the Jaccard index of the character trigrams
 * of title and statement (lower-cased, runs of anything but letters and digits as one space), the
 * measure PostgreSQL's pg_trgm uses, computed here so that it needs no extension.
 */
@Component
class Similarity {

  /** The stored problem most like a draft, and how alike (0-1). */
  record Match(String problemId, String title, double score) {}

  private final ProblemCatalog catalog;

  Similarity(ProblemCatalog catalog) {
    this.catalog = catalog;
  }

  Optional<Match> mostAlike(String title, String statement) {
    var draft = trigrams(title + " " + statement);
    Match best = null;
    for (var summary : catalog.listAll(null, null)) {
      var stored = catalog.find(summary.id());
      if (stored.isEmpty()) {
        continue;
      }
      var problem = stored.get().problem();
      double score = jaccard(draft, trigrams(problem.title() + " " + problem.statement()));
      if (best == null || score > best.score()) {
        best = new Match(problem.id(), problem.title(), score);
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The titles of the stored problems of a category, for the model to steer clear of (at most 40).
   */
  java.util.List<String> titles(dev.improview.problem.Category category) {
    return catalog.listAll(category, null).stream()
        .map(dev.improview.problem.ProblemSummary::title)
        .limit(40)
        .toList();
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int common = 0;
    for (var gram : a) {
      if (b.contains(gram)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  static Set<String> trigrams(String text) {
    var normal =
        " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    var grams = new HashSet<String>();
    for (int i = 0; i + 3 <= normal.length(); i++) {
      grams.add(normal.substring(i, i + 3));
    }
    return grams;
  }
}
