package dev.improview.problem.internal;

import dev.improview.execution.Language;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a candidate can choose from: categories, difficulties and languages. */
@RestController
class CatalogController {

  record Option(String id, String label) {}

  record Catalog(List<Option> categories, List<Option> difficulties, List<Option> languages) {}

  static final List<Option> LANGUAGES =
      Arrays.stream(Language.values()).map(l -> new Option(l.id(), label(l))).toList();

  private static String label(Language language) {
    return switch (language) {
      case JAVASCRIPT -> "JavaScript";
      case PYTHON -> "Python";
      case JAVA -> "Java";
    };
  }

  @GetMapping("/api/catalog")
  ResponseEntity<Catalog> catalog() {
    var body =
        new Catalog(
            Arrays.stream(Category.values()).map(c -> new Option(c.id(), c.label())).toList(),
            Arrays.stream(Difficulty.values()).map(d -> new Option(d.id(), d.label())).toList(),
            LANGUAGES);
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(body);
  }
}
