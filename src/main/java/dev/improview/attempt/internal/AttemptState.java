package dev.improview.attempt.internal;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an attempt stands; the SQL check {@code attempt_state} holds the same ids. */
enum AttemptState {
  OPEN("open"),
  GIVEN_UP("given_up"),
  /** Ended by an accepted submission (submissions arrive in a later slice). */
  ACCEPTED("accepted");

  private final String id;

  AttemptState(String id) {
    this.id = id;
  }

  @JsonValue
  String id() {
    return id;
  }

  static AttemptState fromId(String id) {
    for (var state : values()) {
      if (state.id.equals(id)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown attempt state: " + id);
  }
}
