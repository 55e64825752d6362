package dev.improview.execution.internal.sandbox;

import java.io.InputStream;
import java.io.OutputStream;

/** One started, single-use sandboxed process tree, owned by one caller. */
public interface SandboxProcess extends AutoCloseable {

  OutputStream stdin();

  /**
   * Stdout bytes as they come; once more than {@code stdoutBytes} have arrived the process tree is
   * killed and the stream ends (the bytes beyond the cap are not returned).
   */
  InputStream stdout();

  /** Stderr captured so far, at most {@code stderrBytes}; more than that kills the process tree. */
  byte[] stderr();

  /**
   * CPU time used since acquire by every process and thread of the run, as the kernel accounts it
   * (the run's cgroup; without cgroups, the main process and its descendants). Never a figure the
   * sandboxed code could change.
   */
  long cpuNanos();

  /**
   * Starts a phase with its own CPU budget: once the run has used {@code budgetNanos} more CPU time
   * than at this call, the watchdog kills the tree and {@link SandboxExit#phaseCpuLimitExceeded()}
   * is set. A later call replaces the budget.
   *
   * @return the CPU time at the start of the phase, as {@link #cpuNanos()} counts it
   */
  long startPhase(long budgetNanos);

  /** Blocks until the tree's main process exits, or kills it at the wall / CPU limit. */
  SandboxExit awaitExit();

  /** Kills the process tree now (idempotent); {@link #awaitExit()} then returns promptly. */
  void kill();

  /** Kills every process of the run and releases its resources; afterwards none of them exists. */
  @Override
  void close();

  /**
   * Sends every process of the run SIGKILL now and finishes {@link #close()} in the background, so
   * a caller whose answer is ready does not wait for the kernel to tear the tree down. The run's
   * resources (its admission slot, its cgroup, its replacement in the pool) are released only once
   * none of its processes exists.
   */
  default void closeSoon() {
    close();
  }
}
