package dev.improview.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** A parameter or return type of a problem's signature: a scalar or a 1-D / 2-D array of one. */
public record ValueType(Scalar scalar, int dimensions) {

  /** Largest magnitude of a {@code long}: JavaScript numbers hold integers exactly up to 2^53. */
  public static final long MAX_SAFE_LONG = 1L << 53;

  private static final BigDecimal MIN_INT = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(MAX_SAFE_LONG);

  /** The element kinds. */
  public enum Scalar {
    INT("int"),
    LONG("long"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    STRING("string");

    private final String id;

    Scalar(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  public ValueType {
    if (scalar == null) {
      throw new IllegalArgumentException("scalar is null");
    }
    if (dimensions < 0 || dimensions > 2) {
      throw new IllegalArgumentException("dimensions not in 0..2: " + dimensions);
    }
  }

  /**
   * Parses {@code int}, {@code long}, {@code double}, {@code boolean}, {@code string}, + [] or
   * [][].
   */
  @JsonCreator
  public static ValueType parse(String type) {
    if (type == null) {
      throw new IllegalArgumentException("type is null");
    }
    String base = type;
    int dimensions = 0;
    while (base.endsWith("[]")) {
      base = base.substring(0, base.length() - 2);
      dimensions++;
    }
    for (Scalar scalar : Scalar.values()) {
      if (scalar.id.equals(base) && dimensions <= 2) {
        return new ValueType(scalar, dimensions);
      }
    }
    throw new IllegalArgumentException(
        "unsupported type: \""
            + type
            + "\" (valid: int, long, double, boolean, string, as such or as T[] or T[][])");
  }

  public boolean isArray() {
    return dimensions > 0;
  }

  /** The type of this array's elements. */
  public ValueType element() {
    if (dimensions == 0) {
      throw new IllegalStateException("not an array type: " + this);
    }
    return new ValueType(scalar, dimensions - 1);
  }

  /** True if {@code value} is a JSON value of this type (int range, integer token, array depth). */
  public boolean accepts(JsonNode value) {
    if (value == null) {
      return false;
    }
    if (dimensions > 0) {
      if (!value.isArray()) {
        return false;
      }
      ValueType element = element();
      for (JsonNode item : value) {
        if (!element.accepts(item)) {
          return false;
        }
      }
      return true;
    }
    return switch (scalar) {
      case INT -> isIntegerWithin(value, MIN_INT, MAX_INT);
      case LONG -> isIntegerWithin(value, MAX_LONG.negate(), MAX_LONG);
      case DOUBLE -> value.isNumber() && Double.isFinite(value.doubleValue());
      case BOOLEAN -> value.isBoolean();
      case STRING -> value.isString();
    };
  }

  private static boolean isIntegerWithin(JsonNode value, BigDecimal min, BigDecimal max) {
    // Only an integral token: 3.0, 1e0 or -0.0 would reach Python as a float.
    if (!value.isIntegralNumber()) {
      return false;
    }
    if (value.isInt() || value.isLong()) {
      // The common case, without BigDecimal: hidden tests carry arrays of 50 000 numbers.
      long number = value.longValue();
      return number >= min.longValue() && number <= max.longValue();
    }
    BigDecimal number = new BigDecimal(value.bigIntegerValue());
    return number.compareTo(min) >= 0 && number.compareTo(max) <= 0;
  }

  @JsonValue
  @Override
  public String toString() {
    return scalar.id + "[]".repeat(dimensions);
  }
}
