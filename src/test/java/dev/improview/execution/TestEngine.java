package dev.improview.execution;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.SandboxProperties;

/**
 * A real engine over a real sandbox for one test class: started in {@code @BeforeAll}, closed in
 * {@code @AfterAll}, in the reverse order of its parts.
 */
final class TestEngine implements AutoCloseable {

  final ProcessSandbox sandbox;
  final HarnessFiles harness;
  final ExecutionEngine engine;

  private TestEngine(SandboxProperties sandboxProperties, ExecutionProperties properties) {
    this.sandbox = ProcessSandbox.create(sandboxProperties);
    this.harness = new HarnessFiles(properties);
    this.engine = new ExecutionEngine(sandbox, harness, properties);
  }

  static TestEngine start(SandboxProperties sandboxProperties, ExecutionProperties properties) {
    return new TestEngine(sandboxProperties, properties);
  }

  ExecutionReport run(ExecutionRequest request) {
    return engine.run(request);
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      try {
        harness.close();
      } finally {
        sandbox.close();
      }
    }
  }
}
