package dev.improview.problem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How hard a problem is; {@link #id()} is the stable wire form. */
public enum Difficulty {
  EASY,
  MEDIUM,
  HARD;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  /** The difficulty with this id, or an exception whose message lists the valid ids. */
  @JsonCreator
  public static Difficulty fromId(String id) {
    return Arrays.stream(values())
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown difficulty '"
                        + id
                        + "'; expected one of: "
                        + Arrays.stream(values())
                            .map(Difficulty::id)
                            .collect(Collectors.joining(", "))));
  }
}
