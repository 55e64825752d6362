package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Capacity as the engine's callers see it: a run's clock starts when it gets its sandbox, never
 * while it waits for one, and background work has slots of its own.
 */
class EngineCapacityTest {

  private static final Signature SIGNATURE =
      new Signature(
          "solve", List.of(new Parameter("n", ValueType.parse("int"))), ValueType.parse("int"));

  private static ProcessSandbox sandbox;
  private static HarnessFiles harness;
  private static ExecutionEngine engine;
  private static final ExecutorService callers = Executors.newCachedThreadPool();

  @BeforeAll
  static void start() {
    // One interactive slot and one background slot, so who waits for whom is exact.
    sandbox =
        ProcessSandbox.create(
            SandboxProperties.defaults()
                .withCapacity(1, Duration.ofSeconds(60))
                .withBackgroundCapacity(1, Duration.ofSeconds(60)));
    ExecutionProperties properties =
        ExecutionProperties.defaults().withPrewarm(1, 1, 0).withJavaClassArchive(false);
    harness = new HarnessFiles(properties);
    engine = new ExecutionEngine(sandbox, harness, properties);
  }

  @AfterAll
  static void stop() {
    callers.shutdownNow();
    engine.close();
    harness.close();
    sandbox.close();
  }

  private static ExecutionRequest sleeping(double seconds, Duration wall) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return new ExecutionRequest(
        Language.PYTHON,
        "import time\ndef solve(n):\n    time.sleep(" + seconds + ")\n    return n\n",
        SIGNATURE,
        List.of(new TestCase(nodes.arrayNode().add(3))),
        new RunLimits(
            Duration.ofSeconds(2),
            wall,
            RunLimits.DEFAULT_MEMORY_BYTES,
            RunLimits.DEFAULT_MAX_PROCESSES,
            RunLimits.DEFAULT_OUTPUT_BYTES_PER_STREAM));
  }

  @Test
  void aRunThatWaitedForItsSandboxStillHasItsWholeWallLimit() throws Exception {
    // The first run holds the only interactive slot for 3.5 s; the second, which needs 0.3 s of its
    // 3 s wall limit, waits behind it. Counted from before the wait, it would run out of time.
    var holder =
        CompletableFuture.supplyAsync(
            () -> engine.run(sleeping(3.5, Duration.ofSeconds(20))), callers);
    awaitHolding();
    long start = System.nanoTime();
    ExecutionReport queued = engine.run(sleeping(0.3, Duration.ofSeconds(3)));
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(waited).as("it really waited behind the first run").isGreaterThan(3000);
    assertThat(queued.verdict()).as(queued.toString()).isEqualTo(Verdict.COMPLETED);
    assertThat(queued.wallMillis()).as("the wall time counts from the hand-over").isLessThan(3000);
    assertThat(holder.get(30, TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.COMPLETED);
  }

  @Test
  void backgroundWorkNeverTakesTheInteractiveSlot() throws Exception {
    // Background work holds the background slot; an interactive run still starts at once.
    var background =
        CompletableFuture.supplyAsync(
            () -> engine.run(sleeping(3.5, Duration.ofSeconds(20)), Lane.BACKGROUND), callers);
    Thread.sleep(500);
    long start = System.nanoTime();
    ExecutionReport interactive = engine.run(sleeping(0.1, Duration.ofSeconds(10)));
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(interactive.verdict()).as(interactive.toString()).isEqualTo(Verdict.COMPLETED);
    assertThat(took).as("not queued behind the background run").isLessThan(2500);
    assertThat(background.get(30, TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.COMPLETED);
  }

  // The holder has its sandbox once the interactive slot is taken (a short poll, bounded).
  private static void awaitHolding() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      var probe =
          CompletableFuture.supplyAsync(
              () -> engine.run(sleeping(0, Duration.ofSeconds(1))), callers);
      try {
        probe.get(300, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        probe.cancel(true);
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the first run never took the slot");
  }
}
