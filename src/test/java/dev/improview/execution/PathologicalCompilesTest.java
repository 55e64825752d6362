package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Code that is hard to compile is the code's problem: over the compile budget it is a COMPILE_ERROR
 * that says so (never our INTERNAL_ERROR), and a compiler that gives up says why.
 */
class PathologicalCompilesTest {

  private static final Signature SIGNATURE =
      new Signature(
          "solve", List.of(new Parameter("n", ValueType.parse("int"))), ValueType.parse("int"));

  private static TestEngine engine;

  @BeforeAll
  static void start() {
    // A one-second compile budget, so a pathological compile reaches it quickly on any machine.
    engine =
        TestEngine.start(
            SandboxProperties.defaults(),
            ExecutionProperties.defaults()
                .withPrewarm(0, 0, 1)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static ExecutionReport run(String code) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return engine.run(
        new ExecutionRequest(
            Language.JAVA,
            code,
            SIGNATURE,
            List.of(new TestCase(nodes.arrayNode().add(1))),
            RunLimits.defaults()));
  }

  @Test
  void aCompileOverItsBudgetIsACompileErrorThatSaysSo() {
    // Nested generic calls make javac's type inference explode.
    String nested = "List.of(".repeat(60) + "1" + ")".repeat(60);
    ExecutionReport report =
        run(
            "import java.util.*;\nclass Solution {\n  public int solve(int n) {\n    Object o = "
                + nested
                + ";\n    return n;\n  }\n}\n");
    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(report.diagnostics().get(0).message()).startsWith("Compilation");
  }

  @Test
  void aVeryLongExpressionCompilesOrSaysWhyNot() {
    String sum = "n" + "+1".repeat(20_000);
    ExecutionReport report =
        run("class Solution {\n  public int solve(int n) {\n    return " + sum + ";\n  }\n}\n");
    if (report.verdict() == Verdict.COMPILE_ERROR) {
      assertThat(report.diagnostics().get(0).message())
          .as(report.toString())
          .isNotEqualTo("compilation failed")
          .isNotBlank();
    } else {
      assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.COMPLETED);
      assertThat(report.tests().get(0).actual().asInt()).isEqualTo(20_001);
    }
  }
}
