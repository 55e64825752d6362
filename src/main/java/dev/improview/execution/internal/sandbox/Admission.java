package dev.improview.execution.internal.sandbox;

import dev.improview.execution.Lane;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who may hold a sandbox now. Each lane has its own slots, granted in arrival order (a fair
 * semaphore), so background work never takes an interactive slot. A caller waits up to its lane's
 * queue wait; past {@code maxQueued} waiters it is told at once. The retry-after it is given is the
 * whole queue wait after a wait that found no slot, and when told at once an estimate of when the
 * queue ahead drains, from how long runs have recently held their slot.
 */
final class Admission {

  private record Slots(Semaphore semaphore, int size, Duration queueWait) {}

  private final Map<Lane, Slots> lanes = new EnumMap<>(Lane.class);
  private final int maxQueued;
  // Exponentially weighted mean of how long a slot is held, in nanoseconds.
  private final AtomicLong meanHoldNanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1));

  Admission(
      int interactive,
      Duration queueWait,
      int background,
      Duration backgroundQueueWait,
      int maxQueued) {
    lanes.put(
        Lane.INTERACTIVE, new Slots(new Semaphore(interactive, true), interactive, queueWait));
    lanes.put(
        Lane.BACKGROUND,
        new Slots(new Semaphore(background, true), background, backgroundQueueWait));
    this.maxQueued = maxQueued;
  }

  /**
   * Takes a slot of the lane, waiting in arrival order.
   *
   * @return what gives the slot back (idempotent)
   * @throws SandboxBusyException when the queue is full or no slot frees up within the wait
   */
  Runnable admit(Lane lane) {
    Slots slots = lanes.get(lane);
    Semaphore semaphore = slots.semaphore();
    try {
      // With a timeout, even a zero one, a fair semaphore never lets a caller jump the queue.
      if (!semaphore.tryAcquire(0, TimeUnit.NANOSECONDS)) {
        int waiting = semaphore.getQueueLength();
        if (waiting >= maxQueued) {
          throw new SandboxBusyException(
              "all "
                  + slots.size()
                  + " "
                  + name(lane)
                  + " sandboxes busy and "
                  + maxQueued
                  + " runs already waiting",
              retryAfter(slots, waiting));
        }
        if (!semaphore.tryAcquire(slots.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
          throw new SandboxBusyException(
              "all "
                  + slots.size()
                  + " "
                  + name(lane)
                  + " sandboxes busy for "
                  + slots.queueWait().toMillis()
                  + " ms",
              // No slot freed up in a whole wait: asking again sooner would only wait again.
              slots.queueWait().compareTo(Duration.ofSeconds(1)) < 0
                  ? Duration.ofSeconds(1)
                  : slots.queueWait());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxBusyException(
          "interrupted while waiting for a sandbox", retryAfter(slots, 0));
    }
    long since = System.nanoTime();
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        record(System.nanoTime() - since);
        semaphore.release();
      }
    };
  }

  /** Callers waiting for a slot of the lane now (an estimate, as the JDK's queue length is). */
  int waiting(Lane lane) {
    return lanes.get(lane).semaphore().getQueueLength();
  }

  int size(Lane lane) {
    return lanes.get(lane).size();
  }

  private void record(long heldNanos) {
    meanHoldNanos.updateAndGet(mean -> mean + (heldNanos - mean) / 8);
  }

  // The queue ahead drains at (slots / mean hold) runs per unit of time; never less than a second,
  // never more than the wait a caller would be given anyway.
  private Duration retryAfter(Slots slots, int waiting) {
    long estimate = meanHoldNanos.get() * (waiting + 1L) / Math.max(1, slots.size());
    long nanos =
        Math.max(TimeUnit.SECONDS.toNanos(1), Math.min(estimate, slots.queueWait().toNanos()));
    return Duration.ofNanos(nanos);
  }

  private static String name(Lane lane) {
    return lane == Lane.INTERACTIVE ? "interactive" : "background";
  }
}
