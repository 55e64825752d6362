package dev.improview.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How a returned value is compared with the expected one: part of a problem's definition, applied
 * by the judge above the engine (the engine itself never sees an expected value), never in the
 * sandbox.
 */
public record Comparison(
    Mode mode, @JsonInclude(JsonInclude.Include.NON_DEFAULT) double tolerance) {

  /** The comparison modes of the problem format. */
  public enum Mode {
    /** Deep equality, arrays ordered; numbers compare by value (1 equals 1.0). */
    EXACT,
    /** The top-level array is a multiset; everything inside it compares exactly. */
    UNORDERED,
    /** Deep equality where every number may differ by the tolerance (absolute or relative). */
    FLOAT,
    /**
     * Any valid answer: the problem's own checker decides, run in the sandbox by the judge (never
     * here); {@link Comparison#matches} refuses it.
     */
    CHECKER;

    /** The wire form: {@code exact}, {@code unordered}, {@code float}. */
    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Mode fromId(String id) {
      for (Mode mode : values()) {
        if (mode.name().equalsIgnoreCase(id)) {
          return mode;
        }
      }
      throw new IllegalArgumentException(
          "unknown comparison mode: " + id + " (valid: exact, unordered, float, checker)");
    }
  }

  public Comparison {
    if (mode == null) {
      throw new IllegalArgumentException("mode is null");
    }
    if (!Double.isFinite(tolerance) || tolerance < 0) {
      throw new IllegalArgumentException("tolerance is not a finite number >= 0: " + tolerance);
    }
    if (mode == Mode.FLOAT && tolerance == 0) {
      throw new IllegalArgumentException("tolerance must be > 0 for mode float: " + tolerance);
    }
    if (mode != Mode.FLOAT && tolerance != 0) {
      throw new IllegalArgumentException("tolerance applies to mode float only, not " + mode);
    }
  }

  @JsonCreator
  public static Comparison fromJson(
      @JsonProperty("mode") String mode, @JsonProperty("tolerance") Double tolerance) {
    return new Comparison(Mode.fromId(mode), tolerance == null ? 0 : tolerance);
  }

  public static Comparison exact() {
    return new Comparison(Mode.EXACT, 0);
  }

  public static Comparison unordered() {
    return new Comparison(Mode.UNORDERED, 0);
  }

  public static Comparison floatWithin(double tolerance) {
    return new Comparison(Mode.FLOAT, tolerance);
  }

  /** True if {@code actual} is an acceptable answer for {@code expected}. */
  public boolean matches(JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null) {
      throw new IllegalArgumentException("expected or actual is null");
    }
    return switch (mode) {
      case EXACT -> equal(expected, actual, 0);
      case FLOAT -> equal(expected, actual, tolerance);
      case UNORDERED -> sameMultiset(expected, actual);
      case CHECKER ->
          throw new IllegalStateException(
              "mode checker is decided by the problem's checker in the sandbox, not here");
    };
  }

  public static Comparison checker() {
    return new Comparison(Mode.CHECKER, 0);
  }

  private static boolean equal(JsonNode expected, JsonNode actual, double tolerance) {
    if (expected.isNumber() && actual.isNumber()) {
      return numbersEqual(expected, actual, tolerance);
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!equal(expected.get(i), actual.get(i), tolerance)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        JsonNode other = actual.get(field.getKey());
        if (other == null || !equal(field.getValue(), other, tolerance)) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private static boolean numbersEqual(JsonNode expected, JsonNode actual, double tolerance) {
    if (tolerance == 0) {
      if (isLong(expected) && isLong(actual)) {
        return expected.longValue() == actual.longValue();
      }
      if (expected.isDouble() && actual.isDouble()) {
        return expected.doubleValue() == actual.doubleValue();
      }
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    double e = expected.doubleValue();
    double a = actual.doubleValue();
    double difference = Math.abs(e - a);
    return difference <= tolerance || difference <= tolerance * Math.abs(e);
  }

  private static boolean sameMultiset(JsonNode expected, JsonNode actual) {
    if (!expected.isArray() || !actual.isArray()) {
      return equal(expected, actual, 0);
    }
    if (expected.size() != actual.size()) {
      return false;
    }
    // Canonical keys make this linear: 50 000-element answers are common in hidden tests.
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode item : expected) {
      counts.merge(canonical(item), 1, Integer::sum);
    }
    for (JsonNode item : actual) {
      String key = canonical(item);
      Integer count = counts.get(key);
      if (count == null) {
        return false;
      }
      if (count == 1) {
        counts.remove(key);
      } else {
        counts.put(key, count - 1);
      }
    }
    return counts.isEmpty();
  }

  /** A string equal for two values exactly when they are equal under exact comparison. */
  static String canonical(JsonNode value) {
    StringBuilder out = new StringBuilder();
    appendCanonical(value, out);
    return out.toString();
  }

  private static void appendCanonical(JsonNode value, StringBuilder out) {
    if (value.isNumber()) {
      out.append('n').append(canonicalNumber(value));
    } else if (value.isArray()) {
      out.append('[');
      for (JsonNode item : value) {
        appendCanonical(item, out);
        out.append(',');
      }
      out.append(']');
    } else if (value.isObject()) {
      out.append('{');
      Iterator<String> names = value.propertyNames().stream().sorted().iterator();
      while (names.hasNext()) {
        String name = names.next();
        out.append(quote(name)).append(':');
        appendCanonical(value.get(name), out);
        out.append(',');
      }
      out.append('}');
    } else if (value.isString()) {
      out.append('s').append(quote(value.stringValue()));
    } else {
      out.append(value.toString());
    }
  }

  private static boolean isLong(JsonNode value) {
    return value.isInt() || value.isLong();
  }

  /** Equal for numbers of equal value: integral values as plain digits, others normalised. */
  private static String canonicalNumber(JsonNode value) {
    if (isLong(value)) {
      return Long.toString(value.longValue());
    }
    BigDecimal number = value.decimalValue();
    if (number.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
      return stripped.toBigInteger().toString();
    }
    return stripped.toString();
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Override
  public String toString() {
    return mode == Mode.FLOAT ? "float(" + tolerance + ")" : mode.name().toLowerCase();
  }
}
