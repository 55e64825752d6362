package dev.improview.generation.internal;

import dev.improview.execution.Language;
import dev.improview.platform.ApiProblems;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns a {@code POST /api/generations} body into a checked request, or a 400 naming the field. */
final class GenerationRequests {

  /** The longest topic hint, in characters (the column's check says the same). */
  static final int MAX_TOPIC_HINT = 200;

  /** The body as sent: every field a string, checked here so each error names its field. */
  record Body(String category, String difficulty, String language, String topicHint) {}

  private GenerationRequests() {}

  static GenerationStore.Request checked(Body body) {
    if (body == null) {
      throw ApiProblems.badRequest("A JSON body {category, difficulty, language?, topicHint?}");
    }
    return new GenerationStore.Request(
        category(body.category()),
        difficulty(body.difficulty()),
        language(body.language()),
        topicHint(body.topicHint()));
  }

  private static Category category(String id) {
    if (id == null) {
      throw ApiProblems.badRequest(
          "'category' is required: one of "
              + Arrays.stream(Category.values())
                  .map(Category::id)
                  .collect(Collectors.joining(", ")));
    }
    try {
      return Category.fromId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest("'category': " + ApiProblems.shorten(e.getMessage(), 400));
    }
  }

  private static Difficulty difficulty(String id) {
    if (id == null) {
      throw ApiProblems.badRequest("'difficulty' is required: easy, medium or hard");
    }
    try {
      return Difficulty.fromId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest("'difficulty': " + ApiProblems.shorten(e.getMessage(), 200));
    }
  }

  private static Language language(String id) {
    if (id == null) {
      return null;
    }
    try {
      return Language.fromId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest(
          "'language' must be one of "
              + Language.ids()
              + ", or left out; got '"
              + ApiProblems.shorten(id, 80)
              + "'");
    }
  }

  /** Stripped; blank is none. At most {@link #MAX_TOPIC_HINT} characters, none of them control. */
  private static String topicHint(String hint) {
    if (hint == null || hint.isBlank()) {
      return null;
    }
    var stripped = hint.strip();
    if (stripped.codePointCount(0, stripped.length()) > MAX_TOPIC_HINT) {
      throw ApiProblems.badRequest(
          "'topicHint' must be at most "
              + MAX_TOPIC_HINT
              + " characters; it has "
              + stripped.codePointCount(0, stripped.length()));
    }
    if (stripped.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiProblems.badRequest(
          "'topicHint' must be one line of text, without control characters");
    }
    return stripped;
  }
}
