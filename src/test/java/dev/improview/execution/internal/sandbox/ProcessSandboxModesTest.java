package dev.improview.execution.internal.sandbox;

import static dev.improview.execution.internal.sandbox.SandboxRuns.limits;
import static dev.improview.execution.internal.sandbox.SandboxRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.improview.execution.internal.sandbox.SandboxRuns.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProcessSandboxModesTest {

  private static final Path HARNESS = SandboxRuns.harnessDir();
  private static final Path NO_BWRAP = Path.of("/nonexistent/bwrap");

  @Test
  void strictModeRefusesToStartWhenBubblewrapIsMissing() {
    SandboxProperties properties =
        SandboxProperties.defaults().withBwrap(NO_BWRAP).withMode("strict");

    assertThatThrownBy(() -> ProcessSandbox.create(properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("improview.sandbox.mode=strict")
        .hasMessageContaining("bubblewrap");
  }

  @Test
  void permissiveModeWithoutBubblewrapRunsPlainProcessesWithCleanEnvAndLimits() {
    SandboxProperties properties =
        SandboxProperties.defaults().withBwrap(NO_BWRAP).withMode("permissive");
    try (ProcessSandbox sandbox = ProcessSandbox.create(properties)) {
      assertThat(sandbox.isolation().backend()).isEqualTo("plain");
      assertThat(sandbox.isolation().missing())
          .extracting(IsolationReport.Check::layer)
          .contains("bubblewrap");
      ProcessSpec spec =
          new ProcessSpec(
              "plain",
              List.of(
                  SandboxRuns.PYTHON,
                  "-I",
                  "-S",
                  "-c",
                  "import os, sys, time\nprint(sorted(os.environ), sys.argv[1], flush=True)\ntime.sleep(60)",
                  "{harness}"),
              Map.of("ONLY", "this"),
              HARNESS,
              List.of(),
              128 * SandboxRuns.MIB,
              32);

      Outcome outcome = run(sandbox, spec, limits(Duration.ofMillis(700), Duration.ofSeconds(5)));

      assertThat(outcome.stdout()).contains("'ONLY'", HARNESS.toString());
      assertThat(outcome.stdout()).doesNotContain("'PATH'", "'HOME'");
      assertThat(outcome.exit().wallLimitExceeded()).isTrue();
      assertThat(outcome.hostMillis()).isLessThan(1700);
    }
  }

  @Test
  void autoModeIsStrictUnderTheProdProfileAndPermissiveOtherwise() {
    SandboxProperties properties = SandboxProperties.defaults().withBwrap(NO_BWRAP);
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThatThrownBy(() -> new SandboxConfiguration().sandbox(properties, prod))
        .isInstanceOf(IllegalStateException.class);
    try (ProcessSandbox local =
        new SandboxConfiguration().sandbox(properties, new MockEnvironment())) {
      assertThat(local.isolation().backend()).isEqualTo("plain");
    }
  }

  @Test
  void invalidSettingsAreRejectedNamingTheProperty() {
    assertThatThrownBy(() -> SandboxProperties.defaults().withMode("lenient"))
        .hasMessageContaining("mode");
    assertThatThrownBy(() -> SandboxProperties.defaults().withCapacity(-1, Duration.ZERO))
        .hasMessageContaining("maxConcurrent < 0");
    assertThatThrownBy(() -> new SandboxLimits(Duration.ZERO, Duration.ofSeconds(1), 1, 1))
        .hasMessageContaining("wall");
  }

  @Test
  void groupsLeftByADeadServerAreStaleAndOurOwnAreNot() {
    long self = ProcessHandle.current().pid();
    // No process has pid 2^22 + 1 on Linux (pid_max is at most 2^22).
    long dead = (1L << 22) + 1;
    assertThat(ProcessSandbox.isStaleGroup("s" + dead + "-3-17")).isTrue();
    assertThat(ProcessSandbox.isStaleGroup("s" + self + "-3-17")).isFalse();
    assertThat(ProcessSandbox.isStaleGroup("probe-" + dead)).isTrue();
    assertThat(ProcessSandbox.isStaleGroup("not-ours")).isFalse();
  }
}
