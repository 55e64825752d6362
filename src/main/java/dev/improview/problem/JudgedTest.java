package dev.improview.problem;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.improview.execution.TestReport;
import dev.improview.execution.Verdict;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One judged test: where it comes from, its arguments and expected value (null when it has none),
 * what the code did with it, the judge's verdict, and a note from the judge (empty when none, e.g.
 * why a custom input has no expected value).
 */
public record JudgedTest(
    int index,
    Kind kind,
    Verdict verdict,
    JsonNode args,
    JsonNode expected,
    TestReport outcome,
    String note) {

  /** Where a test comes from. */
  public enum Kind {
    PUBLIC,
    HIDDEN,
    CUSTOM;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public JudgedTest {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0: " + index);
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind is null");
    }
    if (verdict == null) {
      throw new IllegalArgumentException("verdict is null");
    }
    if (args == null || !args.isArray()) {
      throw new IllegalArgumentException("args is not a JSON array: " + args);
    }
    if (outcome == null) {
      throw new IllegalArgumentException("outcome is null");
    }
    note = note == null ? "" : note;
  }

  /** The judge's note, then the run's own message (the exception, or why the test did not run). */
  public String message() {
    if (note.isEmpty()) {
      return outcome.message();
    }
    return outcome.message().isBlank() ? note : note + "\n" + outcome.message();
  }
}
