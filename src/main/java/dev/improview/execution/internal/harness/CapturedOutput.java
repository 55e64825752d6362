package dev.improview.execution.internal.harness;

import java.nio.charset.StandardCharsets;

/** A test's captured stream, cut to the cap, ending with a visible notice when anything was cut. */
record CapturedOutput(String text, boolean truncated) {

  static CapturedOutput of(String text, boolean alreadyTruncated, int cap) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    boolean truncated = alreadyTruncated || bytes.length > cap;
    if (!truncated) {
      return new CapturedOutput(text, false);
    }
    String kept = bytes.length > cap ? new String(bytes, 0, cap, StandardCharsets.UTF_8) : text;
    return new CapturedOutput(kept + "\n[output truncated: more than " + cap + " bytes]", true);
  }
}
