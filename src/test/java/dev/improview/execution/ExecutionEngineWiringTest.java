package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.improview.execution.internal.harness.ExecutionProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The module wires itself from Spring properties, defaults included, and runs code. */
class ExecutionEngineWiringTest {

  @Configuration(proxyBeanMethods = false)
  @ComponentScan("dev.improview.execution")
  @EnableConfigurationProperties(ExecutionProperties.class)
  static class Module {}

  @Test
  void bindsDefaultsAndOverridesAndRunsAPythonSolution() {
    new ApplicationContextRunner()
        .withUserConfiguration(Module.class)
        .withPropertyValues(
            "improview.execution.prewarm-java=0",
            "improview.execution.max-code-bytes=200",
            "improview.execution.test-slack=3s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ExecutionProperties properties = context.getBean(ExecutionProperties.class);
              assertThat(properties.maxCodeBytes()).isEqualTo(200);
              assertThat(properties.testSlack()).isEqualTo(Duration.ofSeconds(3));
              assertThat(properties.compileTimeout()).isEqualTo(Duration.ofSeconds(10));
              assertThat(properties.javaOptions()).contains("-XX:+UseSerialGC", "-Xlog:disable");
              assertThat(properties.pythonPath().toString()).isEqualTo("/usr/bin/python3");
              assertThat(properties.javaHome()).isEqualTo(System.getProperty("java.home"));

              ExecutionEngine engine = context.getBean(ExecutionEngine.class);
              JsonMapper json = JsonMapper.builder().build();
              Signature signature =
                  new Signature(
                      "addUp",
                      List.of(
                          new Parameter("a", ValueType.parse("long")),
                          new Parameter("b", ValueType.parse("long"))),
                      ValueType.parse("long"));
              ExecutionReport report =
                  engine.run(
                      new ExecutionRequest(
                          Language.PYTHON,
                          "def add_up(a, b):\n    return a + b\n",
                          signature,
                          List.of(new TestCase(json.readTree("[40, 2]"))),
                          RunLimits.defaults()));
              assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.COMPLETED);
              assertThat(report.tests().get(0).actual().asLong()).isEqualTo(42);

              String tooLong = "#".repeat(201);
              assertThatThrownBy(
                      () ->
                          engine.run(
                              new ExecutionRequest(
                                  Language.PYTHON,
                                  tooLong,
                                  signature,
                                  List.of(new TestCase(json.readTree("[1, 2]"))),
                                  RunLimits.defaults())))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("code is larger than 200 bytes: 201");
            });
  }
}
