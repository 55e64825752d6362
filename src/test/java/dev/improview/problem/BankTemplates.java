package dev.improview.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bank problems as templates for tests that build their own documents from it: the bracket problem
 * without the parts of format v2, so that trimming its tests or changing its references exercises
 * only what each test means to (no planted wrong solution needs the trimmed tests).
 */
public final class BankTemplates {

  /** The optional parts of format v2, which tests that trim a document drop with it. */
  public static final List<String> PROVEN_PARTS =
      List.of("bruteForce", "inputGenerator", "inputValidator", "wrongSolutions");

  private BankTemplates() {}

  /** Removes the hidden tests {@code drop} matches from {@code document}; the hidden tests left. */
  public static ArrayNode dropHiddenTests(ObjectNode document, Predicate<JsonNode> drop) {
    var hidden = (ArrayNode) document.get("hiddenTests");
    for (int i = hidden.size() - 1; i >= 0; i--) {
      if (drop.test(hidden.get(i))) {
        hidden.remove(i);
      }
    }
    return hidden;
  }

  /** {@code bracket-nesting-depth} as a fresh, mutable document without the v2 parts. */
  public static ObjectNode bracketNestingDepth(JsonMapper json) {
    try (var in =
        BankTemplates.class.getResourceAsStream("/bank/stacks-queues/bracket-nesting-depth.json")) {
      var document = (ObjectNode) json.readTree(in);
      PROVEN_PARTS.forEach(document::remove);
      return document;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
