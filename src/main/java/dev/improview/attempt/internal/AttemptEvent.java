package dev.improview.attempt.internal;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Something that happened during an attempt; {@code detail} is optional and kind-specific. */
record AttemptEvent(EventKind kind, Instant at, JsonNode detail) {

  AttemptEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }
}
