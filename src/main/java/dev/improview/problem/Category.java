package dev.improview.problem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The categories every problem belongs to; {@link #id()} is the stable wire form. */
public enum Category {
  ARRAYS_HASHING("arrays-hashing", "Arrays & hashing"),
  TWO_POINTERS("two-pointers", "Two pointers & sliding window"),
  STRINGS("strings", "Strings"),
  STACKS_QUEUES("stacks-queues", "Stacks & queues"),
  BINARY_SEARCH("binary-search", "Binary search"),
  LINKED_LISTS("linked-lists", "Linked structures"),
  TREES_GRAPHS("trees-graphs", "Trees & graphs"),
  DYNAMIC_PROGRAMMING("dynamic-programming", "Dynamic programming"),
  GREEDY_INTERVALS("greedy-intervals", "Greedy & intervals");

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
                    "unknown category '" + id + "'; expected one of: " + ids()));
  }

  static String ids() {
    return Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", "));
  }
}
