package dev.improview.problem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The categories every problem belongs to; {@link #id()} is the stable wire form. */
public enum Category {
  ARRAYS_HASHING("arrays-hashing", "Arrays & hashing"),
  TWO_POINTERS("two-pointers", "Two pointers & sliding window"),
  STRINGS("strings", "Strings"),
  STACKS_QUEUES("stacks-queues", "Stacks & queues"),
  BINARY_SEARCH("binary-search", "Binary search"),
  LINKED_LISTS("linked-lists", "Linked structures"),
  TREES("trees", "Trees"),
  GRAPHS("graphs", "Graphs"),
  HEAPS("heaps", "Heaps & priority queues"),
  BACKTRACKING("backtracking", "Backtracking"),
  TRIES("tries", "Tries"),
  DYNAMIC_PROGRAMMING("dynamic-programming", "Dynamic programming"),
  GREEDY("greedy", "Greedy"),
  INTERVALS("intervals", "Intervals"),
  MATH_GEOMETRY("math-geometry", "Math & geometry"),
  BIT_MANIPULATION("bit-manipulation", "Bit manipulation");

  /**
   * Ids that were split into others: stored data was moved by migration V8; a document or a request
   * that still uses one is told what to use instead.
   */
  private static final Map<String, String> RETIRED =
      Map.of(
          "trees-graphs", "'trees' and 'graphs'",
          "greedy-intervals", "'greedy' and 'intervals'");

  private final String id;
  private final String label;

  Category(String id, String label) {
    this.id = id;
    this.label = label;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The category with this id, or an exception whose message lists the valid ids. */
  @JsonCreator
  public static Category fromId(String id) {
    return Arrays.stream(values())
        .filter(c -> c.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    RETIRED.containsKey(id)
                        ? "category '"
                            + id
                            + "' was split into "
                            + RETIRED.get(id)
                            + "; expected one of: "
                            + ids()
                        : "unknown category '" + id + "'; expected one of: " + ids()));
  }

  static String ids() {
    return Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", "));
  }
}
