package dev.improview.attempt.internal;

import dev.improview.attempt.internal.AttemptViews.TimerView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How every answer shows a timer: the server's clock to the millisecond, and the elapsed time
 * {@link Timer} computes at that instant. The attempt, history and other readers share it, so one
 * attempt shows the same figure wherever it appears.
 */
final class TimerViews {

  private TimerViews() {}

  /** Millisecond instants: what the API shows, and PostgreSQL keeps them exactly. */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static TimerView view(Timer timer, int estimateMinutes, Instant now, Duration idleCutoff) {
    return new TimerView(
        timer.elapsedAt(now, idleCutoff).toMillis(),
        timer.running(),
        timer.started(),
        estimateMinutes);
  }
}
