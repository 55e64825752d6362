package dev.improview.execution.internal.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started process tree: pre-started (idle, blocked on stdin) until acquired, then watched for
 * its wall, CPU and output limits until closed.
 */
final class SandboxedProcess implements SandboxProcess {

  private static final Logger log = LoggerFactory.getLogger(SandboxedProcess.class);

  /** Stderr kept before acquire (runtime start-up warnings); user code only runs after acquire. */
  private static final int STDERR_BEFORE_ACQUIRE = 64 * 1024;

  private final Process process;
  private final Cgroups.Group group;
  private final Path hostWorkDir;
  private final Duration killTimeout;
  private final ScheduledExecutorService scheduler;
  private final Executor reaper;
  private final Cleanup cleanup;
  private final InputStream stdout;
  private final ByteArrayOutputStream stderrBuffer = new ByteArrayOutputStream();
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile SandboxLimits limits;
  private volatile long acquiredAtNanos;
  private volatile long cpuBaselineNanos;
  private volatile ScheduledFuture<?> watchdog;
  private volatile Runnable onClose = () -> {};
  private volatile boolean wallExceeded;
  private volatile boolean cpuExceeded;
  private volatile boolean phaseCpuExceeded;
  private volatile long phaseCpuStart;
  private volatile long phaseCpuBudget = -1;
  private volatile boolean stdoutExceeded;
  private volatile boolean stderrExceeded;
  private long stderrSinceAcquire;
  private SandboxExit exit;

  /** What the sandbox does with a closed process's leftovers (cgroup directories, work dir). */
  interface Cleanup {
    void release(Cgroups.Group group, Path hostWorkDir);
  }

  SandboxedProcess(
      Process process,
      Cgroups.Group group,
      Path hostWorkDir,
      Duration killTimeout,
      ScheduledExecutorService scheduler,
      ExecutorService stderrDrainers,
      Executor reaper,
      Cleanup cleanup) {
    this.process = process;
    this.reaper = reaper;
    this.group = group;
    this.hostWorkDir = hostWorkDir;
    this.killTimeout = killTimeout;
    this.scheduler = scheduler;
    this.cleanup = cleanup;
    this.stdout = new CappedStdout(process.getInputStream());
    stderrDrainers.execute(this::drainStderr);
  }

  /** The host pid of the tree's main process. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Starts the limits' clocks; called once, when the process is handed to its caller. */
  void activate(SandboxLimits runLimits, Duration pollInterval, Runnable releaseOnClose) {
    this.onClose = releaseOnClose;
    this.cpuBaselineNanos = treeCpuNanos();
    this.acquiredAtNanos = System.nanoTime();
    synchronized (stderrBuffer) {
      stderrSinceAcquire = 0;
    }
    this.limits = runLimits;
    long period = pollInterval.toNanos();
    this.watchdog =
        scheduler.scheduleAtFixedRate(this::checkLimits, period, period, TimeUnit.NANOSECONDS);
  }

  private void checkLimits() {
    SandboxLimits current = limits;
    if (current == null || !process.isAlive()) {
      cancelWatchdog();
      return;
    }
    if (System.nanoTime() - acquiredAtNanos > current.wall().toNanos()) {
      wallExceeded = true;
      kill();
      return;
    }
    long cpu = cpuNanos();
    long budget = phaseCpuBudget;
    if (cpu > current.cpu().toNanos()) {
      cpuExceeded = true;
      kill();
    } else if (budget >= 0 && cpu - phaseCpuStart > budget) {
      phaseCpuExceeded = true;
      kill();
    }
  }

  @Override
  public long cpuNanos() {
    return Math.max(0, treeCpuNanos() - cpuBaselineNanos);
  }

  @Override
  public long startPhase(long budgetNanos) {
    if (budgetNanos < 0) {
      throw new IllegalArgumentException("budgetNanos < 0: " + budgetNanos);
    }
    long now = cpuNanos();
    phaseCpuStart = now;
    phaseCpuBudget = budgetNanos;
    return now;
  }

  private long treeCpuNanos() {
    if (group != null) {
      return group.cpuNanos();
    }
    // Degraded mode: the main process and whatever it started that is still alive.
    long total = cpuOf(process.toHandle());
    total += process.descendants().mapToLong(SandboxedProcess::cpuOf).sum();
    return total;
  }

