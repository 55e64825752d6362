package dev.improview.execution.internal.sandbox;

import static dev.improview.execution.internal.sandbox.SandboxRuns.generous;
import static dev.improview.execution.internal.sandbox.SandboxRuns.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessSandboxPoolTest {

  private static final Path HARNESS = SandboxRuns.harnessDir();
  // Waits for its job on stdin, like a harness, then answers with its pid namespace's view.
  private static final String ECHO =
      "import sys, os\nline = sys.stdin.readline()\nprint('got', line.strip(), os.getpid(), flush=True)";

  @Test
  void prewarmedProcessesAreHandedOutOnceAndRefilled() throws Exception {
    try (ProcessSandbox sandbox = ProcessSandbox.create(SandboxProperties.defaults())) {
      ProcessSpec spec = python(HARNESS, ECHO);
      sandbox.prewarm(spec, 2);
      awaitReady(sandbox, spec, 2);

      long first;
      long second;
      try (SandboxProcess a = sandbox.acquire(spec, generous());
          SandboxProcess b = sandbox.acquire(spec, generous())) {
        first = ((SandboxedProcess) a).pid();
        second = ((SandboxedProcess) b).pid();
        assertThat(answer(a, "job-a")).startsWith("got job-a");
        assertThat(answer(b, "job-b")).startsWith("got job-b");
      }
      awaitReady(sandbox, spec, 2);
      try (SandboxProcess c = sandbox.acquire(spec, generous())) {
        assertThat(((SandboxedProcess) c).pid()).isNotIn(first, second);
        assertThat(answer(c, "job-c")).startsWith("got job-c");
      }
    }
  }

  // How much faster a prewarmed process answers is the benchmark's figure (bench/run.sh), not a
  // timed assertion on a shared machine; here: the acquire takes the prewarmed process.
  @Test
  void acquiringTakesTheProcessPrewarmedForItsSpec() throws Exception {
    try (ProcessSandbox sandbox = ProcessSandbox.create(SandboxProperties.defaults())) {
      ProcessSpec spec = python(HARNESS, ECHO);
      sandbox.prewarm(spec, 1);
      awaitReady(sandbox, spec, 1);
      try (SandboxProcess process = sandbox.acquire(spec, generous())) {
        assertThat(sandbox.ready(spec)).isZero();
        assertThat(answer(process, "warm")).startsWith("got warm");
      }
    }
  }

  @Test
  void beyondCapacityACallerWaitsTheQueueWaitThenIsToldBusy() {
    SandboxProperties properties =
        SandboxProperties.defaults().withCapacity(1, Duration.ofMillis(300));
    try (ProcessSandbox sandbox = ProcessSandbox.create(properties)) {
      ProcessSpec spec = python(HARNESS, ECHO);
      try (SandboxProcess held = sandbox.acquire(spec, generous())) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> sandbox.acquire(spec, generous()))
            .isInstanceOf(SandboxBusyException.class)
            .satisfies(e -> assertThat(((SandboxBusyException) e).retryAfter()).isPositive());
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(290L, 2000L);
      }
      try (SandboxProcess next = sandbox.acquire(spec, generous())) {
        assertThat(answer(next, "after")).startsWith("got after");
      }
    }
  }

  @Test
  void pastMaxQueuedWaitersACallerIsToldBusyAtOnce() throws Exception {
    SandboxProperties properties =
        SandboxProperties.defaults().withCapacity(1, Duration.ofSeconds(30)).withMaxQueued(1);
    try (ProcessSandbox sandbox = ProcessSandbox.create(properties)) {
      ProcessSpec spec = python(HARNESS, ECHO);
      ExecutorService waiter = Executors.newSingleThreadExecutor();
      try {
        SandboxProcess held = sandbox.acquire(spec, generous());
        Future<String> queued =
            waiter.submit(
                () -> {
                  try (SandboxProcess next = sandbox.acquire(spec, generous())) {
                    return answer(next, "queued");
                  }
                });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sandbox.waiting() < 1 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertThat(sandbox.waiting()).isEqualTo(1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> sandbox.acquire(spec, generous()))
            .isInstanceOf(SandboxBusyException.class)
            .hasMessageContaining("1 runs already waiting");
        // Told at once, not after the 30 s queue wait.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000L);

        held.close();
        assertThat(queued.get(30, TimeUnit.SECONDS)).startsWith("got queued");
      } finally {
        waiter.shutdownNow();
      }
    }
  }

  private static String answer(SandboxProcess process, String job) {
    try {
      OutputStream in = process.stdin();
      in.write((job + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = process.stdout().read()) >= 0 && b != '\n') {
        line.append((char) b);
      }
      return line.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void awaitReady(ProcessSandbox sandbox, ProcessSpec spec, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sandbox.ready(spec) < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(sandbox.ready(spec)).isEqualTo(count);
  }
}
