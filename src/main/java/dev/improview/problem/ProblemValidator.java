package dev.improview.problem;

import dev.improview.execution.Lane;
import dev.improview.execution.Language;
import dev.improview.execution.RunLimits;
import dev.improview.execution.Verdict;
import dev.improview.problem.Judge.Expectation;
import dev.improview.problem.JudgedTest.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a problem only after running it, every step in the real sandbox and in this order: the
 * input validator accepts every stated input; every reference solution passes every public and
 * hidden test and example; the brute force and the references agree on generated inputs ({@link
 * StressCheck}); every planted wrong solution is caught by the hidden tests ({@link
 * WrongSolutionsCheck}); every mutant of the Python reference that an input tells apart from it is
 * killed by the hidden tests ({@link MutationCheck}). The time limit per test is derived from the
 * slowest reference test in each language. Steps whose parts a document lacks are SKIPPED and do
 * not stop it passing.
 */
@Component
public class ProblemValidator {

  /**
   * How the mutation driver works: 50 ms of CPU per input at least (ten times the reference's own
   * time on it otherwise), 3 differences per phase (hidden, stress), values up to 4 KiB sent back.
   */
  private static final double MUTANT_INPUT_SECONDS = 0.05;

  private static final int MUTANT_DIFFERENCES = 3;
  private static final int MUTANT_VALUE_BYTES = 4096;

  /** How a step reached after the deadline begins its detail; the seconds follow. */
  static final String OVER_DEADLINE =
      "not run: validating this problem took longer than its deadline of ";

  private final Judge judge;
  private final PartRunner parts;
  private final ValidationProperties properties;
  private final JsonMapper json;

  ProblemValidator(
      Judge judge, PartRunner parts, ValidationProperties properties, JsonMapper json) {
    this.judge = judge;
    this.parts = parts;
    this.properties = properties;
    this.json = json;
  }

  /** A labelled test: where it comes from in the document, and what to judge. */
  record Labelled(String label, Expectation test) {}

  /** The time left for one document, and the generous limits of a run within it. */
  record Budget(long deadlineNanos, ValidationProperties properties) {
    Duration left() {
      return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    boolean over() {
      return left().toMillis() < 1000;
    }

    String overMessage() {
      return OVER_DEADLINE + properties.deadline().toSeconds() + " s";
    }

    RunLimits limits(Duration cpuPerTest) {
      var left = left();
      var wall =
          left.compareTo(properties.referenceWallPerRun()) < 0
              ? left
              : properties.referenceWallPerRun();
      var watchdog = cpuPerTest.multipliedBy(properties.wallPerTestFactor());
      return new RunLimits(
          cpuPerTest,
          wall,
          RunLimits.DEFAULT_MEMORY_BYTES,
          RunLimits.DEFAULT_MAX_PROCESSES,
          RunLimits.DEFAULT_OUTPUT_BYTES_PER_STREAM,
          watchdog.compareTo(wall) < 0 ? watchdog : wall);
    }

    RunLimits limits() {
      return limits(properties.referenceCpuPerTest());
    }
  }

  /**
   * One validation: its report, and what amplification needs from it (the generated inputs
   * everybody agreed on, the planted wrong solutions and the mutants the hidden tests missed).
   */
  record Run(
      ValidationReport report,
      List<StressCheck.Sample> samples,
      List<Integer> missedWrongSolutions,
      List<MutationCheck.Survivor> survivors,
      Map<String, Long> limits) {}

  static final String AMPLIFICATION = "amplification";

  /**
   * Validates {@code problem} within its deadline: a step reached after it is over fails with that
   * reason. Its tests are taken as they are; {@link ProblemProver} also strengthens them.
   *
   * @throws dev.improview.execution.EngineBusyException when the background lane stays busy
   */
  public ValidationReport validate(Problem problem) {
    return run(problem).report();
  }

  Run run(Problem problem) {
    return run(problem, check -> {});
  }

