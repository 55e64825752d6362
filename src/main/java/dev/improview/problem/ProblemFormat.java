package dev.improview.problem;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the problem format (docs/problem-format.md): the JSON Schema first, then what a schema
 * cannot say (every test's arguments fit the signature's types, the expected values fit its return
 * type). Every violation is reported with its JSON path, not just the first.
 */
@Component
public class ProblemFormat {

  static final String SCHEMA_RESOURCE = "/problem-format/problem.schema.json";

  private final JsonMapper json;
  private final Schema schema;
  private final JsonNode schemaDocument;

  ProblemFormat(JsonMapper json) {
    this.json = json;
    try (InputStream in = ProblemFormat.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
      }
      this.schemaDocument = json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schemaDocument);
  }

  /** The published JSON Schema. */
  public JsonNode schema() {
    return schemaDocument;
  }

  /** One thing wrong with a document, at a JSON path such as {@code $.hiddenTests[3].args}. */
  public record Violation(String path, String message) {}

  /** A document that is not a valid problem; {@link #violations()} names every field at fault. */
  public static final class InvalidProblemException extends RuntimeException {
    private final List<Violation> violations;

    public InvalidProblemException(List<Violation> violations) {
      super(
          violations.size()
              + " format violation(s): "
              + violations.stream().limit(5).map(v -> v.path() + " " + v.message()).toList());
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  /** Parses and checks a document; throws {@link InvalidProblemException} listing violations. */
  public Problem parse(JsonNode document) {
    return parse(document, Set.of());
  }

  /**
   * A draft: a document whose tests may leave out {@code expected} and whose examples may leave out
   * {@code output}, to be filled in from executing it. Everything else is checked as {@link
   * #parse(JsonNode)} does.
   *
   * @param problem the draft with JSON {@code null} where a value was left out
   * @param unstated the paths left out, e.g. {@code $.hiddenTests[3].expected}
   */
  public record Draft(Problem problem, Set<String> unstated) {}

  /** Parses a draft (see {@link Draft}); throws {@link InvalidProblemException} as parse does. */
  public Draft parseDraft(JsonNode document) {
    if (!(document instanceof ObjectNode object)) {
      throw new InvalidProblemException(List.of(new Violation("$", "is not a JSON object")));
    }
    var filled = object.deepCopy();
    var unstated = new LinkedHashSet<String>();
    fill(filled, "publicTests", "expected", unstated);
    fill(filled, "hiddenTests", "expected", unstated);
    fill(filled, "examples", "output", unstated);
    return new Draft(parse(filled, unstated), Set.copyOf(unstated));
  }

  private static void fill(ObjectNode document, String list, String field, Set<String> unstated) {
    if (!(document.get(list) instanceof ArrayNode items)) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof ObjectNode item && !item.has(field)) {
        item.putNull(field);
        unstated.add("$." + list + "[" + i + "]." + field);
      }
    }
  }

  private Problem parse(JsonNode document, Set<String> unstated) {
    var violations = new ArrayList<Violation>();
    for (var error : schema.validate(document)) {
      violations.add(new Violation(error.getInstanceLocation().toString(), error.getMessage()));
    }
    if (!violations.isEmpty()) {
      throw new InvalidProblemException(violations);
    }
    Problem problem;
    try {
      problem = json.treeToValue(document, Problem.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new InvalidProblemException(List.of(new Violation("$", rootMessage(e))));
    }
    checkTypes(problem, violations);
    violations.removeIf(violation -> unstated.contains(violation.path()));
    if (!violations.isEmpty()) {
      throw new InvalidProblemException(violations);
    }
    return problem;
  }

  /** Parses a document from bytes. */
  public Problem parse(byte[] bytes) {
    JsonNode document;
    try {
      document = json.readTree(bytes);
    } catch (JacksonException e) {
      throw new InvalidProblemException(
          List.of(new Violation("$", "not valid JSON: " + e.getOriginalMessage())));
    }
    return parse(document);
  }

  private static void checkTypes(Problem problem, List<Violation> violations) {
    for (int i = 0; i < problem.examples().size(); i++) {
      var example = problem.examples().get(i);
      check(
          "$.examples[" + i + "]", example.args(), "output", example.output(), problem, violations);
    }
    checkTests("$.publicTests", problem.publicTests(), problem, violations);
    checkTests("$.hiddenTests", problem.hiddenTests(), problem, violations);
  }

  private static void checkTests(
      String path, List<Problem.TestCase> tests, Problem problem, List<Violation> violations) {
    for (int i = 0; i < tests.size(); i++) {
      var test = tests.get(i);
      check(path + "[" + i + "]", test.args(), "expected", test.expected(), problem, violations);
    }
  }

  /** A test's (or example's) arguments, then its expected value, against the signature. */
  private static void check(
      String path,
      JsonNode args,
      String resultField,
      JsonNode result,
      Problem problem,
      List<Violation> violations) {
    var signature = problem.signature();
    var misfit = signature.argsMisfit(args);
    if (misfit != null) {
      violations.add(new Violation(path + ".args" + misfit.at(), misfit.problem()));
      return;
    }
    var resultMisfit = signature.resultMisfit(args, result);
    if (resultMisfit != null) {
      violations.add(new Violation(path + "." + resultField, resultMisfit));
    }
  }

  private static String rootMessage(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
