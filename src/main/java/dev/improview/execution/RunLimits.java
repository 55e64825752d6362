package dev.improview.execution;

import java.time.Duration;

/**
 * Limits of one run. {@code memoryBytes} is what the solution itself may use; the engine adds a
 * per-language allowance for the runtime (the JVM and its in-process compiler need far more than
 * node or python), see {@code improview.execution.*-runtime-overhead}. CPU time decides a test's
 * time limit; {@code wallPerTest} is only the watchdog for a test that does not use its CPU (it
 * sleeps, or the machine is busy): null is the engine's rule, twice the CPU limit plus {@code
 * improview.execution.test-slack}.
 */
public record RunLimits(
    Duration cpuPerTest,
    Duration wallPerRun,
    long memoryBytes,
    int maxProcesses,
    int outputBytesPerStream,
    Duration wallPerTest) {

  public static final Duration DEFAULT_CPU_PER_TEST = Duration.ofSeconds(2);
  public static final Duration DEFAULT_WALL_PER_RUN = Duration.ofSeconds(10);
  public static final long DEFAULT_MEMORY_BYTES = 256L * 1024 * 1024;
  public static final int DEFAULT_MAX_PROCESSES = 64;
  public static final int DEFAULT_OUTPUT_BYTES_PER_STREAM = 64 * 1024;

  public RunLimits {
    if (cpuPerTest == null || cpuPerTest.isNegative() || cpuPerTest.isZero()) {
      throw new IllegalArgumentException("cpuPerTest <= 0: " + cpuPerTest);
    }
    if (wallPerRun == null || wallPerRun.isNegative() || wallPerRun.isZero()) {
      throw new IllegalArgumentException("wallPerRun <= 0: " + wallPerRun);
    }
    if (memoryBytes < 16L * 1024 * 1024) {
      throw new IllegalArgumentException("memoryBytes < 16 MiB: " + memoryBytes);
    }
    if (maxProcesses < 1) {
      throw new IllegalArgumentException("maxProcesses < 1: " + maxProcesses);
    }
    if (outputBytesPerStream < 1) {
      throw new IllegalArgumentException("outputBytesPerStream < 1: " + outputBytesPerStream);
    }
    if (wallPerTest != null && (wallPerTest.isNegative() || wallPerTest.isZero())) {
      throw new IllegalArgumentException("wallPerTest <= 0: " + wallPerTest);
    }
  }

  /** Limits whose per-test wall-clock watchdog is the engine's: twice the CPU limit plus slack. */
  public RunLimits(
      Duration cpuPerTest,
      Duration wallPerRun,
      long memoryBytes,
      int maxProcesses,
      int outputBytesPerStream) {
    this(cpuPerTest, wallPerRun, memoryBytes, maxProcesses, outputBytesPerStream, null);
  }

  /** 2 s CPU per test, 10 s wall per run, 256 MiB, 64 processes, 64 KiB per output stream. */
  public static RunLimits defaults() {
    return new RunLimits(
        DEFAULT_CPU_PER_TEST,
        DEFAULT_WALL_PER_RUN,
        DEFAULT_MEMORY_BYTES,
        DEFAULT_MAX_PROCESSES,
        DEFAULT_OUTPUT_BYTES_PER_STREAM);
  }
}
