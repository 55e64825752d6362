package dev.improview.execution.internal.sandbox;

import static dev.improview.execution.internal.sandbox.SandboxRuns.generous;
import static dev.improview.execution.internal.sandbox.SandboxRuns.limits;
import static dev.improview.execution.internal.sandbox.SandboxRuns.python;
import static dev.improview.execution.internal.sandbox.SandboxRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.sandbox.SandboxRuns.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProcessSandboxLimitsTest {

  private static ProcessSandbox sandbox;
  private static Path harness;

  @BeforeAll
  static void start() {
    sandbox = ProcessSandbox.create(SandboxProperties.defaults().withMode("strict"));
    harness = SandboxRuns.harnessDir();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void memoryBombIsKilledByTheCgroupAndFlagged() {
    String script = "chunks = []\nwhile True:\n    chunks.append(bytearray(16 * 1024 * 1024))\n";

    Outcome outcome = run(sandbox, python(harness, script), generous());

    assertThat(outcome.exit().memoryLimitExceeded()).isTrue();
    assertThat(outcome.exit().exitCode()).isNotZero();
    assertThat(outcome.exit().peakMemoryBytes()).isGreaterThan(64 * SandboxRuns.MIB);
    assertThat(outcome.hostMillis()).isLessThan(3000);
  }

  @Test
  void forkBombIsStoppedByThePidsLimitAndLeavesNothingBehind() {
    String script =
        """
        import os, time
        children = 0
        for _ in range(1000):
            try:
                if os.fork() == 0:
                    time.sleep(60)
                    os._exit(0)
                children += 1
            except OSError:
                break
        print("children", children, flush=True)
        time.sleep(60)
        """;

    long start = System.nanoTime();
    SandboxProcess process =
        sandbox.acquire(
            python(harness, script), limits(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    Map<Long, Long> pids;
    String line;
    try (process) {
      process.stdin().close();
      line = new String(readLine(process), StandardCharsets.UTF_8);
      pids = SandboxRuns.identities(((SandboxedProcess) process).groupPids());
      SandboxExit exit = process.awaitExit();
      assertThat(exit.wallLimitExceeded()).isTrue();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    assertThat(line).startsWith("children ");
    int children = Integer.parseInt(line.substring("children ".length()).strip());
    assertThat(children).isBetween(1, 32);
    assertThat(pids).isNotEmpty();
    assertThat(SandboxRuns.stillRunning(pids)).as("a process of %s", pids).isFalse();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
  }

  @Test
  void infiniteLoopIsKilledAtTheCpuLimit() {
    Outcome outcome =
        run(
            sandbox,
            python(harness, "while True: pass"),
            limits(Duration.ofSeconds(10), Duration.ofMillis(700)));

    assertThat(outcome.exit().cpuLimitExceeded()).isTrue();
    assertThat(outcome.exit().wallLimitExceeded()).isFalse();
    assertThat(outcome.exit().cpuMillis()).isBetween(700L, 1700L);
    // Wall time on the host also depends on what else shares the two cores.
    assertThat(outcome.hostMillis()).isLessThan(3000);
  }

  @Test
  void sleepingForeverIsKilledAtTheWallLimit() {
    Outcome outcome =
        run(
            sandbox,
            python(harness, "import time\ntime.sleep(3600)"),
            limits(Duration.ofMillis(800), Duration.ofSeconds(5)));

    assertThat(outcome.exit().wallLimitExceeded()).isTrue();
    assertThat(outcome.exit().cpuLimitExceeded()).isFalse();
    assertThat(outcome.exit().wallMillis()).isBetween(800L, 1800L);
  }

  @Test
  void stdoutFloodEndsTheStreamAtTheCapAndKills() {
    Outcome outcome =
        run(
            sandbox,
            python(harness, "import os\nwhile True: os.write(1, b'x' * 65536)"),
            new SandboxLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), 100_000, 4096));

    assertThat(outcome.exit().stdoutLimitExceeded()).isTrue();
    assertThat(outcome.stdout()).hasSize(100_000);
    assertThat(outcome.hostMillis()).isLessThan(2000);
  }

  @Test
  void stderrFloodIsCappedAndKills() {
    Outcome outcome =
        run(
            sandbox,
            python(harness, "import os\nwhile True: os.write(2, b'e' * 65536)"),
            new SandboxLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), 4096, 50_000));

    assertThat(outcome.exit().stderrLimitExceeded()).isTrue();
    assertThat(outcome.stderr()).hasSize(50_000);
    assertThat(outcome.hostMillis()).isLessThan(2000);
  }

  @Test
  void oneHugeFileHitsTheFileSizeLimitAndManyFilesFillOnlyTheTmpfs() {
    String script =
        """
        import os
        try:
            with open("/tmp/huge", "wb") as f:
                for _ in range(64):
                    f.write(b"x" * (1 << 20))
            print("huge written")
        except OSError as e:
            print("huge stopped", e.errno)
        os.remove("/tmp/huge")
        written = 0
        try:
            for i in range(1000):
                with open("/tmp/f%d" % i, "wb") as f:
                    f.write(b"y" * (1 << 20))
                written += 1
        except OSError as e:
            print("many stopped", e.errno, written)
        """;

    Outcome outcome = run(sandbox, python(harness, script), generous());

    // EFBIG (27) from RLIMIT_FSIZE, then ENOSPC (28) from the 16 MiB tmpfs.
    assertThat(outcome.stdout()).contains("huge stopped 27", "many stopped 28");
    assertThat(outcome.exit().limitExceeded()).isFalse();
  }

  @Test
  void daemonLeftBehindIsGoneAfterClose() throws Exception {
    // The daemon says it runs before the main process reports, so its pid is seen for sure.
    String script =
        """
        import os, sys, time
        r, w = os.pipe()
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.write(w, b"x")
                os.closerange(0, 3)
                time.sleep(3600)
            os._exit(0)
        os.read(r, 1)
        print("started", flush=True)
        sys.stdin.read()
        """;

    Map<Long, Long> pids;
    try (SandboxProcess process = sandbox.acquire(python(harness, script), generous())) {
      assertThat(new String(readLine(process), StandardCharsets.UTF_8)).isEqualTo("started");
      pids = SandboxRuns.identities(((SandboxedProcess) process).groupPids());
      assertThat(pids).hasSizeGreaterThanOrEqualTo(2);
      assertThat(SandboxRuns.stillRunning(pids)).isTrue();
      process.stdin().close();
      SandboxExit exit = process.awaitExit();
      assertThat(exit.exitCode()).isZero();
    }

    assertThat(SandboxRuns.stillRunning(pids)).as("a process of %s", pids).isFalse();
  }

  @Test
  void eachRunGetsItsOwnCgroupWhichIsRemovedAfterClose() throws Exception {
    List<Path> procs;
    try (SandboxProcess process = sandbox.acquire(python(harness, "print(1)"), generous())) {
      procs = ((SandboxedProcess) process).cgroupProcsFiles();
      assertThat(procs).isNotEmpty().allSatisfy(file -> assertThat(file).exists());
      process.stdin().close();
      process.awaitExit();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (procs.stream().anyMatch(Files::exists) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(procs).allSatisfy(file -> assertThat(file.getParent()).doesNotExist());
  }

  @Test
  void nodeRunsWithItsOwnMemoryLimitAndEnvironment() {
    ProcessSpec spec =
        new ProcessSpec(
            "node-env",
            List.of(SandboxRuns.NODE, "-e", "console.log(JSON.stringify(process.env))"),
            Map.of("A", "1"),
            harness,
            List.of(),
            256 * SandboxRuns.MIB,
            32);

    Outcome outcome = run(sandbox, spec, generous());

    assertThat(outcome.stdout().strip()).isEqualTo("{\"A\":\"1\",\"PWD\":\"/tmp\"}");
    assertThat(outcome.exit().exitCode()).isZero();
  }

  private static byte[] readLine(SandboxProcess process) throws java.io.IOException {
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    int b;
    while ((b = process.stdout().read()) >= 0 && b != '\n') {
      line.write(b);
    }
    return line.toByteArray();
  }
}
