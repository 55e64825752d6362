package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes started ahead of their job, a target number per spec, each handed out once and replaced
 * on refill threads so starting one never delays a caller.
 */
final class PrestartPool implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PrestartPool.class);

  /** Starts a process of a spec, not yet activated. */
  interface Starter {
    SandboxedProcess start(ProcessSpec spec) throws IOException;
  }

  private final Starter starter;
  private final Duration shutdownWait;
  private final ExecutorService refillers;
  private final Map<ProcessSpec, Ready> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  PrestartPool(int refillThreads, ThreadFactory threads, Duration shutdownWait, Starter starter) {
    this.starter = starter;
    this.shutdownWait = shutdownWait;
    this.refillers = Executors.newFixedThreadPool(refillThreads, threads);
  }

  /** Keeps {@code size} processes of the spec started; a smaller size closes the surplus. */
  void prewarm(ProcessSpec spec, int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size < 0: " + size);
    }
    if (spec.writableDir() != null && size > 0) {
      throw new IllegalArgumentException("a spec with a writable directory is never pooled");
    }
    Ready pool = pools.computeIfAbsent(spec, Ready::new);
    pool.target = size;
    pool.refill();
    // A smaller target (a spec replaced by a better one) gives back the processes it no longer
    // needs.
    SandboxedProcess surplus;
    while (pool.processes.size() > size && (surplus = pool.processes.pollLast()) != null) {
      surplus.close();
    }
  }

  /** A live pre-started process of the spec, or null when none is waiting. */
  SandboxedProcess take(ProcessSpec spec) {
    Ready pool = pools.get(spec);
    if (pool == null) {
      return null;
    }
    SandboxedProcess process;
    while ((process = pool.processes.pollFirst()) != null) {
      if (process.isAlive()) {
        return process;
      }
      process.close();
    }
    return null;
  }

  /** Starts replacements for what was taken, off the caller's thread; no-op for unpooled specs. */
  void refill(ProcessSpec spec) {
    Ready pool = pools.get(spec);
    if (pool != null) {
      pool.refill();
    }
  }

  /** How many pre-started processes of this spec are waiting now. */
  int ready(ProcessSpec spec) {
    Ready pool = pools.get(spec);
    return pool == null ? 0 : pool.processes.size();
  }

  /** Stops refilling and closes every waiting process, including any started while stopping. */
  @Override
  public void close() {
    closed = true;
    for (Ready pool : pools.values()) {
      pool.target = 0;
      closeAll(pool);
    }
    refillers.shutdownNow();
    try {
      refillers.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A start that was under way when refilling stopped may have added one.
    for (Ready pool : pools.values()) {
      closeAll(pool);
    }
  }

  private static void closeAll(Ready pool) {
    SandboxedProcess process;
    while ((process = pool.processes.pollFirst()) != null) {
      process.close();
    }
  }

  /** Pre-started processes of one spec. */
  private final class Ready {
    private final ProcessSpec spec;
    private final Deque<SandboxedProcess> processes = new ConcurrentLinkedDeque<>();
    private final AtomicInteger starting = new AtomicInteger();
    private volatile int target;

    Ready(ProcessSpec spec) {
      this.spec = spec;
    }

    synchronized void refill() {
      while (!closed && processes.size() + starting.get() < target) {
        starting.incrementAndGet();
        try {
          refillers.execute(this::startOne);
        } catch (RuntimeException e) {
          starting.decrementAndGet();
          return;
        }
      }
    }

    private void startOne() {
      try {
        SandboxedProcess process = starter.start(spec);
        if (closed) {
          process.close();
        } else {
          processes.addLast(process);
        }
      } catch (IOException | RuntimeException e) {
        log.warn("could not pre-start a sandboxed process for {}: {}", spec.key(), e.toString());
      } finally {
        starting.decrementAndGet();
      }
    }
  }
}
