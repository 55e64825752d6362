package dev.improview.execution.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.improview.execution.Lane;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Slots per lane, and a Retry-After that matches how long a caller would really wait. */
class AdmissionTest {

  @Test
  void aCallerThatWaitedInVainIsToldToRetryAfterTheWholeWait() {
    Admission admission = new Admission(1, Duration.ofSeconds(3), 1, Duration.ofSeconds(3), 8);
    Runnable held = admission.admit(Lane.INTERACTIVE);
    try {
      assertThatThrownBy(() -> admission.admit(Lane.INTERACTIVE))
          .isInstanceOfSatisfying(
              SandboxBusyException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    } finally {
      held.run();
    }
  }

  @Test
  void aCallerRefusedAtOnceGetsAnEstimateWithinTheWait() throws Exception {
    Admission admission = new Admission(1, Duration.ofSeconds(10), 1, Duration.ofSeconds(10), 1);
    Runnable held = admission.admit(Lane.INTERACTIVE);
    var waiter = CompletableFuture.runAsync(() -> admission.admit(Lane.INTERACTIVE).run());
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (admission.waiting(Lane.INTERACTIVE) < 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThatThrownBy(() -> admission.admit(Lane.INTERACTIVE))
          .isInstanceOfSatisfying(
              SandboxBusyException.class,
              e ->
                  assertThat(e.retryAfter())
                      .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10)));
    } finally {
      held.run();
      waiter.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theLanesHaveSlotsOfTheirOwn() {
    Admission admission = new Admission(1, Duration.ofMillis(100), 1, Duration.ofMillis(100), 8);
    Runnable background = admission.admit(Lane.BACKGROUND);
    Runnable interactive = admission.admit(Lane.INTERACTIVE);
    assertThatThrownBy(() -> admission.admit(Lane.BACKGROUND))
        .isInstanceOf(SandboxBusyException.class);
    interactive.run();
    background.run();
    admission.admit(Lane.BACKGROUND).run();
  }
}
