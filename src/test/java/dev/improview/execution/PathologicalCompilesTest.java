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
    // Generic calls nested in conditionals: javac's inference doubles its work at every level
    // (8 levels took 4 s, 12 levels over a minute, measured cold), so 16 are far over any budget
    // on any machine. Merely deep nesting (60 List.of calls) grows polynomially and compiled
    // under a second on a fast machine.
    String nested = "n";
    for (int level = 0; level < 16; level++) {
      nested = "id(n > " + level + " ? id(" + nested + ") : id(n))";
    }
    ExecutionReport report =
        run(
            "class Solution {\n  static <T> T id(T t) {\n    return t;\n  }\n"
                + "  public int solve(int n) {\n    Object o = "
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