  /** As {@link #run(Problem)}, telling {@code progress} of each check as it ends. */
  Run run(Problem problem, Consumer<ValidationReport.Check> progress) {
    long start = System.nanoTime();
    var budget = new Budget(start + properties.deadline().toNanos(), properties);
    var tests = labelledTests(problem);
    var checks = new ReportingList(progress);
    var stepMillis = new LinkedHashMap<String, Long>();
    checks.add(timed(stepMillis, () -> inputValidatorCheck(problem, tests, budget)));
    var limits = new LinkedHashMap<String, Long>();
    for (var language : Language.values()) {
      checks.add(timed(stepMillis, () -> referenceCheck(problem, language, tests, budget, limits)));
    }
    checks.add(examplesCheck(problem, checks));
    boolean referencesPass =
        checks.stream()
            .filter(c -> c.name().startsWith("reference-") || c.name().equals("examples"))
            .noneMatch(ProblemValidator::isFailed);
    var stress = new StressCheck(judge, parts, properties.stressInputs());
    var wrong = new WrongSolutionsCheck(judge, properties.tooSlowMargin());
    var mutation =
        new MutationCheck(
            parts,
            json,
            new PartRunner.MutationLimits(
                properties.maxMutants(),
                MUTANT_INPUT_SECONDS,
                MUTANT_DIFFERENCES,
                MUTANT_VALUE_BYTES));
    if (referencesPass) {
      checks.add(timed(stepMillis, () -> stress.run(problem, budget)));
      checks.add(timed(stepMillis, () -> wrong.run(problem, limits, budget)));
      checks.add(timed(stepMillis, () -> mutation.run(problem, stress.samples(), budget)));
    } else {
      checks.add(skipped("stress", "run only once every reference solution passes"));
      checks.add(skipped("wrong-solutions", "run only once every reference solution passes"));
      checks.add(skipped(MutationCheck.NAME, "run only once every reference solution passes"));
    }
    var passed = checks.stream().noneMatch(ProblemValidator::isFailed);
    checks.add(
        skipped(
            AMPLIFICATION,
            passed
                ? "nothing to add: the hidden tests catch every wrong solution and mutant"
                : "the tests are taken as written here"));
    checks.add(
        passed
            ? new ValidationReport.Check(
                "time-limits", ValidationReport.Status.PASSED, timeLimitsDetail(limits), List.of())
            : skipped("time-limits", "derived only once every check passes"));
    var figures =
        new ValidationReport.Figures(
            tests.size(),
            stress.agreed(),
            wrong.caught(),
            problem.wrongSolutions().size(),
            mutation.killed(),
            mutation.distinguishable(),
            0,
            Duration.ofNanos(System.nanoTime() - start).toMillis(),
            stepMillis);
    return new Run(
        new ValidationReport(passed, checks, passed ? limits : Map.of(), figures),
        stress.samples(),
        wrong.missed(),
        mutation.survivors(),
        Map.copyOf(limits));
  }

