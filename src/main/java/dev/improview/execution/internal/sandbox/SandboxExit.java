package dev.improview.execution.internal.sandbox;

/**
 * How a sandboxed process tree ended. {@code signal} is the signal that killed the main process
 * inside the sandbox, or 0 ({@code exitCode} is then its exit status; with bubblewrap a signal
 * death is seen as exit code 128 + signal). The limit flags say which of our limits ended it:
 * {@code cpuLimitExceeded} is the run's CPU backstop, {@code phaseCpuLimitExceeded} the budget of
 * the phase in progress ({@link SandboxProcess#startPhase}). {@code cpuMillis} is the kernel's
 * figure for the whole run since acquire.
 */
public record SandboxExit(
    int exitCode,
    int signal,
    boolean wallLimitExceeded,
    boolean cpuLimitExceeded,
    boolean phaseCpuLimitExceeded,
    boolean memoryLimitExceeded,
    boolean stdoutLimitExceeded,
    boolean stderrLimitExceeded,
    long wallMillis,
    long cpuMillis,
    long peakMemoryBytes) {

  /** True when one of the sandbox's limits ended the run. */
  public boolean limitExceeded() {
    return wallLimitExceeded
        || cpuLimitExceeded
        || phaseCpuLimitExceeded
        || memoryLimitExceeded
        || stdoutLimitExceeded
        || stderrLimitExceeded;
  }
}
