package dev.improview.problem;

import dev.improview.execution.Lane;
import dev.improview.problem.ProblemFormat.InvalidProblemException;
import dev.improview.problem.ProblemValidator.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a draft written by someone the server does not trust (a model) into a proven problem, or
 * says which step refused it and why. A draft is a problem document whose tests and examples may
 * leave out their values; those it states are only claims. In order:
 *
 * <ol>
 *   <li>{@code schema}: the format's checks ({@link ProblemFormat#parseDraft}), and every part a
 *       generated problem must have (brute force, input generator and validator, wrong solutions).
 *   <li>{@code answers}: every reference and the brute force run on every stated input ({@link
 *       ExecutedAnswers}); the expected values and the examples' outputs become what they agreed
 *       on. A claimed value that differs is reported; on an example (whose explanation was written
 *       around it) it refuses the draft.
 *   <li>the validation of a stored problem, with amplification ({@link ProblemProver}): input
 *       validator, references, examples, stress, wrong solutions, mutation, time limits.
 * </ol>
 *
 * Progress is told step by step, so a caller can show it while it runs.
 */
@Component
public class DraftProver {

  /** One step's news: its name ({@code schema}, {@code answers}, then the report's checks). */
  public record Progress(String step, ValidationReport.Status status, String detail) {}

  /** What came of a draft. */
  public sealed interface Outcome permits Proven, Refused {}

  /**
   * The draft passed every step.
   *
   * @param claims where a claimed test value differed from the executed one (reported, not fatal)
   */
  public record Proven(Problem problem, ValidationReport report, List<String> claims)
      implements Outcome {}

  /**
   * A step refused the draft: its name, one line on why, and the particulars (smallest input first,
   * at most {@link #MAX_DETAILS}), then any stated value execution corrected.
   */
  public record Refused(String step, String summary, List<String> details, ValidationReport report)
      implements Outcome {}

  static final int MAX_DETAILS = 8;

  /** The first seed of the large hidden tests a draft's generator is asked for. */
  public static final int LARGE_SEED = 1_000_001;

  /** The most JSON one generated large test may take; a larger one is left out. */
  public static final int MAX_LARGE_TEST_BYTES = 200_000;

  private final ProblemFormat format;
  private final ProblemProver prover;
  private final ValidationProperties properties;
  private final ExecutedAnswers answers;
  private final PartRunner parts;

  DraftProver(
      ProblemFormat format,
      ProblemProver prover,
      Judge judge,
      PartRunner parts,
      ValidationProperties properties) {
    this.parts = parts;
    this.format = format;
    this.prover = prover;
    this.properties = properties;
    this.answers = new ExecutedAnswers(judge, properties.bruteForceCpuPerTest());
  }

  /**
   * @throws dev.improview.execution.EngineBusyException when the background lane stays busy
   */
  public Outcome prove(JsonNode document, Consumer<Progress> progress) {
    return prove(document, 0, progress);
  }

