package dev.improview.generation.internal.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1 after the first failure) wait a
 * uniformly random time between zero and {@code min(max, base * 2^(n-1))}, so clients that failed
 * together do not come back together.
 */
record Backoff(Duration base, Duration max, DoubleSupplier random) {

  Backoff(Duration base, Duration max) {
    this(base, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  Backoff {
    if (base == null || max == null || random == null || base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base must be positive, max and random given");
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("max must be at least base: " + max + " < " + base);
    }
  }

  /** The cap of the wait before retry {@code n}. */
  Duration cap(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be 1 or more: " + retry);
    }
    // Past 2^30 any base is beyond any sensible max; stop doubling before a long overflows.
    var doublings = Math.min(retry - 1, 30);
    var millis = base.toMillis() * (1L << doublings);
    return millis >= max.toMillis() ? max : Duration.ofMillis(millis);
  }

  /** A wait before retry {@code n}: anywhere from zero up to its cap. */
  Duration delay(int retry) {
    return Duration.ofMillis(Math.round(cap(retry).toMillis() * random.getAsDouble()));
  }
}
