package dev.improview.execution.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SandboxConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(SandboxConfiguration.class);

  @TempDir Path temp;

  @Test
  void bindsEveryPropertyAndExposesTheSandboxBean() {
    context
        .withPropertyValues(
            "improview.sandbox.queue-wait=3s",
            "improview.sandbox.cpu-cores=0.5",
            "improview.sandbox.tmpfs-bytes=8388608",
            "improview.sandbox.shm-bytes=4194304",
            "improview.sandbox.bind-stage-dir=" + temp.resolve("binds"),
            "improview.sandbox.bwrap=/usr/bin/bwrap",
            "improview.sandbox.max-concurrent=3")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed().hasSingleBean(Sandbox.class);
              SandboxProperties properties = ctx.getBean(SandboxProperties.class);
              assertThat(properties.queueWait()).isEqualTo(Duration.ofSeconds(3));
              assertThat(properties.cpuCores()).isEqualTo(0.5);
              assertThat(properties.tmpfsBytes()).isEqualTo(8L << 20);
              assertThat(properties.shmBytes()).isEqualTo(4L << 20);
              assertThat(properties.bindStageDir()).isEqualTo(temp.resolve("binds"));
              assertThat(properties.bwrap()).isEqualTo(Path.of("/usr/bin/bwrap"));
              assertThat(ctx.getBean(ProcessSandbox.class).maxConcurrent()).isEqualTo(3);
            });
  }

  @Test
  void defaultsBoundBySpringEqualTheRecordsDefaults() {
    context.run(
        ctx ->
            assertThat(ctx.getBean(SandboxProperties.class))
                .isEqualTo(SandboxProperties.defaults()));
  }

  @Test
  void prodProfileWithoutBubblewrapFailsTheStartWithAClearMessage() {
    context
        .withPropertyValues(
            "spring.profiles.active=prod", "improview.sandbox.bwrap=/nonexistent/bwrap")
        .run(
            ctx ->
                assertThat(ctx)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("improview.sandbox.mode=strict"));
  }
}
