package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.sandbox.IsolationReport;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.ProcessSpec;
import dev.improview.execution.internal.sandbox.Sandbox;
import dev.improview.execution.internal.sandbox.SandboxLimits;
import dev.improview.execution.internal.sandbox.SandboxProcess;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A runtime that dies before it has compiled the code ran none of the user's: the engine gives the
 * run one fresh process, and only a second death is reported as ours. Code that ends its own
 * process is never given a second run.
 */
class HarnessStartRetryTest {

  private static final Signature SIGNATURE =
      new Signature(
          "solve", List.of(new Parameter("n", ValueType.parse("int"))), ValueType.parse("int"));

  private static ProcessSandbox real;
  private static HarnessFiles harness;
  private static ExecutionEngine engine;

  /** Acquisitions so far, and how many of the first ones are handed over already dead. */
  private static final AtomicInteger acquired = new AtomicInteger();

  private static final AtomicInteger deadOnes = new AtomicInteger();

  private ListAppender<ILoggingEvent> log;

  @BeforeAll
  static void start() {
    real = ProcessSandbox.create(SandboxProperties.defaults().withMode("strict"));
    Sandbox dying =
        new Sandbox() {
          @Override
          public void prewarm(ProcessSpec spec, int size) {
            real.prewarm(spec, size);
          }

          @Override
          public SandboxProcess acquire(ProcessSpec spec, SandboxLimits limits, Lane lane) {
            SandboxProcess process = real.acquire(spec, limits, lane);
            // Only the candidates' runs are counted; the server's own background work is not.
            if (lane == Lane.INTERACTIVE && acquired.incrementAndGet() <= deadOnes.get()) {
              // The runtime died on its own while waiting for its job.
              process.kill();
              process.awaitExit();
            }
            return process;
          }

          @Override
          public IsolationReport isolation() {
            return real.isolation();
          }
        };
    ExecutionProperties properties =
        ExecutionProperties.defaults().withPrewarm(0, 0, 0).withJavaClassArchive(false);
    harness = new HarnessFiles(properties);
    engine = new ExecutionEngine(dying, harness, properties);
  }

  @AfterAll
  static void stop() {
    engine.close();
    harness.close();
    real.close();
  }

  @BeforeEach
  void captureLog() {
    acquired.set(0);
    log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger("dev.improview.execution")).addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    ((Logger) LoggerFactory.getLogger("dev.improview.execution")).detachAppender(log);
  }

  private static ExecutionReport run(String code) {
    return engine.run(
        new ExecutionRequest(
            Language.JAVASCRIPT,
            code,
            SIGNATURE,
            List.of(new TestCase(JsonNodeFactory.instance.arrayNode().add(7))),
            RunLimits.defaults()));
  }

  private List<ILoggingEvent> warnings() {
    return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
  }

  @Test
  void aRuntimeThatDiedBeforeCompilingIsReplacedOnce() {
    deadOnes.set(1);
    TestReport test = run("function solve(n) { return n * 6; }").tests().get(0);

    assertThat(test.verdict()).as(test.toString()).isEqualTo(Verdict.COMPLETED);
    assertThat(test.actual().asInt()).isEqualTo(42);
    assertThat(acquired).hasValue(2);
    assertThat(warnings()).isEmpty();
  }

  @Test
  void twoDeathsInARowAreOursAndLogged() {
    deadOnes.set(5);
    ExecutionReport report = run("function solve(n) { return n; }");

    assertThat(report.verdict()).isEqualTo(Verdict.INTERNAL_ERROR);
    assertThat(acquired).as("one retry, never more").hasValue(2);
    assertThat(warnings())
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("2 times in a row"));
  }

  @Test
  void codeThatEndsItsOwnProcessGetsNoSecondRun() {
    deadOnes.set(0);
    TestReport test = run("process.exit(0);\nfunction solve(n) { return n; }").tests().get(0);

    assertThat(test.verdict()).as(test.toString()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(acquired).hasValue(1);
  }

  @Test
  void aCompileErrorGetsNoSecondRun() {
    deadOnes.set(0);
    ExecutionReport report = run("function solve(n) { return n; ");

    assertThat(report.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(acquired).hasValue(1);
  }
}
