package dev.improview.execution.internal.sandbox;

import java.time.Duration;

/** Per-run limits that start counting when the process is acquired. */
public record SandboxLimits(Duration wall, Duration cpu, long stdoutBytes, long stderrBytes) {

  public SandboxLimits {
    if (wall == null || wall.isNegative() || wall.isZero()) {
      throw new IllegalArgumentException("wall <= 0: " + wall);
    }
    if (cpu == null || cpu.isNegative() || cpu.isZero()) {
      throw new IllegalArgumentException("cpu <= 0: " + cpu);
    }
    if (stdoutBytes <= 0) {
      throw new IllegalArgumentException("stdoutBytes <= 0: " + stdoutBytes);
    }
    if (stderrBytes <= 0) {
      throw new IllegalArgumentException("stderrBytes <= 0: " + stderrBytes);
    }
  }
}
