package dev.improview.execution.internal.sandbox;

import dev.improview.execution.Lane;

/** Runs untrusted programs in fresh, single-use, isolated process trees. */
public interface Sandbox {

  /**
   * Keeps {@code size} processes of this spec started ahead of time (single use, refilled off the
   * critical path). Size 0 stops pre-starting for the spec.
   */
  void prewarm(ProcessSpec spec, int size);

  /**
   * Hands the caller one started process of this spec, exclusively. Limits apply from this moment:
   * wall time, CPU time consumed after acquire, and the stdout/stderr caps. The caller must close
   * it.
   *
   * @throws SandboxBusyException when no capacity frees up within the configured queue wait
   */
  default SandboxProcess acquire(ProcessSpec spec, SandboxLimits limits) {
    return acquire(spec, limits, Lane.INTERACTIVE);
  }

  /**
   * As {@link #acquire(ProcessSpec, SandboxLimits)}, drawing on the lane's own capacity: background
   * work never takes a slot an interactive run could have.
   */
  SandboxProcess acquire(ProcessSpec spec, SandboxLimits limits, Lane lane);

  /** What isolation this machine offers (probed and logged at start-up). */
  IsolationReport isolation();
}
