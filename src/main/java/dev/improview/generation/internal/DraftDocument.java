package dev.improview.generation.internal;

import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a model's draft (prompts/v1/draft.schema.json: values written as JSON text, so that strict
 * structured output can carry arguments of any type) into a problem document of format v2 with no
 * answers, for {@code DraftProver}. The server sets what is not the model's to choose: the id, the
 * version, the category and the difficulty. What cannot be read is listed, path by path.
 */
final class DraftDocument {

  /** The draft could not be turned into a document; each entry names a field. */
  static final class Unreadable extends RuntimeException {
    final List<String> problems;

    Unreadable(List<String> problems) {
      super(problems.size() + " unreadable field(s): " + problems.get(0), null, false, false);
      this.problems = List.copyOf(problems);
    }
  }

  private final JsonMapper json;

  DraftDocument(JsonMapper json) {
    this.json = json;
  }

  ObjectNode toProblem(JsonNode draft, String id, Category category, Difficulty difficulty) {
    if (!(draft instanceof ObjectNode source)) {
      throw new Unreadable(List.of("$ is not a JSON object"));
    }
    var problems = new ArrayList<String>();
    var doc = json.createObjectNode();
    doc.put("schemaVersion", 1);
    doc.put("id", id);
    doc.put("version", 1);
    copy(source, doc, "title");
    doc.put("category", category.id());
    doc.put("difficulty", difficulty.id());
    copy(source, doc, "tags");
    copy(source, doc, "estimatedMinutes");
    copy(source, doc, "statement");
    copy(source, doc, "constraints");
    var signature = parsed(source.get("signatureJson"), "$.signatureJson", problems);
    if (signature != null) {
      doc.set("signature", signature);
    }
    var comparison = source.get("comparison");
    if (comparison instanceof ObjectNode mode) {
      var out = doc.putObject("comparison");
      out.set("mode", mode.get("mode"));
      if (mode.get("tolerance") != null && !mode.get("tolerance").isNull()) {
        out.set("tolerance", mode.get("tolerance"));
      }
    }
    doc.set(
        "examples",
        cases(source.get("examples"), "examples", "outputJson", "output", false, problems));
    doc.set(
        "publicTests",
        cases(
            source.get("publicTests"), "publicTests", "expectedJson", "expected", false, problems));
    doc.set(
        "hiddenTests",
        cases(
            source.get("hiddenTests"), "hiddenTests", "expectedJson", "expected", true, problems));
    copy(source, doc, "hints");
    copy(source, doc, "solutions");
    copy(source, doc, "solutionExplanation");
    copy(source, doc, "complexity");
    part(source, doc, "bruteForce");
    part(source, doc, "inputGenerator");
    part(source, doc, "inputValidator");
    copy(source, doc, "wrongSolutions");
    if (!problems.isEmpty()) {
      throw new Unreadable(problems);
    }
    return doc;
  }

  private ArrayNode cases(
      JsonNode items,
      String list,
      String valueField,
      String outField,
      boolean hidden,
      List<String> problems) {
    var out = json.createArrayNode();
    if (!(items instanceof ArrayNode array)) {
      problems.add("$." + list + " is not an array");
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      var item = array.get(i);
      var path = "$." + list + "[" + i + "]";
      var test = out.addObject();
      var args = parsed(item.get("argsJson"), path + ".argsJson", problems);
      if (args != null) {
        test.set("args", args);
      }
      var value = item.get(valueField);
      if (value != null && !value.isNull()) {
        var claimed = parsed(value, path + "." + valueField, problems);
        if (claimed != null) {
          test.set(outField, claimed);
        }
      }
      if (list.equals("examples")) {
        var explanation = item.get("explanation");
        if (explanation != null && explanation.isString() && !explanation.asString().isBlank()) {
          test.set("explanation", explanation);
        }
      }
      if (hidden) {
        var note = item.get("note");
        if (note != null && note.isString() && !note.asString().isBlank()) {
          test.put("note", truncate(note.asString(), 200));
        }
      }
    }
    return out;
  }

  private JsonNode parsed(JsonNode text, String path, List<String> problems) {
    if (text == null || !text.isString()) {
      problems.add(path + " must be JSON written as a string");
      return null;
    }
    try {
      return json.readTree(text.asString());
    } catch (JacksonException e) {
      problems.add(path + " is not JSON: " + e.getOriginalMessage());
      return null;
    }
  }

  private static void copy(ObjectNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    }
  }

  private static void part(ObjectNode from, ObjectNode to, String field) {
    var code = from.get(field);
    if (code != null && code.isString()) {
      to.putObject(field).put("language", "python").put("code", code.asString());
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
