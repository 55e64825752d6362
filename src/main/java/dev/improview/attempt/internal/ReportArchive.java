package dev.improview.attempt.internal;

import dev.improview.platform.BlobStore;
import dev.improview.problem.Judgement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each judged submission's full report (every test's output and times) as a blob, written
 * after the candidate has their answer: the result that leaves the server is in the submission's
 * row, and the report is the audit copy behind it, so its write is kept off the answer's path. Its
 * key is known before the write (a blob's key is its content hash), so the row names it at once. A
 * crash between the answer and the write loses only that copy; stopping waits for pending writes.
 */
@Component
class ReportArchive implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReportArchive.class);
  private static final long DRAIN_SECONDS = 10;

  private final BlobStore blobs;
  private final JsonMapper json;
  private volatile ExecutorService writer;

  ReportArchive(BlobStore blobs, JsonMapper json) {
    this.blobs = blobs;
    this.json = json;
  }

  /** A report ready to be kept, and the key it will be kept under. */
  record Report(String key, byte[] bytes) {}

  /** {@code judgement}'s report and its key, not yet stored. */
  Report prepare(Judgement judgement) {
    var bytes = json.writeValueAsBytes(judgement);
    return new Report(BlobStore.keyOf(bytes), bytes);
  }

  /** Stores the report soon (at once while stopping or stopped). */
  void keep(Report report) {
    var pending = writer;
    if (pending == null) {
      write(report.bytes());
      return;
    }
    try {
      pending.execute(() -> write(report.bytes()));
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      write(report.bytes());
    }
  }

  private void write(byte[] bytes) {
    try {
      blobs.put(bytes);
    } catch (RuntimeException e) {
      log.error(
          "Could not store a submission report ({} bytes); its result is kept", bytes.length, e);
    }
  }

  @Override
  public void start() {
    writer =
        Executors.newSingleThreadExecutor(
            task -> {
              var thread = new Thread(task, "submission-reports");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void stop() {
    var pending = writer;
    writer = null;
    if (pending == null) {
      return;
    }
    pending.shutdown();
    try {
      if (!pending.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
        log.warn("Submission reports still being written after {} s; left", DRAIN_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return writer != null;
  }

  // Stops after the submission runner, so the reports of what it finished are written first.
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 8192;
  }
}
