package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The Java class archive end to end: made by a training run in the real sandbox, then mapped by the
 * JVMs of later Java runs (seen from inside, in the run's own /proc/self/maps), whose verdicts are
 * unchanged by it.
 */
class JavaClassArchiveTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Signature SIGNATURE =
      new Signature(
          "solve", List.of(new Parameter("n", ValueType.parse("int"))), ValueType.parse("string"));

  // Returns "harness.jsa" when its own JVM has our class archive mapped, else "".
  private static final String MAPS =
      "import java.nio.file.*; import java.util.stream.*;\n"
          + "class Solution { public String solve(int n) throws Exception {"
          + " return Files.readAllLines(Path.of(\"/proc/self/maps\")).stream()"
          + ".filter(l -> l.endsWith(\"/harness.jsa\")).map(l -> l.substring(l.lastIndexOf('/') + 1))"
          + ".distinct().sorted().collect(Collectors.joining(\",\")); } }";

  private static ProcessSandbox sandbox;
  private static HarnessFiles harness;

  @BeforeAll
  static void start() {
    sandbox = ProcessSandbox.create(SandboxProperties.defaults());
    harness = new HarnessFiles(ExecutionProperties.defaults());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    harness.close();
  }

  @Test
  void javaRunsMapTheArchiveOnceItIsReadyAndKeepTheirVerdicts() throws Exception {
    ExecutionProperties properties =
        ExecutionProperties.defaults()
            .withPrewarm(0, 0, 1)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5));
    try (ExecutionEngine engine = new ExecutionEngine(sandbox, harness, properties)) {
      assertThat(engine.javaClassArchiveReady().get(120, TimeUnit.SECONDS)).isTrue();

      ExecutionReport mapped = engine.run(request(MAPS));
      assertThat(mapped.tests().get(0).actual()).hasToString("\"harness.jsa\"");
      assertThat(mapped.verdict()).as(mapped.toString()).isEqualTo(Verdict.COMPLETED);

      ExecutionReport other =
          engine.run(request("class Solution { public String solve(int n) { return \"no\"; } }"));
      assertThat(other.tests().get(0).actual()).hasToString("\"no\"");

      ExecutionReport broken = engine.run(request("class Solution { int x = ; }"));
      assertThat(broken.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
      assertThat(broken.diagnostics()).isNotEmpty();
    }
  }

  @Test
  void switchedOffJavaRunsMapNoArchiveOfOurs() throws Exception {
    ExecutionProperties properties =
        ExecutionProperties.defaults()
            .withPrewarm(0, 0, 0)
            .withJavaClassArchive(false)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5));
    try (ExecutionEngine engine = new ExecutionEngine(sandbox, harness, properties)) {
      assertThat(engine.javaClassArchiveReady().get(1, TimeUnit.SECONDS)).isFalse();
      ExecutionReport report = engine.run(request(MAPS));
      assertThat(report.tests().get(0).actual()).hasToString("\"\"");
      assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.COMPLETED);
    }
  }

  private static ExecutionRequest request(String code) {
    return new ExecutionRequest(
        Language.JAVA,
        code,
        SIGNATURE,
        List.of(new TestCase(NODES.arrayNode().add(1))),
        RunLimits.defaults());
  }
}
