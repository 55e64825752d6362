package dev.improview.platform;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says what is wrong with a request body that is not the JSON asked for, and where: the field path
 * and line/column when Jackson knows them, in words rather than Java types, never echoing more than
 * a few dozen characters of the input.
 */
final class JsonErrors {

  /** Longest part of Jackson's own message kept in a detail. */
  static final int MAX_MESSAGE = 200;

  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");
  private static final Pattern FEATURE_HINT = Pattern.compile(": enable `[^`]*` to allow");
  private static final Pattern CONSTRAINT_SOURCE = Pattern.compile(", from `[^`]*`");
  private static final Pattern TOKEN_NAME = Pattern.compile("\\s*\\(token `JsonToken\\.\\w+`\\)");
  private static final Pattern LONG_QUOTE = Pattern.compile("'([^']{40})[^']+'");

  private JsonErrors() {}

  /** The detail for a body Jackson could not read; {@code failure} is or wraps the error. */
  static String describe(Throwable failure) {
    var jackson = find(failure, JacksonException.class);
    if (jackson == null) {
      return "The request body could not be read as JSON.";
    }
    // Jackson reports its limits (nesting depth, number length) without a location.
    var location = location(jackson.getLocation());
    var where = location == null ? "" : " at " + location;
    if (jackson instanceof MismatchedInputException mismatch) {
      return mismatch(mismatch, location == null ? "" : " (" + location + ")");
    }
    if (jackson instanceof ValueInstantiationException invalid) {
      var cause = invalid.getCause() == null ? invalid : invalid.getCause();
      return "Invalid value"
          + field(invalid, " for ")
          + where
          + ": "
          + ApiProblems.shorten(cause.getMessage(), MAX_MESSAGE);
    }
    if (jackson instanceof StreamConstraintsException) {
      return "The JSON" + where + " is beyond a limit: " + cleaned(jackson.getOriginalMessage());
    }
    if (jackson instanceof StreamReadException) {
      var message = cleaned(jackson.getOriginalMessage());
      var encoding = message.contains("UTF-8") ? "; send the body as UTF-8" : "";
      return "Malformed JSON" + where + ": " + message + encoding;
    }
    return "The request body could not be read"
        + where
        + ": "
        + cleaned(jackson.getOriginalMessage());
  }

  private static String mismatch(MismatchedInputException e, String where) {
    var message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("No content to map")) {
      return "The request body is empty: send a JSON object.";
    }
    if (message.startsWith("Trailing token")) {
      return "Unexpected content after the JSON value" + where + ": send one JSON value only.";
    }
    var expected = kindOf(e.getTargetType());
    var actual = kindOf(e.getCurrentToken());
    var got = actual == null || actual.equals(expected) ? "" : ", not " + actual;
    var path = path(e);
    if (path.isEmpty()) {
      return "The request body must be " + expected + got + where + ".";
    }
    return "'" + path + "' must be " + expected + got + where + ".";
  }

  /** {@code customTests[0].args}, or "" at the top level. */
  static String path(JacksonException e) {
    var path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return ApiProblems.shorten(path.toString(), 80);
  }

  private static String field(JacksonException e, String prefix) {
    var path = path(e);
    return path.isEmpty() ? "" : prefix + "'" + path + "'";
  }

  private static String location(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return null;
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** Jackson's message without its configuration hints, Java names or echo of long input. */
  private static String cleaned(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable input";
    }
    var text = SOURCE_LOCATION.matcher(message).replaceAll("line $1, column $2");
    text = FEATURE_HINT.matcher(text).replaceAll(" (not allowed in JSON)");
    text = CONSTRAINT_SOURCE.matcher(text).replaceAll("");
    text = TOKEN_NAME.matcher(text).replaceAll("");
    text = LONG_QUOTE.matcher(text).replaceAll("'$1\u2026'");
    return ApiProblems.shorten(text, MAX_MESSAGE);
  }

  private static String kindOf(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (CharSequence.class.isAssignableFrom(type)
        || type == char.class
        || type == Character.class
        || type.isEnum()) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == int.class
        || type == long.class
        || type == short.class
        || type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == java.math.BigInteger.class) {
      return "an integer";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (JsonNode.class.isAssignableFrom(type)) {
      return "a JSON value";
    }
    return Map.class.isAssignableFrom(type) || !type.isInterface() ? "an object" : "a value";
  }

  private static String kindOf(JsonToken token) {
    if (token == null) {
      return null;
    }
    return switch (token) {
      case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
      case START_ARRAY, END_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      default -> null;
    };
  }

  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
