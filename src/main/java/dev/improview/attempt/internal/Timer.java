package dev.improview.attempt.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An attempt's timer as stored instants; elapsed time is always computed, never stored ticking, so
 * a reload, a second tab or a restart sees the same figure.
 *
 * <p>While running, time counts from {@code runningSince}. If the page sends no heartbeat for
 * longer than the idle cut-off, time counts only up to the last sign of life (the later of {@code
 * runningSince} and {@code lastHeartbeat}); a heartbeat after such a gap starts counting again from
 * that heartbeat, so the gap itself is never counted.
 *
 * @param elapsedBefore what earlier, closed segments counted
 * @param startedAt when the timer was first started (since the last reset); null: never started
 * @param runningSince start of the current segment; null: paused or not started
 * @param lastHeartbeat the page's last heartbeat; null: none yet
 */
record Timer(
    Duration elapsedBefore, Instant startedAt, Instant runningSince, Instant lastHeartbeat) {

  Timer {
    Objects.requireNonNull(elapsedBefore, "elapsedBefore");
    if (elapsedBefore.isNegative()) {
      throw new IllegalArgumentException("elapsedBefore is negative: " + elapsedBefore);
    }
    if (runningSince != null && startedAt == null) {
      throw new IllegalArgumentException("runningSince is set but startedAt is not");
    }
  }

  /** A timer that has never run. */
  static Timer fresh() {
    return new Timer(Duration.ZERO, null, null, null);
  }

  boolean started() {
    return startedAt != null;
  }

  boolean running() {
    return runningSince != null;
  }

  /** Time counted up to {@code now}; never negative, even if the clock went back. */
  Duration elapsedAt(Instant now, Duration idleCutoff) {
    if (!running()) {
      return elapsedBefore;
    }
    var lastSeen = lastSeen();
    var end = now.isAfter(lastSeen.plus(idleCutoff)) ? lastSeen : now;
    var segment = Duration.between(runningSince, end);
    return elapsedBefore.plus(segment.isNegative() ? Duration.ZERO : segment);
  }

  /** Starts a timer that has never run (or was reset). */
  Timer start(Instant now) {
    if (started()) {
      throw new TimerStateException(
          running() ? "The timer is already running" : "The timer was started; resume it instead");
    }
    return new Timer(elapsedBefore, now, now, now);
  }

  Timer pause(Instant now, Duration idleCutoff) {
    if (!running()) {
      throw new TimerStateException(
          started() ? "The timer is already paused" : "The timer has not been started");
    }
    return stop(now, idleCutoff);
  }

  Timer resume(Instant now) {
    if (!started()) {
      throw new TimerStateException("The timer has not been started; start it first");
    }
    if (running()) {
      throw new TimerStateException("The timer is already running");
    }
    return new Timer(elapsedBefore, startedAt, now, now);
  }

  /** Back to zero and not started, whatever the state. */
  Timer reset() {
    return fresh();
  }

  /** Freezes the elapsed time (pausing if running); what giving up does. */
  Timer stop(Instant now, Duration idleCutoff) {
    return new Timer(elapsedAt(now, idleCutoff), startedAt, null, lastHeartbeat);
  }

  /** The page is visible: keeps counting, or after an idle gap starts a new segment now. */
  Timer heartbeat(Instant now, Duration idleCutoff) {
    var latest = lastHeartbeat == null || now.isAfter(lastHeartbeat) ? now : lastHeartbeat;
    if (running() && now.isAfter(lastSeen().plus(idleCutoff))) {
      return new Timer(elapsedAt(now, idleCutoff), startedAt, now, latest);
    }
    return new Timer(elapsedBefore, startedAt, runningSince, latest);
  }

  private Instant lastSeen() {
    return lastHeartbeat != null && lastHeartbeat.isAfter(runningSince)
        ? lastHeartbeat
        : runningSince;
  }
}
