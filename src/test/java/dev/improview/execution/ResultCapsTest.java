package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a run may return is capped per test and in all, so a program cannot make the server hold (or
 * send back) more than the caps allow.
 */
class ResultCapsTest {

  private static ProcessSandbox sandbox;
  private static HarnessFiles harness;
  private static ExecutionEngine engine;

  @BeforeAll
  static void start() {
    sandbox = ProcessSandbox.create(SandboxProperties.defaults());
    ExecutionProperties properties =
        ExecutionProperties.defaults().withPrewarm(0, 1, 0).withJavaClassArchive(false);
    harness = new HarnessFiles(properties);
    engine = new ExecutionEngine(sandbox, harness, properties);
  }

  @AfterAll
  static void stop() {
    engine.close();
    harness.close();
    sandbox.close();
  }

  private static ExecutionReport run(Language language, String code, String returns, int tests) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    List<TestCase> cases = new ArrayList<>();
    for (int i = 0; i < tests; i++) {
      cases.add(new TestCase(nodes.arrayNode().add(i)));
    }
    return engine.run(
        new ExecutionRequest(
            language,
            code,
            new Signature(
                "solve",
                List.of(new Parameter("n", ValueType.parse("int"))),
                ValueType.parse(returns)),
            cases,
            RunLimits.defaults()));
  }

  @Test
  void aHugeReturnedValueIsAnOutputLimitNotAHugeReport() {
    ExecutionReport report =
        run(
            Language.JAVA,
            "class Solution { public int[][] solve(int n) { return new int[1390000][0]; } }",
            "int[][]",
            5);
    assertThat(report.tests().get(0).verdict()).isEqualTo(Verdict.OUTPUT_LIMIT_EXCEEDED);
    assertThat(report.tests().get(0).message()).contains("takes more than 1048576 bytes");
    assertThat(report.tests()).allSatisfy(test -> assertThat(test.actual()).isNull());
  }

  @Test
  void whatARunReturnsInAllIsCapped() {
    // Each value is under the per-test cap (1 MiB); together they pass the run's (4 MiB).
    ExecutionReport report =
        run(Language.PYTHON, "def solve(n):\n    return 'x' * 900_000\n", "string", 8);
    List<Verdict> verdicts = report.tests().stream().map(TestReport::verdict).toList();
    assertThat(verdicts.subList(0, 4)).containsOnly(Verdict.COMPLETED);
    assertThat(verdicts.get(4)).isEqualTo(Verdict.OUTPUT_LIMIT_EXCEEDED);
    assertThat(report.tests().get(4).message()).contains("add up to more than 4194304 bytes");
    assertThat(verdicts.subList(5, 8)).containsOnly(Verdict.NOT_RUN);
  }
}
