package dev.improview.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A language users can write solutions in. */
public enum Language {
  JAVASCRIPT("javascript"),
  PYTHON("python"),
  JAVA("java");

  private final String id;

  Language(String id) {
    this.id = id;
  }

  /** The id used in requests and problem files. */
  @JsonValue
  public String id() {
    return id;
  }

  @JsonCreator
  /** Every language's id, comma-separated, for messages that list the valid ones. */
  public static String ids() {
    return java.util.Arrays.stream(values())
        .map(Language::id)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public static Language fromId(String id) {
    for (Language language : values()) {
      if (language.id.equals(id)) {
        return language;
      }
    }
    throw new IllegalArgumentException(
        "unknown language: "
            + id
            + " (valid: "
            + Arrays.stream(values()).map(Language::id).collect(Collectors.joining(", "))
            + ")");
  }
}
