package dev.improview.generation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prompts a generation sends, and the schema its replies follow: versioned resource files under
 * {@code generation/prompts/<version>/}, never string literals, so a problem's provenance can name
 * the exact text that produced it. {@code {{name}}} placeholders are filled in; a placeholder with
 * no value is an error, not a blank.
 */
@Component
class Prompts {

  /** The version in use; stored with every generated problem. */
  static final String VERSION = "v1";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)\\}\\}");

  private final String system;
  private final String request;
  private final String repair;
  private final JsonNode draftSchema;

  Prompts(JsonMapper json) {
    this.system = read("system.md");
    this.request = read("request.md");
    this.repair = read("repair.md");
    this.draftSchema = json.readTree(read("draft.schema.json"));
  }

  String system() {
    return system;
  }

  String request(Map<String, String> values) {
    return fill(request, values);
  }

  String repair(Map<String, String> values) {
    return fill(repair, values);
  }

  /** The JSON Schema of a draft (strict structured output: every property listed, nullable). */
  JsonNode draftSchema() {
    return draftSchema;
  }

  static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    var out = new StringBuilder();
    while (matcher.find()) {
      var value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String read(String name) {
    var path = "/generation/prompts/" + VERSION + "/" + name;
    try (InputStream in = Prompts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
