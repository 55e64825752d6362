package dev.improview.problem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.improview.execution.Comparison;
import dev.improview.execution.Language;
import dev.improview.execution.Signature;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A whole problem as authored (docs/problem-format.md), including what users must never see before
 * they earn it: hidden tests, hint texts and solutions. {@link PublicProblem} is the view the API
 * serves. The parts of format version 2 ({@code bruteForce}, {@code inputGenerator}, {@code
 * inputValidator}, {@code wrongSolutions}) are optional: null, or empty, in a version 1 document. A
 * {@code checker} comes with comparison mode {@code checker}, for problems with many valid answers.
 */
public record Problem(
    int schemaVersion,
    String id,
    int version,
    String title,
    Category category,
    Difficulty difficulty,
    List<String> tags,
    int estimatedMinutes,
    String statement,
    List<String> constraints,
    Signature signature,
    Comparison comparison,
    List<Example> examples,
    List<TestCase> publicTests,
    List<TestCase> hiddenTests,
    List<String> hints,
    Map<String, String> solutions,
    String solutionExplanation,
    Complexity complexity,
    @JsonInclude(JsonInclude.Include.NON_NULL) Part bruteForce,
    @JsonInclude(JsonInclude.Include.NON_NULL) Part inputGenerator,
    @JsonInclude(JsonInclude.Include.NON_NULL) Part inputValidator,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WrongSolution> wrongSolutions,
    @JsonInclude(JsonInclude.Include.NON_NULL) Part checker) {

  /** The format version this server reads. */
  public static final int SCHEMA_VERSION = 1;

  /** Longest id; the JSON Schema says the same. */
  public static final int MAX_ID_LENGTH = 80;

  /** Fewest wrong solutions a document that has them must plant; the JSON Schema says the same. */
  public static final int MIN_WRONG_SOLUTIONS = 5;

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Problem {
    if (schemaVersion != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion must be " + SCHEMA_VERSION + ": " + schemaVersion);
    }
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          "id must be kebab-case, at most " + MAX_ID_LENGTH + " characters: " + id);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version < 1: " + version);
    }
    requireText(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(difficulty, "difficulty");
    if (estimatedMinutes < 1 || estimatedMinutes > 240) {
      throw new IllegalArgumentException("estimatedMinutes not in 1..240: " + estimatedMinutes);
    }
    requireText(statement, "statement");
    Objects.requireNonNull(signature, "signature");
    comparison = Objects.requireNonNullElse(comparison, Comparison.exact());
    tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
    constraints = List.copyOf(Objects.requireNonNullElse(constraints, List.of()));
    examples = List.copyOf(Objects.requireNonNullElse(examples, List.of()));
    publicTests = List.copyOf(Objects.requireNonNull(publicTests, "publicTests"));
    hiddenTests = List.copyOf(Objects.requireNonNull(hiddenTests, "hiddenTests"));
    hints = List.copyOf(Objects.requireNonNullElse(hints, List.of()));
    // Insertion order kept (not Map.copyOf's), so a problem serialises the same way every time.
    solutions =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNullElse(solutions, Map.of())));
    if (publicTests.isEmpty()) {
      throw new IllegalArgumentException("publicTests is empty for problem " + id);
    }
    requirePython(bruteForce, "bruteForce");
    requirePython(inputGenerator, "inputGenerator");
    requirePython(inputValidator, "inputValidator");
    requirePython(checker, "checker");
    if ((checker != null) != (comparison.mode() == Comparison.Mode.CHECKER)) {
      throw new IllegalArgumentException(
          checker != null
              ? "a checker needs comparison mode checker (it would never be asked)"
              : "comparison mode checker needs a checker");
    }
    wrongSolutions = List.copyOf(Objects.requireNonNullElse(wrongSolutions, List.of()));
    if (!wrongSolutions.isEmpty() && wrongSolutions.size() < MIN_WRONG_SOLUTIONS) {
      throw new IllegalArgumentException(
          "wrongSolutions has "
              + wrongSolutions.size()
              + " entries; at least "
              + MIN_WRONG_SOLUTIONS
              + " when present");
    }
  }

  /** This problem with {@code added} after its hidden tests (amplification's result). */
  public Problem withMoreHiddenTests(List<TestCase> added) {
    var hidden = new java.util.ArrayList<>(hiddenTests);
    hidden.addAll(added);
    return new Problem(
        schemaVersion,
        id,
        version,
        title,
        category,
        difficulty,
        tags,
        estimatedMinutes,
        statement,
        constraints,
        signature,
        comparison,
        examples,
        publicTests,
        hidden,
        hints,
        solutions,
        solutionExplanation,
        complexity,
        bruteForce,
        inputGenerator,
        inputValidator,
        wrongSolutions,
        checker);
  }

  /** True when the document has what the stress check needs: a brute force and a generator. */
  public boolean stressCheckable() {
    return bruteForce != null && inputGenerator != null;
  }

  /** True if a problem could have this id: kebab-case ASCII, at most 80 characters. */
  public static boolean isValidId(String id) {
    return id != null && id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches();
  }

  /** One worked example shown in the statement. */
  public record Example(JsonNode args, JsonNode output, String explanation) {
    public Example {
      Objects.requireNonNull(args, "examples[].args");
      Objects.requireNonNull(output, "examples[].output");
    }
  }

  /** One test: the arguments and the expected return value. */
  public record TestCase(JsonNode args, JsonNode expected, String note) {
    public TestCase {
      if (args == null || !args.isArray()) {
        throw new IllegalArgumentException("test args must be an array: " + args);
      }
      Objects.requireNonNull(expected, "test expected");
    }
  }

  /** A piece of code the document carries besides its references (format version 2). */
  public record Part(Language language, String code) {
    public Part {
      Objects.requireNonNull(language, "language");
      requireText(code, "code");
    }
  }

  /** A planted wrong solution and the verdict it must get (format version 2). */
  public record WrongSolution(Language language, String code, Kind kind, String note) {
    public WrongSolution {
      Objects.requireNonNull(language, "wrongSolutions[].language");
      requireText(code, "wrongSolutions[].code");
      Objects.requireNonNull(kind, "wrongSolutions[].kind");
      requireText(note, "wrongSolutions[].note");
    }

    /** What must happen to it: fail a hidden test, or run out of time on them. */
    public enum Kind {
      WRONG_ANSWER("wrong-answer"),
      TOO_SLOW("too-slow"),
      CRASHES("crashes");

      private final String id;

      Kind(String id) {
        this.id = id;
      }

      @JsonValue
      public String id() {
        return id;
      }

      @JsonCreator
      public static Kind fromId(String id) {
        for (var kind : values()) {
          if (kind.id.equals(id)) {
            return kind;
          }
        }
        throw new IllegalArgumentException(
            "wrongSolutions[].kind is not one of "
                + Arrays.stream(values()).map(Kind::id).toList()
                + ": "
                + id);
      }
    }
  }

  /** Big-O of the reference solution. */
  public record Complexity(String time, String space) {}

  // Python is the one language the server runs these parts in for now; the shape leaves room.
  private static void requirePython(Part part, String field) {
    if (part != null && part.language() != Language.PYTHON) {
      throw new IllegalArgumentException(
          field + ".language must be python: " + part.language().id());
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank");
    }
  }
}
