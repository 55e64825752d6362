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

  /** Blocks until the tree's main process exits, or kills it at the wall / CPU limit. */
  SandboxExit awaitExit();

  /** Kills the process tree now (idempotent); {@link #awaitExit()} then returns promptly. */
  void kill();

  /** Kills every process of the run and releases its resources; afterwards none of them exists. */
  @Override
  void close();
}
