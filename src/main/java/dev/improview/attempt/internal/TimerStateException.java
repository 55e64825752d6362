package dev.improview.attempt.internal;

/** A timer action that makes no sense in the timer's state (pause when paused, and so on). */
class TimerStateException extends RuntimeException {

  TimerStateException(String message) {
    super(message);
  }
}
