package dev.improview.generation.internal.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * How long the server asked us to wait, from {@code now}; empty when the header is absent or
   * unreadable (the caller then backs off on its own). A date in the past is zero.
   */
  static Optional<Duration> parse(String header, Clock now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    var value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // more digits than a long: no server means that
      }
    }
    try {
      var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      var wait = Duration.between(now.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