  private static long cpuOf(ProcessHandle handle) {
    return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public InputStream stdout() {
    return stdout;
  }

  @Override
  public byte[] stderr() {
    synchronized (stderrBuffer) {
      return stderrBuffer.toByteArray();
    }
  }

  private void drainStderr() {
    byte[] chunk = new byte[8192];
    try (InputStream err = process.getErrorStream()) {
      int n;
      while ((n = err.read(chunk)) >= 0) {
        boolean overCap = false;
        synchronized (stderrBuffer) {
          SandboxLimits current = limits;
          long cap = current == null ? STDERR_BEFORE_ACQUIRE : current.stderrBytes();
          long room =
              Math.max(0, cap - (current == null ? stderrBuffer.size() : stderrSinceAcquire));
          stderrBuffer.write(chunk, 0, (int) Math.min(room, n));
          if (current != null) {
            stderrSinceAcquire += n;
            overCap = stderrSinceAcquire > cap;
          }
        }
        if (overCap) {
          stderrExceeded = true;
          kill();
          return;
        }
      }
    } catch (IOException e) {
      // The pipe closes when the process is killed; what arrived is kept.
    }
  }

  @Override
  public SandboxExit awaitExit() {
    synchronized (this) {
      if (exit != null) {
        return exit;
      }
    }
    boolean interrupted = false;
    while (true) {
      try {
        process.waitFor();
        break;
      } catch (InterruptedException e) {
        // The caller gave up: the run must not outlive it.
        interrupted = true;
        kill();
      }
    }
    cancelWatchdog();
    long wallNanos = System.nanoTime() - acquiredAtNanos;
    long cpu = cpuNanos();
    int code = process.exitValue();
    int signal = code > 128 && code <= 128 + 64 ? code - 128 : 0;
    boolean oom = group != null && group.oomKilled();
    SandboxExit result =
        new SandboxExit(
            code,
            signal,
            wallExceeded,
            cpuExceeded,
            phaseCpuExceeded,
            oom,
            stdoutExceeded,
            stderrExceeded,
            TimeUnit.NANOSECONDS.toMillis(wallNanos),
            TimeUnit.NANOSECONDS.toMillis(cpu),
            group == null ? 0 : group.peakMemoryBytes());
    synchronized (this) {
      if (exit == null) {
        exit = result;
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return exit;
    }
  }

  @Override
  public void kill() {
    if (group != null) {
      group.killAll(killTimeout);
    } else {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    process.destroyForcibly();
  }

  /** Pids in the run's cgroup now (empty without cgroups); for tests and diagnostics. */
  List<Long> groupPids() {
    return group == null ? List.of() : group.pids();
  }

  List<Path> cgroupProcsFiles() {
    return group == null ? List.of() : group.procsFiles();
  }

  /** True when no process of this run exists any more. */
  boolean treeGone() {
    if (process.isAlive()) {
      return false;
    }
    return group != null ? group.pids().isEmpty() : process.descendants().findAny().isEmpty();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      cancelWatchdog();
      kill();
      try {
        process.waitFor(killTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!treeGone()) {
        // Only a process stuck in the kernel survives SIGKILL this long; it can run no user code.
        log.warn("a sandboxed run still has processes {} after {}", groupPids(), killTimeout);
      }
      closeQuietly(process.getOutputStream());
      closeQuietly(process.getInputStream());
      closeQuietly(process.getErrorStream());
    } finally {
      try {
        cleanup.release(group, hostWorkDir);
      } finally {
        onClose.run();
      }
    }
  }

  @Override
  public void closeSoon() {
    if (closed.get()) {
      return;
    }
    cancelWatchdog();
    // One pass of SIGKILL: in a pid namespace the kernel takes down the whole tree with its first
    // process; close() below kills (and waits for) anything still there.
    if (group != null) {
      for (long pid : group.pids()) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    process.destroyForcibly();
    try {
      reaper.execute(this::close);
    } catch (RuntimeException e) {
      // The sandbox is shutting down: close here.
      close();
    }
  }

  private void cancelWatchdog() {
    ScheduledFuture<?> current = watchdog;
    if (current != null) {
      current.cancel(false);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing a pipe of a killed process can fail; nothing is left to release.
    }
  }

  /** The stdout pipe with a byte counter: past the cap the tree is killed and the stream ends. */
  private final class CappedStdout extends InputStream {
    private final InputStream in;
    private long count;

    CappedStdout(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (stdoutExceeded) {
        return -1;
      }
      int n = in.read(buffer, offset, length);
      if (n < 0) {
        return n;
      }
      SandboxLimits current = limits;
      long cap = current == null ? Long.MAX_VALUE : current.stdoutBytes();
      count += n;
      if (count > cap) {
        stdoutExceeded = true;
        kill();
        int allowed = (int) Math.max(0, n - (count - cap));
        return allowed == 0 ? -1 : allowed;
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return stdoutExceeded ? 0 : in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
