package dev.improview.generation.internal.llm;

import java.time.Duration;

/** Durations as a person reads them in a message: {@code 250 ms}, {@code 2 s}, {@code 1.5 s}. */
final class Durations {

  private Durations() {}

  static String words(Duration duration) {
    var millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
