package dev.improview.attempt.internal;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What can happen during an attempt. The SQL check {@code attempt_event_kind} (latest in
 * V6__submissions.sql) holds the same ids: add a kind to both.
 */
enum EventKind {
  OPENED("opened"),
  TIMER_STARTED("timer_started"),
  TIMER_PAUSED("timer_paused"),
  TIMER_RESUMED("timer_resumed"),
  TIMER_RESET("timer_reset"),
  GIVEN_UP("given_up"),
  HINT_REVEALED("hint_revealed"),
  SOLUTION_OPENED("solution_opened"),
  RAN("ran"),
  SUBMITTED("submitted"),
  JUDGED("judged");

  private final String id;

  EventKind(String id) {
    this.id = id;
  }

  @JsonValue
  String id() {
    return id;
  }

  static EventKind fromId(String id) {
    for (var kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown attempt event kind: " + id);
  }
}