  // "javascript 1 s, python 2 s, java 1 s per test: the slowest reference test of 3 runs x 3/3/4,
  // rounded up to 1 s, within 1-10 s"
  private String timeLimitsDetail(Map<String, Long> limits) {
    var parts = new ArrayList<String>();
    var multiples = new ArrayList<String>();
    for (var language : Language.values()) {
      parts.add(language.id() + " " + seconds(limits.getOrDefault(language.id(), 0L)));
      multiples.add(String.valueOf(properties.multiplier(language)));
    }
    return String.join(", ", parts)
        + " per test: the slowest reference test of "
        + properties.referenceRepetitions()
        + " runs x "
        + String.join("/", multiples)
        + ", rounded up to "
        + seconds(properties.roundTo().toMillis())
        + ", within "
        + seconds(properties.floor().toMillis())
        + " to "
        + seconds(properties.ceiling().toMillis());
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static ValidationReport.Check timed(
      Map<String, Long> stepMillis, Supplier<ValidationReport.Check> step) {
    long start = System.nanoTime();
    var check = step.get();
    stepMillis.put(check.name(), Duration.ofNanos(System.nanoTime() - start).toMillis());
    return check;
  }

  private ValidationReport.Check inputValidatorCheck(
      Problem problem, List<Labelled> tests, Budget budget) {
    if (problem.inputValidator() == null) {
      return skipped(
          "input-validator",
          "no inputValidator: the inputs are not checked against the constraints");
    }
    if (budget.over()) {
      return failed("input-validator", budget.overMessage(), List.of());
    }
    var inputs = tests.stream().map(t -> t.test().args()).toList();
    var results = parts.validate(problem, inputs, budget.limits(), Lane.BACKGROUND);
    var failures = new ArrayList<String>();
    for (int i = 0; i < results.size(); i++) {
      var result = results.get(i);
      if (result.outcome() == PartRunner.Outcome.REJECTED) {
        failures.add(tests.get(i).label() + " " + result.message());
      } else if (result.outcome() == PartRunner.Outcome.FAILED) {
        failures.add(tests.get(i).label() + ": the validator failed: " + result.message());
      }
    }
    if (failures.isEmpty()) {
      return new ValidationReport.Check(
          "input-validator",
          ValidationReport.Status.PASSED,
          "the input validator accepts all " + tests.size() + " tests and examples",
          List.of());
    }
    return failed(
        "input-validator",
        "the input validator rejects "
            + failures.size()
            + " of "
            + tests.size()
            + " tests and examples: "
            + failures.get(0),
        failures);
  }

  private ValidationReport.Check referenceCheck(
      Problem problem,
      Language language,
      List<Labelled> tests,
      Budget budget,
      Map<String, Long> limits) {
    var name = "reference-" + language.id();
    var code = problem.solutions().get(language.id());
    if (code == null || code.isBlank()) {
      return failed(name, "no " + language.id() + " solution", List.of());
    }
    if (budget.over()) {
      return failed(name, budget.overMessage(), List.of());
    }
    // Every test several times in the one run: the limit comes from the slowest of them all.
    int repetitions =
        Math.max(
            1, Math.min(properties.referenceRepetitions(), judge.maxTestsPerRun() / tests.size()));
    var repeated = new ArrayList<Expectation>();
    for (int r = 0; r < repetitions; r++) {
      tests.forEach(t -> repeated.add(t.test()));
    }
    var report = judge.judge(problem, language, code, repeated, budget.limits(), Lane.BACKGROUND);
    var failures = failures(report, tests);
    if (!failures.isEmpty()) {
      return failed(
          name,
          "the " + language.id() + " solution fails " + failures.size() + " of " + tests.size(),
          failures);
    }
    double slowest =
        report.tests().stream().mapToDouble(test -> test.outcome().cpuMillis()).max().orElse(0);
    limits.put(language.id(), properties.limitMillis(language, slowest));
    return new ValidationReport.Check(
        name,
        ValidationReport.Status.PASSED,
        "the " + language.id() + " solution passes all " + tests.size() + " tests and examples",
        List.of());
  }

  private static ValidationReport.Check examplesCheck(
      Problem problem, List<ValidationReport.Check> referenceChecks) {
    var exampleFailures =
        referenceChecks.stream()
            .filter(c -> c.name().startsWith("reference-"))
            .flatMap(c -> c.failures().stream())
            .filter(f -> f.contains("examples["))
            .toList();
    if (!exampleFailures.isEmpty()) {
      return failed(
          "examples", "an example's output is not what the reference returns", exampleFailures);
    }
    return new ValidationReport.Check(
        "examples",
        ValidationReport.Status.PASSED,
        "all " + problem.examples().size() + " examples match the reference solutions",
        List.of());
  }

  /** The report's checks, each told to a listener as it is added. */
  private static final class ReportingList extends ArrayList<ValidationReport.Check> {
    private final transient Consumer<ValidationReport.Check> progress;

    ReportingList(Consumer<ValidationReport.Check> progress) {
      this.progress = progress;
    }

    @Override
    public boolean add(ValidationReport.Check check) {
      super.add(check);
      progress.accept(check);
      return true;
    }
  }

  private static List<Labelled> labelledTests(Problem problem) {
    var tests = new ArrayList<Labelled>();
    for (int i = 0; i < problem.publicTests().size(); i++) {
      var t = problem.publicTests().get(i);
      tests.add(new Labelled("publicTests[" + i + "]", expectation(t.args(), t.expected())));
    }
    for (int i = 0; i < problem.hiddenTests().size(); i++) {
      var t = problem.hiddenTests().get(i);
      tests.add(new Labelled("hiddenTests[" + i + "]", expectation(t.args(), t.expected())));
    }
    for (int i = 0; i < problem.examples().size(); i++) {
      var e = problem.examples().get(i);
      tests.add(new Labelled("examples[" + i + "]", expectation(e.args(), e.output())));
    }
    return tests;
  }

  private static Expectation expectation(JsonNode args, JsonNode expected) {
    return new Expectation(Kind.HIDDEN, args, expected, "");
  }

  // One line per failing test; a test run several times that fails more than once counts once.
  private static List<String> failures(Judgement report, List<Labelled> tests) {
    var failures = new java.util.LinkedHashSet<String>();
    for (var diagnostic : report.diagnostics()) {
      failures.add("compile: line " + diagnostic.line() + ": " + diagnostic.message());
    }
    for (var judged : report.tests()) {
      if (judged.verdict() == Verdict.PASSED) {
        continue;
      }
      var labelled = tests.get(judged.index() % tests.size());
      var line = new StringBuilder(labelled.label()).append(": ").append(judged.verdict());
      if (judged.verdict() == Verdict.WRONG_ANSWER) {
        line.append(": expected ")
            .append(abbreviate(labelled.test().expected()))
            .append(", got ")
            .append(abbreviate(judged.outcome().actual()));
      } else if (!judged.message().isBlank()) {
        line.append(": ").append(firstLine(judged.message()));
      }
      failures.add(line.toString());
    }
    return List.copyOf(failures);
  }

  private static boolean isFailed(ValidationReport.Check check) {
    return check.status() == ValidationReport.Status.FAILED;
  }

  static ValidationReport.Check failed(String name, String detail, List<String> failures) {
    return new ValidationReport.Check(name, ValidationReport.Status.FAILED, detail, failures);
  }

  static ValidationReport.Check skipped(String name, String detail) {
    return new ValidationReport.Check(name, ValidationReport.Status.SKIPPED, detail, List.of());
  }

  static String abbreviate(JsonNode value) {
    var text = String.valueOf(value);
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
