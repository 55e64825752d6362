package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden runs in the spirit of Exercism's runner tests: each folder under {@code
 * golden/<language>/} holds a solution and the report it must produce ({@code
 * expected_report.json}), run against the real sandbox. The problems they solve are in {@code
 * golden/problems/}.
 */
class GoldenRunsTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final ObjectMapper JSON = JsonMapper.builder().build();

  static ProcessSandbox sandbox;
  static HarnessFiles harness;
  static ExecutionEngine engine;

  @BeforeAll
  static void startEngine() {
    // The machine running the tests is shared and often overloaded: generous wall-clock deadlines
    // keep verdicts about the code, not the load. CPU limits are the same as in production.
    ExecutionProperties properties =
        ExecutionProperties.defaults()
            .withPrewarm(1, 1, 1)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5));
    sandbox = ProcessSandbox.create(SandboxProperties.defaults());
    harness = new HarnessFiles(properties);
    engine = new ExecutionEngine(sandbox, harness, properties);
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
    sandbox.close();
    harness.close();
  }

  @TestFactory
  Stream<DynamicTest> javascript() throws IOException {
    return cases(Language.JAVASCRIPT, "solution.js");
  }

  @TestFactory
  Stream<DynamicTest> python() throws IOException {
    return cases(Language.PYTHON, "solution.py");
  }

  @TestFactory
  Stream<DynamicTest> java() throws IOException {
    return cases(Language.JAVA, "Solution.java");
  }

  @Test
  void concurrentRunsKeepTheirOwnResultsOrAreRefusedAsBusy() throws Exception {
    Signature signature =
        new Signature(
            "echoValue",
            List.of(new Parameter("value", ValueType.parse("int"))),
            ValueType.parse("int"));
    Map<Language, String> code =
        Map.of(
            Language.JAVASCRIPT, "function echoValue(value) { console.log(value); return value; }",
            Language.PYTHON, "def echo_value(value):\n    print(value)\n    return value\n");
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<ExecutionReport>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Language language = i % 2 == 0 ? Language.JAVASCRIPT : Language.PYTHON;
        JsonNode value = JSON.readTree(String.valueOf(1000 + i));
        ExecutionRequest request =
            new ExecutionRequest(
                language,
                code.get(language),
                signature,
                List.of(new TestCase(JSON.createArrayNode().add(value))),
                RunLimits.defaults());
        runs.add(clients.submit(() -> engine.run(request)));
      }
      int completed = 0;
      for (int i = 0; i < runs.size(); i++) {
        try {
          ExecutionReport report = runs.get(i).get();
          assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.COMPLETED);
          assertThat(report.tests().get(0).actual().asInt()).isEqualTo(1000 + i);
          assertThat(report.tests().get(0).stdout()).isEqualTo((1000 + i) + "\n");
          completed++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(EngineBusyException.class);
          assertThat(((EngineBusyException) e.getCause()).retryAfter()).isPositive();
        }
      }
      assertThat(completed).isPositive();
    } finally {
      clients.shutdownNow();
    }
  }

  private Stream<DynamicTest> cases(Language language, String file) throws IOException {
    Path dir = GOLDEN.resolve(language.id());
    List<Path> folders;
    try (Stream<Path> list = Files.list(dir)) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(folders).as("golden cases for " + language.id()).isNotEmpty();
    return folders.stream()
        .map(
            folder ->
                DynamicTest.dynamicTest(
                    folder.getFileName().toString(), () -> check(language, folder, file)));
  }

  private void check(Language language, Path folder, String file) throws IOException {
    String code = Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    JsonNode expected = JSON.readTree(folder.resolve("expected_report.json").toFile());
    JsonNode problem =
        JSON.readTree(
            GOLDEN
                .resolve("problems")
                .resolve(expected.get("problem").asString() + ".json")
                .toFile());
    ExecutionReport report = engine.run(request(language, code, problem, expected));
    String context = folder + " gave " + abbreviate(report.toString());
    List<Verdict> judged = judged(problem, report);

    assertThat(overall(judged, report).name())
        .as(context)
        .isEqualTo(expected.get("verdict").asString());
    JsonNode expectedTests = expected.path("tests");
    assertThat(report.tests()).as(context).hasSize(problem.get("tests").size());
    for (int i = 0; i < expectedTests.size(); i++) {
      JsonNode want = expectedTests.get(i);
      TestReport got = report.tests().get(i);
      String where = context + "\n  at test " + i;
      assertThat(judged.get(i).name()).as(where).isEqualTo(want.get("verdict").asString());
      if (want.has("actual")) {
        assertThat(got.actual()).as(where).isEqualTo(want.get("actual"));
      }
      for (JsonNode text : want.path("messageContains")) {
        assertThat(got.message()).as(where).contains(text.asString());
      }
      for (JsonNode text : want.path("stdoutContains")) {
        assertThat(got.stdout()).as(where).contains(text.asString());
      }
      for (JsonNode text : want.path("stderrContains")) {
        assertThat(got.stderr()).as(where).contains(text.asString());
      }
      if (want.has("stdoutTruncated")) {
        assertThat(got.stdoutTruncated())
            .as(where)
            .isEqualTo(want.get("stdoutTruncated").asBoolean());
      }
    }
    JsonNode diagnostics = expected.path("diagnostics");
    if (expected.has("diagnostics")) {
      assertThat(report.diagnostics()).as(context).isNotEmpty();
    }
    for (int i = 0; i < diagnostics.size(); i++) {
      JsonNode want = diagnostics.get(i);
      Diagnostic got = report.diagnostics().get(i);
      if (want.has("line")) {
        assertThat(got.line()).as(context).isEqualTo(want.get("line").asInt());
      }
      for (JsonNode text : want.path("messageContains")) {
        assertThat(got.message()).as(context).contains(text.asString());
      }
    }
  }

  /**
   * The golden reports are what a candidate sees: the engine's reports judged against the golden
   * problem's expected values under its comparison, as the judge above the engine does.
   */
  private static List<Verdict> judged(JsonNode problem, ExecutionReport report) {
    JsonNode cmp = problem.get("comparison");
    Comparison comparison =
        Comparison.fromJson(
            cmp.get("mode").asString(),
            cmp.has("tolerance") ? cmp.get("tolerance").asDouble() : null);
    List<Verdict> verdicts = new ArrayList<>();
    for (TestReport test : report.tests()) {
      JsonNode golden = problem.get("tests").get(test.index());
      JsonNode expected = golden.get("expected");
      if (test.verdict() != Verdict.COMPLETED || expected == null) {
        verdicts.add(test.verdict());
      } else {
        // In their one JSON form, as the judge compares them: a bigint 0 is "0".
        Signature signature = JSON.treeToValue(problem.get("signature"), Signature.class);
        JsonNode canonical = signature.canonicalResult(golden.get("args"), expected);
        verdicts.add(
            comparison.matches(canonical, test.actual()) ? Verdict.PASSED : Verdict.WRONG_ANSWER);
      }
    }
    return verdicts;
  }

  private static Verdict overall(List<Verdict> judged, ExecutionReport report) {
    // A run that did not compile stays COMPILE_ERROR (its tests are all NOT_RUN).
    if (report.verdict() == Verdict.COMPILE_ERROR) {
      return Verdict.COMPILE_ERROR;
    }
    return Verdict.overall(judged);
  }

  private static String abbreviate(String text) {
    return text.length() <= 3000 ? text : text.substring(0, 3000) + "...";
  }

  static ExecutionRequest request(
      Language language, String code, JsonNode problem, JsonNode expected) {
    Signature signature = JSON.treeToValue(problem.get("signature"), Signature.class);
    List<TestCase> tests = new ArrayList<>();
    for (JsonNode t : problem.get("tests")) {
      tests.add(new TestCase(t.get("args")));
    }
    RunLimits limits =
        new RunLimits(
            RunLimits.DEFAULT_CPU_PER_TEST,
            Duration.ofSeconds(40),
            RunLimits.DEFAULT_MEMORY_BYTES,
            RunLimits.DEFAULT_MAX_PROCESSES,
            RunLimits.DEFAULT_OUTPUT_BYTES_PER_STREAM);
    if (expected.has("cpuPerTestMillis")) {
      limits =
          new RunLimits(
              Duration.ofMillis(expected.get("cpuPerTestMillis").asLong()),
              limits.wallPerRun(),
              limits.memoryBytes(),
              limits.maxProcesses(),
              limits.outputBytesPerStream());
    }
    return new ExecutionRequest(language, code, signature, tests, limits);
  }
}
