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
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Accepts a problem only after running it: every reference solution must pass every public and
 * hidden test in the real sandbox, and every example shown must be what the reference returns. The
 * time limit per test is then derived from the slowest reference test in each language.
 */
@Component
public class ProblemValidator {

  private final Judge judge;
  private final ValidationProperties properties;

  ProblemValidator(Judge judge, ValidationProperties properties) {
    this.judge = judge;
    this.properties = properties;
  }

  /** A labelled test: where it comes from in the document, and what to judge. */
  private record Labelled(String label, Expectation test) {}

  /**
   * Runs every reference solution on every test and example, in the background lane, within the
   * document's deadline: a language reached after it is over fails with that reason.
   *
   * @throws dev.improview.execution.EngineBusyException when the background lane stays busy
   */
  public ValidationReport validate(Problem problem) {
    var tests = labelledTests(problem);
    var checks = new ArrayList<ValidationReport.Check>();
    var limits = new LinkedHashMap<String, Long>();
    long deadline = System.nanoTime() + properties.deadline().toNanos();
    for (var language : Language.values()) {
      var code = problem.solutions().get(language.id());
      if (code == null || code.isBlank()) {
        checks.add(
            failed("reference-" + language.id(), "no " + language.id() + " solution", List.of()));
        continue;
      }
      var left = Duration.ofNanos(deadline - System.nanoTime());
      if (left.toMillis() < 1000) {
        checks.add(
            failed(
                "reference-" + language.id(),
                "not run: validating this problem took longer than its deadline of "
                    + properties.deadline().toSeconds()
                    + " s",
                List.of()));
        continue;
      }
      var report = run(problem, language, code, tests, left);
      var failures = failures(report, tests);
      if (failures.isEmpty()) {
        checks.add(
            new ValidationReport.Check(
                "reference-" + language.id(),
                ValidationReport.Status.PASSED,
                "the "
                    + language.id()
                    + " solution passes all "
                    + tests.size()
                    + " tests and examples",
                List.of()));
        limits.put(language.id(), timeLimit(language, report));
      } else {
        checks.add(
            failed(
                "reference-" + language.id(),
                "the "
                    + language.id()
                    + " solution fails "
                    + failures.size()
                    + " of "
                    + tests.size(),
                failures));
      }
    }
    checks.add(examplesCheck(problem, checks));
    var passed = checks.stream().allMatch(c -> c.status() == ValidationReport.Status.PASSED);
    checks.add(
        passed
            ? new ValidationReport.Check(
                "time-limits",
                ValidationReport.Status.PASSED,
                "time limit per test: " + limits,
                List.of())
            : new ValidationReport.Check(
                "time-limits",
                ValidationReport.Status.SKIPPED,
                "derived only once every reference solution passes",
                List.of()));
    return new ValidationReport(passed, checks, passed ? limits : java.util.Map.of());
  }

  private static ValidationReport.Check examplesCheck(
      Problem problem, List<ValidationReport.Check> referenceChecks) {
    var exampleFailures =
        referenceChecks.stream()
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

  private Judgement run(
      Problem problem, Language language, String code, List<Labelled> tests, Duration left) {
    var wall =
        left.compareTo(properties.referenceWallPerRun()) < 0
            ? left
            : properties.referenceWallPerRun();
    var limits =
        new RunLimits(
            properties.referenceCpuPerTest(),
            wall,
            RunLimits.DEFAULT_MEMORY_BYTES,
            RunLimits.DEFAULT_MAX_PROCESSES,
            RunLimits.DEFAULT_OUTPUT_BYTES_PER_STREAM);
    return judge.judge(
        problem,
        language,
        code,
        tests.stream().map(Labelled::test).toList(),
        limits,
        Lane.BACKGROUND);
  }

  // The kernel's CPU figure for each test, the same measure that later decides a candidate's TLE.
  private long timeLimit(Language language, Judgement report) {
    long slowest =
        (long)
            Math.ceil(
                report.tests().stream()
                    .mapToDouble(test -> test.outcome().cpuMillis())
                    .max()
                    .orElse(0));
    long derived = slowest * properties.multiplier(language);
    return Math.min(
        properties.ceiling().toMillis(), Math.max(properties.floor().toMillis(), derived));
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

  private static List<String> failures(Judgement report, List<Labelled> tests) {
    var failures = new ArrayList<String>();
    for (var diagnostic : report.diagnostics()) {
      failures.add("compile: line " + diagnostic.line() + ": " + diagnostic.message());
    }
    for (var judged : report.tests()) {
      if (judged.verdict() == Verdict.PASSED) {
        continue;
      }
      var labelled = tests.get(judged.index());
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
    return failures;
  }

  private static ValidationReport.Check failed(String name, String summary, List<String> failures) {
    return new ValidationReport.Check(name, ValidationReport.Status.FAILED, summary, failures);
  }

  private static String abbreviate(JsonNode value) {
    var text = String.valueOf(value);
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