  /**
   * As {@link #prove(JsonNode, Consumer)}, first adding {@code largeTests} hidden tests from the
   * draft's own {@code generate(seed, "large")} (seeds {@value #LARGE_SEED} on), each at most
   * {@value #MAX_LARGE_TEST_BYTES} bytes of JSON: inputs at the constraints' limits, which a model
   * cannot write out by hand, so that a naive solution's complexity is punished.
   */
  public Outcome prove(JsonNode document, int largeTests, Consumer<Progress> progress) {
    ProblemFormat.Draft draft;
    try {
      draft = format.parseDraft(document);
    } catch (InvalidProblemException e) {
      var details = e.violations().stream().map(v -> v.path() + " " + v.message()).toList();
      return refused(
          progress, "schema", details.size() + " format violation(s): " + details.get(0), details);
    }
    var missing = missingParts(draft.problem());
    if (!missing.isEmpty()) {
      return refused(
          progress,
          "schema",
          "a generated problem needs every part that proves it; missing: "
              + String.join(", ", missing),
          missing);
    }
    var budget = new Budget(System.nanoTime() + properties.deadline().toNanos(), properties);
    String large = "";
    if (largeTests > 0) {
      var seeds = IntStream.range(LARGE_SEED, LARGE_SEED + largeTests).boxed().toList();
      var generated =
          parts.generate(draft.problem(), seeds, "large", budget.limits(), Lane.BACKGROUND);
      var broken = generated.stream().filter(g -> !g.ok()).map(g -> g.failure()).toList();
      if (!broken.isEmpty()) {
        return refused(
            progress,
            "schema",
            "the input generator failed at scale large: " + broken.get(0),
            broken);
      }
      var withLarge = ((ObjectNode) document).deepCopy();
      var hidden = (ArrayNode) withLarge.get("hiddenTests");
      int added = 0;
      for (var input : generated) {
        if (input.args().toString().length() <= MAX_LARGE_TEST_BYTES) {
          hidden
              .addObject()
              .put("note", "large, generate(" + input.seed() + ", \"large\")")
              .set("args", input.args());
          added++;
        }
      }
      document = withLarge;
      draft = format.parseDraft(document);
      large =
          "; "
              + added
              + " large hidden test(s) generated"
              + (added < generated.size()
                  ? ", "
                      + (generated.size() - added)
                      + " left out as larger than "
                      + MAX_LARGE_TEST_BYTES
                      + " bytes of JSON"
                  : "");
    }
    progress.accept(
        new Progress(
            "schema",
            ValidationReport.Status.PASSED,
            "the document follows the problem format" + large));

    var problem = draft.problem();
    var inputs = new ArrayList<JsonNode>();
    var labels = new ArrayList<String>();
    var claimed = new ArrayList<JsonNode>();
    for (int i = 0; i < problem.examples().size(); i++) {
      inputs.add(problem.examples().get(i).args());
      labels.add("examples[" + i + "]");
      claimed.add(claim(draft, "$.examples[" + i + "].output", problem.examples().get(i).output()));
    }
    for (int i = 0; i < problem.publicTests().size(); i++) {
      inputs.add(problem.publicTests().get(i).args());
      labels.add("publicTests[" + i + "]");
      claimed.add(
          claim(
              draft, "$.publicTests[" + i + "].expected", problem.publicTests().get(i).expected()));
    }
    for (int i = 0; i < problem.hiddenTests().size(); i++) {
      inputs.add(problem.hiddenTests().get(i).args());
      labels.add("hiddenTests[" + i + "]");
      claimed.add(
          claim(
              draft, "$.hiddenTests[" + i + "].expected", problem.hiddenTests().get(i).expected()));
    }
    var result = answers.answer(problem, inputs, budget);
    if (!result.agreed()) {
      var details = new ArrayList<>(result.compileErrors());
      result
          .disagreements()
          .forEach(
              (i, what) ->
                  details.add(
                      labels.get(i)
                          + " (args "
                          + ProblemValidator.abbreviate(inputs.get(i))
                          + "): "
                          + String.join("; ", what)));
      var summary =
          result.compileErrors().isEmpty()
              ? "the solutions disagree on "
                  + result.disagreements().size()
                  + " of "
                  + inputs.size()
                  + " stated inputs; the smallest: "
                  + details.get(0)
              : details.get(0);
      return refused(progress, "answers", summary, details);
    }
    var claims = new ArrayList<String>();
    var exampleClaims = new ArrayList<String>();
    for (int i = 0; i < inputs.size(); i++) {
      var claim = claimed.get(i);
      var answer = result.answers().get(i);
      if (claim != null
          && !problem
              .comparison()
              .matches(answer, problem.signature().canonicalResult(inputs.get(i), claim))) {
        var line =
            labels.get(i)
                + ": stated "
                + ProblemValidator.abbreviate(claim)
                + ", but the solutions return "
                + ProblemValidator.abbreviate(answer);
        (labels.get(i).startsWith("examples") ? exampleClaims : claims).add(line);
      }
    }
    if (!exampleClaims.isEmpty()) {
      return refused(
          progress,
          "answers",
          "an example's stated output is not what the solutions return (its explanation would be"
              + " wrong): "
              + exampleClaims.get(0),
          exampleClaims);
    }
    progress.accept(
        new Progress(
            "answers",
            ValidationReport.Status.PASSED,
            "3/3 references agree on all "
                + inputs.size()
                + " stated inputs, the brute force on the "
                + result.bruteForceChecked()
                + " it answers in time"
                + (claims.isEmpty() ? "" : "; " + claims.size() + " stated value(s) corrected")));

    Problem filled;
    try {
      filled = format.parse(withAnswers(document, result.answers()));
    } catch (InvalidProblemException e) {
      var details = e.violations().stream().map(v -> v.path() + " " + v.message()).toList();
      return refused(progress, "schema", "with its answers filled in: " + details.get(0), details);
    }
    var proven =
        prover.prove(
            filled,
            check -> progress.accept(new Progress(check.name(), check.status(), check.detail())));
    if (proven.report().passed()) {
      return new Proven(proven.problem(), proven.report(), List.copyOf(claims));
    }
    var failed =
        proven.report().checks().stream()
            .filter(c -> c.status() == ValidationReport.Status.FAILED)
            .findFirst()
            .orElseThrow();
    // The stated values execution corrected go back with the refusal, so the next draft's
    // explanations and claims match what its solutions return.
    var details = new ArrayList<>(failed.failures().stream().limit(MAX_DETAILS).toList());
    claims.stream().limit(MAX_DETAILS).forEach(claim -> details.add("corrected: " + claim));
    return new Refused(failed.name(), failed.detail(), List.copyOf(details), proven.report());
  }

