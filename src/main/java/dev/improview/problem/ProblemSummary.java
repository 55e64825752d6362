package dev.improview.problem;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** A line in the problem list. */
public record ProblemSummary(
    String id,
    String title,
    Category category,
    Difficulty difficulty,
    List<String> tags,
    int estimatedMinutes,
    Source source) {

  /** Where a problem came from. */
  public enum Source {
    BANK,
    GENERATED,
    IMPORTED;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
