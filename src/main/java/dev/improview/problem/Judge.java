package dev.improview.problem;

import dev.improview.execution.Comparison;
import dev.improview.execution.ExecutionEngine;
import dev.improview.execution.ExecutionReport;
import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.Lane;
import dev.improview.execution.Language;
import dev.improview.execution.RunLimits;
import dev.improview.execution.TestCase;
import dev.improview.execution.TestReport;
import dev.improview.execution.Verdict;
import dev.improview.problem.JudgeRejection.Reason;
import dev.improview.problem.JudgedTest.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Judging code against a problem: the one place where expected values meet returned ones. The
 * engine runs the code and reports what each test returned; the judge picks the tests, gets the
 * expected values (stored, or from the reference solution for a candidate's own inputs), compares
 * under the problem's comparison and decides PASSED or WRONG_ANSWER. Runs, submissions and
 * validation all come through here. What the caller got wrong is a {@link JudgeRejection}; anything
 * else the engine throws is a bug of ours.
 */
@Component
public class Judge {

  /** Custom inputs per run; each costs a reference run and a run of the candidate's code. */
  public static final int MAX_CUSTOM_TESTS = 10;

  private final ExecutionEngine engine;
  private final ProblemCatalog catalog;
  private final PartRunner parts;

  Judge(ExecutionEngine engine, ProblemCatalog catalog, PartRunner parts) {
    this.engine = engine;
    this.catalog = catalog;
    this.parts = parts;
  }

  /** A test to judge: where it comes from, its arguments and expected value (null: none). */
  record Expectation(Kind kind, JsonNode args, JsonNode expected, String note) {}

  /** The problem's public tests. */
  public Judgement publicTests(Problem problem, Language language, String code) {
    return judge(problem, language, code, expectations(problem.publicTests(), Kind.PUBLIC));
  }

  /** Every test, public then hidden: what a submission is judged on. */
  public Judgement allTests(Problem problem, Language language, String code) {
    List<Expectation> tests = new ArrayList<>(expectations(problem.publicTests(), Kind.PUBLIC));
    tests.addAll(expectations(problem.hiddenTests(), Kind.HIDDEN));
    return judge(problem, language, code, tests);
  }

  /**
   * The candidate's own inputs, each checked against the signature and then by the problem's input
   * validator (in the sandbox) when it has one, with the value the reference solution in the same
   * language returns for it as the expected one.
   *
   * @throws JudgeRejection when there are too many inputs, or one does not fit the signature or
   *     breaks a constraint (the detail is the validator's message)
   */
  public Judgement customInputs(
      Problem problem, Language language, String code, List<JsonNode> inputs) {
    if (inputs.size() > MAX_CUSTOM_TESTS) {
      throw new JudgeRejection(
          Reason.TOO_MANY_TESTS,
          "'customTests' has " + inputs.size() + " entries; at most " + MAX_CUSTOM_TESTS);
    }
    for (int i = 0; i < inputs.size(); i++) {
      CustomArgs.check(problem.signature(), inputs.get(i), i);
    }
    checkCode(code);
    String reference = problem.solutions().get(language.id());
    if (reference == null || reference.isBlank()) {
      throw new JudgeRejection(
          Reason.NO_REFERENCE,
          "Problem '" + problem.id() + "' has no " + language.id() + " reference solution");
    }
    checkConstraints(problem, inputs);
    List<TestCase> cases = inputs.stream().map(TestCase::new).toList();
    ExecutionReport expected = run(problem, language, reference, cases, limits(problem, language));
    List<Expectation> tests = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      TestReport outcome = expected.tests().get(i);
      if (outcome.verdict().isSuccess()) {
        tests.add(new Expectation(Kind.CUSTOM, inputs.get(i), outcome.actual(), ""));
      } else {
        tests.add(
            new Expectation(
                Kind.CUSTOM,
                inputs.get(i),
                null,
                "The reference solution did not return a value for this input ("
                    + outcome.verdict()
                    + "); check that it meets the constraints."));
      }
    }
    return judge(problem, language, code, tests);
  }

  // A validator that does not answer (it crashed, or ran out of time) leaves the input to the
  // reference, whose failure is then reported on the test as before.
  private void checkConstraints(Problem problem, List<JsonNode> inputs) {
    if (problem.inputValidator() == null || inputs.isEmpty()) {
      return;
    }
    var checks = parts.validate(problem, inputs, RunLimits.defaults(), Lane.INTERACTIVE);
    for (int i = 0; i < checks.size(); i++) {
      if (checks.get(i).outcome() == PartRunner.Outcome.REJECTED) {
        throw new JudgeRejection(
            Reason.INVALID_ARGUMENTS, "customTests[" + i + "] " + checks.get(i).message());
      }
    }
  }

  private Judgement judge(
      Problem problem, Language language, String code, List<Expectation> tests) {
    checkCode(code);
    // The public tests and the candidate's own inputs are known to them already: those run back
    // to back; hidden tests are handed over one at a time.
    int disclosed = 0;
    while (disclosed < tests.size() && tests.get(disclosed).kind() != Kind.HIDDEN) {
      disclosed++;
    }
    return judge(
        problem, language, code, tests, limits(problem, language), Lane.INTERACTIVE, disclosed);
  }

  /**
   * Runs and judges {@code tests}; the validator's entry, with its own limits and lane. Every test
   * is handed over when it starts, so each one's time is its own alone.
   */
  Judgement judge(
      Problem problem,
      Language language,
      String code,
      List<Expectation> tests,
      RunLimits limits,
      Lane lane) {
    return judge(problem, language, code, tests, limits, lane, 0);
  }

  private Judgement judge(
      Problem problem,
      Language language,
      String code,
      List<Expectation> tests,
      RunLimits limits,
      Lane lane,
      int disclosed) {
    List<TestCase> cases = tests.stream().map(t -> new TestCase(t.args())).toList();
    ExecutionReport report =
        engine.run(
            new ExecutionRequest(language, code, problem.signature(), cases, limits, disclosed),
            lane);
    var checked = checkerVerdicts(problem, tests, report, lane);
    List<JudgedTest> judged = new ArrayList<>();
    for (TestReport outcome : report.tests()) {
      Expectation test = tests.get(outcome.index());
      Verdict verdict =
          checked.containsKey(outcome.index())
              ? checked.get(outcome.index())
              : verdict(problem, outcome, test);
      String note = test.note();
      if (verdict == Verdict.WRONG_ANSWER && problem.signature().isClass()) {
        note = join(note, Calls.firstDifference(problem, test.args(), test.expected(), outcome));
      }
      judged.add(
          new JudgedTest(
              outcome.index(), test.kind(), verdict, test.args(), test.expected(), outcome, note));
    }
    return new Judgement(
        overall(judged, report.verdict()), judged, report.diagnostics(), report.wallMillis());
  }

  /** The most tests one run takes; the validator splits longer lists into runs of this size. */
  int maxTestsPerRun() {
    return engine.maxTests();
  }

  private ExecutionReport run(
      Problem problem, Language language, String code, List<TestCase> cases, RunLimits limits) {
    // The reference on the candidate's own inputs: nothing in them is hidden from anyone.
    return engine.run(
        new ExecutionRequest(language, code, problem.signature(), cases, limits, cases.size()));
  }

  /**
   * For comparison mode checker: the problem's checker, in one sandbox run in the same lane, on
   * every answer that has an expected value; its verdict per test index. Anything but its plain
   * acceptance is a wrong answer.
   */
  private java.util.Map<Integer, Verdict> checkerVerdicts(
      Problem problem, List<Expectation> tests, ExecutionReport report, Lane lane) {
    var verdicts = new java.util.HashMap<Integer, Verdict>();
    if (problem.comparison().mode() != Comparison.Mode.CHECKER) {
      return verdicts;
    }
    var indices = new ArrayList<Integer>();
    var answers = new ArrayList<PartRunner.Answer>();
    for (TestReport outcome : report.tests()) {
      var expected = tests.get(outcome.index()).expected();
      if (outcome.verdict() == Verdict.COMPLETED && expected != null) {
        indices.add(outcome.index());
        answers.add(
            new PartRunner.Answer(tests.get(outcome.index()).args(), outcome.actual(), expected));
      }
    }
    if (answers.isEmpty()) {
      return verdicts;
    }
    var checks = parts.check(problem, answers, RunLimits.defaults(), lane);
    for (int i = 0; i < indices.size(); i++) {
      verdicts.put(
          indices.get(i), checks.get(i).accepted() ? Verdict.PASSED : Verdict.WRONG_ANSWER);
    }
    return verdicts;
  }

  // A returned value meets its expected one here, and only here (or in the problem's checker).
  // Both sides in their one JSON form: a bigint written as 7 equals "7", a tree's trailing nulls
  // mean nothing.
  private static Verdict verdict(Problem problem, TestReport outcome, Expectation test) {
    if (outcome.verdict() != Verdict.COMPLETED || test.expected() == null) {
      return outcome.verdict();
    }
    var signature = problem.signature();
    var expected = signature.canonicalResult(test.args(), test.expected());
    return problem.comparison().matches(expected, outcome.actual())
        ? Verdict.PASSED
        : Verdict.WRONG_ANSWER;
  }

  private static String join(String note, String more) {
    return note == null || note.isEmpty() ? more : note + "\n" + more;
  }

  private static Verdict overall(List<JudgedTest> tests, Verdict run) {
    // A run that did not compile stays COMPILE_ERROR (its tests are all NOT_RUN).
    if (run == Verdict.COMPILE_ERROR) {
      return Verdict.COMPILE_ERROR;
    }
    return Verdict.overall(tests.stream().map(JudgedTest::verdict).toList());
  }

  /**
   * Checks code before it is judged (a submission checks it before it is stored).
   *
   * @throws JudgeRejection when it is larger than the engine takes or holds a NUL character
   */
  public void checkCode(String code) {
    int bytes = code.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > engine.maxCodeBytes()) {
      throw new JudgeRejection(
          Reason.CODE_TOO_LARGE,
          "'code' is larger than " + engine.maxCodeBytes() + " bytes: " + bytes);
    }
    if (code.indexOf('\0') >= 0) {
      throw new JudgeRejection(Reason.CODE_HAS_NUL, "'code' contains a NUL character");
    }
  }

  // The per-test CPU limit validation derived from the references in this language, else the
  // engine's default.
  private RunLimits limits(Problem problem, Language language) {
    var defaults = RunLimits.defaults();
    return catalog
        .timeLimit(problem.id(), language)
        .map(
            cpu ->
                new RunLimits(
                    cpu,
                    defaults.wallPerRun(),
                    defaults.memoryBytes(),
                    defaults.maxProcesses(),
                    defaults.outputBytesPerStream()))
        .orElse(defaults);
  }

  private static List<Expectation> expectations(List<Problem.TestCase> tests, Kind kind) {
    return tests.stream().map(t -> new Expectation(kind, t.args(), t.expected(), "")).toList();
  }
}