  private static JsonNode claim(ProblemFormat.Draft draft, String path, JsonNode value) {
    return draft.unstated().contains(path) || value == null || value.isNull() ? null : value;
  }

  private static List<String> missingParts(Problem problem) {
    var missing = new ArrayList<String>();
    if (problem.bruteForce() == null) {
      missing.add("bruteForce");
    }
    if (problem.inputGenerator() == null) {
      missing.add("inputGenerator");
    }
    if (problem.inputValidator() == null) {
      missing.add("inputValidator");
    }
    if (problem.wrongSolutions().isEmpty()) {
      missing.add("wrongSolutions");
    }
    if (problem.comparison().mode() == dev.improview.execution.Comparison.Mode.CHECKER) {
      missing.add("comparison mode exact, unordered or float (checker is not generated)");
    }
    return missing;
  }

  // The document with every example's output and test's expected value set to the agreed answer,
  // in the order ExecutedAnswers was given them: examples, public tests, hidden tests.
  private static JsonNode withAnswers(JsonNode document, List<JsonNode> answers) {
    var filled = ((ObjectNode) document).deepCopy();
    int next = 0;
    next = set(filled, "examples", "output", answers, next);
    next = set(filled, "publicTests", "expected", answers, next);
    set(filled, "hiddenTests", "expected", answers, next);
    return filled;
  }

  private static int set(
      ObjectNode document, String list, String field, List<JsonNode> answers, int next) {
    var items = (ArrayNode) document.get(list);
    for (int i = 0; i < items.size(); i++) {
      ((ObjectNode) items.get(i)).set(field, answers.get(next++));
    }
    return next;
  }

  private static Refused refused(
      Consumer<Progress> progress, String step, String summary, List<String> details) {
    progress.accept(new Progress(step, ValidationReport.Status.FAILED, summary));
    return new Refused(
        step,
        summary,
        details.stream().limit(MAX_DETAILS).toList(),
        new ValidationReport(false, List.of(), java.util.Map.of(), ValidationReport.Figures.NONE));
  }
}
