package dev.improview.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimerTest {

  static final Duration CUTOFF = Duration.ofMinutes(5);
  static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static long seconds(Timer timer, long now) {
    return timer.elapsedAt(at(now), CUTOFF).toSeconds();
  }

  @Test
  void aFreshTimerCountsNothingUntilStarted() {
    var timer = Timer.fresh();
    assertThat(timer.started()).isFalse();
    assertThat(timer.running()).isFalse();
    assertThat(seconds(timer, 3600)).isZero();
  }

  @Test
  void runningCountsFromStartAndPauseFreezes() {
    var timer = Timer.fresh().start(at(0));
    assertThat(seconds(timer, 60)).isEqualTo(60);

    timer = timer.heartbeat(at(60), CUTOFF).pause(at(90), CUTOFF);
    assertThat(timer.running()).isFalse();
    assertThat(seconds(timer, 90)).isEqualTo(90);
    assertThat(seconds(timer, 10_000)).isEqualTo(90);
  }

  @Test
  void resumeAddsANewSegmentToWhatWasCounted() {
    var timer = Timer.fresh().start(at(0)).pause(at(100), CUTOFF).resume(at(1000));
    assertThat(seconds(timer, 1000)).isEqualTo(100);
    assertThat(seconds(timer, 1030)).isEqualTo(130);
    assertThat(seconds(timer.pause(at(1050), CUTOFF), 5000)).isEqualTo(150);
  }

  @Test
  void resetGoesBackToZeroAndNotStarted() {
    var timer = Timer.fresh().start(at(0)).reset();
    assertThat(timer).isEqualTo(Timer.fresh());
    assertThat(seconds(timer.start(at(500)), 520)).isEqualTo(20);
  }

  @Test
  void withoutAHeartbeatForLongerThanTheCutoffTimeCountsOnlyToTheLastOne() {
    var timer = Timer.fresh().start(at(0)).heartbeat(at(120), CUTOFF);
    // Up to the cut-off the page may just be between heartbeats: time counts.
    assertThat(seconds(timer, 120 + 300)).isEqualTo(420);
    // Past it, the gap since the last heartbeat is not solving time.
    assertThat(timer.elapsedAt(at(420).plusMillis(1), CUTOFF)).isEqualTo(Duration.ofSeconds(120));
    assertThat(seconds(timer, 100_000)).isEqualTo(120);
  }

  @Test
  void withNoHeartbeatAtAllTheStartIsTheLastSignOfLife() {
    var timer = Timer.fresh().start(at(0));
    assertThat(seconds(timer, 301)).isZero();
  }

  @Test
  void aHeartbeatAfterAGapCountsOnFromThenWithoutTheGap() {
    var timer = Timer.fresh().start(at(0)).heartbeat(at(60), CUTOFF);
    timer = timer.heartbeat(at(3600), CUTOFF);
    assertThat(timer.running()).isTrue();
    assertThat(seconds(timer, 3600)).isEqualTo(60);
    assertThat(seconds(timer, 3610)).isEqualTo(70);
  }

  @Test
  void aHeartbeatWithinTheCutoffKeepsTheSegment() {
    var timer = Timer.fresh().start(at(0)).heartbeat(at(299), CUTOFF).heartbeat(at(598), CUTOFF);
    assertThat(timer.runningSince()).isEqualTo(at(0));
    assertThat(seconds(timer, 600)).isEqualTo(600);
  }

  @Test
  void pausingAfterAnIdleGapKeepsOnlyTheTimeBeforeIt() {
    var timer = Timer.fresh().start(at(0)).heartbeat(at(30), CUTOFF).pause(at(2000), CUTOFF);
    assertThat(seconds(timer, 2000)).isEqualTo(30);
  }

  @Test
  void aHeartbeatWhilePausedCountsNothing() {
    var timer = Timer.fresh().start(at(0)).pause(at(10), CUTOFF).heartbeat(at(20), CUTOFF);
    assertThat(seconds(timer, 1000)).isEqualTo(10);
  }

  @Test
  void neverNegativeWhenTheClockGoesBack() {
    var timer = Timer.fresh().start(at(100));
    assertThat(timer.elapsedAt(at(50), CUTOFF)).isEqualTo(Duration.ZERO);
    assertThat(timer.pause(at(50), CUTOFF).elapsedBefore()).isEqualTo(Duration.ZERO);
    assertThat(timer.heartbeat(at(50), CUTOFF).lastHeartbeat()).isEqualTo(at(100));
    assertThatThrownBy(() -> new Timer(Duration.ofMillis(-1), null, null, null))
        .hasMessageContaining("elapsedBefore");
  }

  @Test
  void actionsThatMakeNoSenseNowSayWhy() {
    var fresh = Timer.fresh();
    var running = fresh.start(at(0));
    var paused = running.pause(at(1), CUTOFF);
    assertThatThrownBy(() -> fresh.pause(at(1), CUTOFF))
        .isInstanceOf(TimerStateException.class)
        .hasMessageContaining("not been started");
    assertThatThrownBy(() -> fresh.resume(at(1))).hasMessageContaining("start it first");
    assertThatThrownBy(() -> running.start(at(1))).hasMessageContaining("already running");
    assertThatThrownBy(() -> running.resume(at(1))).hasMessageContaining("already running");
    assertThatThrownBy(() -> paused.pause(at(2), CUTOFF)).hasMessageContaining("already paused");
    assertThatThrownBy(() -> paused.start(at(2))).hasMessageContaining("resume it instead");
  }
}
