package dev.improview.execution.internal.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the job's lines to the harness's stdin on a thread of its own, in order, so a harness that
 * stops reading (user code stuck in a test) can never block the session's watchdog. {@link #end()}
 * closes stdin after the lines already queued.
 */
final class JobWriter implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(JobWriter.class);
  private static final byte[] END = new byte[0];

  private final OutputStream stdin;
  private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();

  JobWriter(OutputStream stdin) {
    this.stdin = stdin;
  }

  void send(byte[] line) {
    lines.add(line);
  }

  /** No more lines: stdin is closed once the queued ones are written. Idempotent. */
  void end() {
    lines.add(END);
  }

  @Override
  public void run() {
    try (stdin) {
      while (true) {
        byte[] line = lines.take();
        if (line == END) {
          return;
        }
        stdin.write(line);
        stdin.flush();
      }
    } catch (IOException e) {
      // The harness died or was killed; reading its stdout tells what happened.
      log.debug("writing the job failed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
