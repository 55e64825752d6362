package dev.improview.attempt.internal;

import dev.improview.execution.EngineBusyException;
import dev.improview.platform.BlobStore;
import dev.improview.problem.Judge;
import dev.improview.problem.JudgeRejection;
import dev.improview.problem.ProblemCatalog;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Judges submissions and keeps them from being lost. A submission is judged under a lease this
 * instance renews every third of {@code improview.submissions.lease}; a request judges the one it
 * made on its own thread, and a sweep every {@code sweep-interval} claims queued submissions and
 * those whose runner's lease lapsed (it died), up to {@code sweep-runners} at a time. What a dead
 * runner left is judged again from its stored code; one claimed {@code max-claims} times fails to
 * run. Stopping gives back what this instance holds, so a restart or another instance takes it at
 * once.
 */
@Component
class SubmissionRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SubmissionRunner.class);

  private final SubmissionLedger ledger;
  private final SubmissionStore store;
  private final ProblemCatalog catalog;
  private final Judge judge;
  private final BlobStore blobs;
  private final ReportArchive reports;
  private final SubmissionProperties properties;
  private final String owner;
  private final Set<UUID> held = ConcurrentHashMap.newKeySet();
  private final Semaphore sweepSlots;
  private volatile ScheduledExecutorService schedule;
  private volatile ExecutorService sweepers;

  SubmissionRunner(
      SubmissionLedger ledger,
      SubmissionStore store,
      ProblemCatalog catalog,
      Judge judge,
      BlobStore blobs,
      ReportArchive reports,
      SubmissionProperties properties) {
    this.ledger = ledger;
    this.store = store;
    this.catalog = catalog;
    this.judge = judge;
    this.blobs = blobs;
    this.reports = reports;
    this.properties = properties;
    this.owner =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    this.sweepSlots = new Semaphore(properties.sweepRunners());
  }

  /** Who this instance is in {@code lease_owner}. */
  String owner() {
    return owner;
  }

  /**
   * Judges a submission this instance has claimed and writes its result; returns it as stored
   * afterwards ({@code queued} again when no sandbox was free). {@code code} is its code when the
   * caller has it at hand, else null (it is read from the blob store).
   */
  Submission judge(Submission submission, String code) {
    held.add(submission.id());
    Optional<Submission> finished;
    try {
      finished =
          judgeHeld(
              submission,
              code != null
                  ? Optional.of(code.getBytes(StandardCharsets.UTF_8))
                  : blobs.get(submission.codeKey()));
    } finally {
      held.remove(submission.id());
    }
    return finished.or(() -> store.find(submission.id())).orElseThrow();
  }

  /** Judges it; the submission as finished by this call, or empty when it ended otherwise. */
  private Optional<Submission> judgeHeld(Submission submission, Optional<byte[]> code) {
    var problem = catalog.findRevision(submission.problemId(), submission.problemVersion());
    if (code.isEmpty() || problem.isEmpty()) {
      log.error(
          "Submission {} cannot be judged: its {} is missing",
          submission.id(),
          code.isEmpty() ? "code (blob " + submission.codeKey() + ")" : "problem revision");
      ledger.fail(submission, owner, "It could not be judged: the server lost what it needs.");
      return Optional.empty();
    }
    try {
      var judgement =
          judge.allTests(
              problem.get(), submission.language(), new String(code.get(), StandardCharsets.UTF_8));
      if (SubmissionResult.isOurFault(judgement)) {
        log.error("Submission {} hit an internal error while judged", submission.id());
        ledger.fail(
            submission, owner, "It could not be judged: the runner failed (not your code).");
        return Optional.empty();
      }
      var report = reports.prepare(judgement);
      var finished = ledger.finish(submission, owner, SubmissionResult.of(judgement), report.key());
      if (finished.isEmpty()) {
        log.warn(
            "Submission {} was judged, but its lease had passed to another runner;"
                + " this result is dropped",
            submission.id());
      } else {
        reports.keep(report);
      }
      return finished;
    } catch (EngineBusyException e) {
      // Every sandbox is busy: back to the queue, for a sweep to judge when one frees up.
      store.release(submission.id(), owner);
    } catch (JudgeRejection e) {
      // Checked before it was stored; only a change of limits since can get here.
      ledger.fail(submission, owner, "It could not be judged: " + e.getBody().getDetail());
    } catch (RuntimeException e) {
      log.error("Submission {} could not be judged", submission.id(), e);
      ledger.fail(submission, owner, "It could not be judged: the server failed (not your code).");
    }
    return Optional.empty();
  }

  /** One sweep: fail the exhausted, then claim and judge what waits while slots are free. */
  void sweep() {
    try {
      for (var submission : store.exhausted(properties.maxClaims())) {
        ledger.fail(
            submission,
            null,
            "It could not be judged: the server judging it stopped "
                + submission.claims()
                + (submission.claims() == 1 ? " time" : " times")
                + ". Submit it again.");
      }
      while (sweepSlots.tryAcquire()) {
        var claimed = store.claimNext(owner, properties.lease(), properties.maxClaims());
        if (claimed.isEmpty()) {
          sweepSlots.release();
          return;
        }
        log.info(
            "Judging submission {} (claim {}) left by a runner that stopped or was busy",
            claimed.get().id(),
            claimed.get().claims());
        held.add(claimed.get().id());
        sweepers.execute(
            () -> {
              try {
                judge(claimed.get(), null);
              } finally {
                sweepSlots.release();
              }
            });
      }
    } catch (RuntimeException e) {
      log.warn("A sweep for submissions failed; the next one tries again", e);
    }
  }

  private void renew() {
    try {
      List<UUID> ids = List.copyOf(held);
      store.renew(owner, ids, properties.lease());
    } catch (RuntimeException e) {
      log.warn("Could not renew submission leases; they lapse if this keeps failing", e);
    }
  }

  @Override
  public void start() {
    schedule = Executors.newScheduledThreadPool(1, threads("submission-leases"));
    sweepers = Executors.newFixedThreadPool(properties.sweepRunners(), threads("submission-sweep"));
    long renewMillis = Math.max(100, properties.lease().toMillis() / 3);
    schedule.scheduleWithFixedDelay(this::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    long sweepMillis = properties.sweepInterval().toMillis();
    schedule.scheduleWithFixedDelay(this::sweep, 0, sweepMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    var scheduled = schedule;
    var running = sweepers;
    schedule = null;
    sweepers = null;
    if (scheduled != null) {
      scheduled.shutdownNow();
    }
    if (running != null) {
      running.shutdownNow();
    }
    // Whatever is still held goes back to the queue for the next instance up.
    for (var id : List.copyOf(held)) {
      try {
        store.release(id, owner);
      } catch (RuntimeException e) {
        log.warn("Could not give back submission {}; its lease will lapse", id, e);
      }
    }
  }

  @Override
  public boolean isRunning() {
    return schedule != null;
  }

  // Stops after the web server (graceful shutdown lets requests judging their submissions
  // finish first), before the database pool closes.
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  private static ThreadFactory threads(String name) {
    var count = new AtomicInteger();
    return task -> {
      var thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
