package dev.improview.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parameter or return type of a signature: a base type ({@code int}, {@code long}, {@code
 * double}, {@code boolean}, {@code string}, {@code bigint}, {@code ListNode}, {@code TreeNode}, or
 * {@code map<string, T>}) wrapped in any number of arrays ({@code T[]}) and nullables ({@code T?}),
 * or {@code void} (a design method's return). The grammar and every JSON form are in
 * docs/runner-contract.md, section 2.
 *
 * @param kind what this type is
 * @param element the wrapped type of an array, a nullable or a map (the map's value); null
 *     otherwise
 */
public record ValueType(Kind kind, ValueType element) {

  /** Largest magnitude of a {@code long}: JavaScript numbers hold integers exactly up to 2^53. */
  public static final long MAX_SAFE_LONG = 1L << 53;

  /** Most digits of a {@code bigint}: under Python's default limit on int/str conversions. */
  public static final int MAX_BIGINT_DIGITS = 4000;

  /** Longest type name accepted. */
  static final int MAX_NAME_LENGTH = 100;

  /** Most arrays, nullables and maps around one base type. */
  static final int MAX_DEPTH = 4;

  /** Most {@code []} in a row. */
  static final int MAX_ARRAY_DIMENSIONS = 2;

  private static final BigDecimal MIN_INT = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(MAX_SAFE_LONG);
  private static final Pattern BIGINT_DIGITS = Pattern.compile("-?[0-9]+");
  private static final String VALID =
      "int, long, double, boolean, string, bigint, ListNode, TreeNode, map<string, T>,"
          + " each followed by any of [] and ?";

  /** What a type is. */
  public enum Kind {
    INT("int"),
    LONG("long"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    STRING("string"),
    BIGINT("bigint"),
    LIST_NODE("ListNode"),
    TREE_NODE("TreeNode"),
    ARRAY(null),
    NULLABLE(null),
    MAP(null),
    VOID("void");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The base type's name; null for the wrapping kinds. */
    public String id() {
      return id;
    }

    boolean wraps() {
      return this == ARRAY || this == NULLABLE || this == MAP;
    }

    /** The types of the format before version 2's additions: no harness needs more for them. */
    boolean isPlainScalar() {
      return this == INT || this == LONG || this == DOUBLE || this == BOOLEAN || this == STRING;
    }
  }

  public static final ValueType INT = new ValueType(Kind.INT, null);
  public static final ValueType STRING = new ValueType(Kind.STRING, null);
  public static final ValueType VOID = new ValueType(Kind.VOID, null);

  public ValueType {
    if (kind == null) {
      throw new IllegalArgumentException("kind is null");
    }
    if (kind.wraps() != (element != null)) {
      throw new IllegalArgumentException(
          kind.wraps() ? "element is null for " + kind : "element is set for " + kind);
    }
    if (element != null && element.kind == Kind.VOID) {
      throw new IllegalArgumentException("void is a return type only, not an element");
    }
    if (kind == Kind.NULLABLE && element.kind == Kind.NULLABLE) {
      throw new IllegalArgumentException("? twice in a row");
    }
    if (kind == Kind.NULLABLE
        && (element.kind == Kind.LIST_NODE || element.kind == Kind.TREE_NODE)) {
      throw new IllegalArgumentException(
          element + "? is " + element + ": the empty list or tree already is null");
    }
    if (kind == Kind.ARRAY && element.arrayDimensions() >= MAX_ARRAY_DIMENSIONS) {
      throw new IllegalArgumentException("more than " + MAX_ARRAY_DIMENSIONS + " [] in a row");
    }
    if (element != null && element.depth() >= MAX_DEPTH) {
      throw new IllegalArgumentException(
          "more than " + MAX_DEPTH + " arrays, nullables and maps around one type");
    }
  }

  public static ValueType arrayOf(ValueType element) {
    return new ValueType(Kind.ARRAY, element);
  }

  public static ValueType nullable(ValueType element) {
    return new ValueType(Kind.NULLABLE, element);
  }

  public static ValueType mapOf(ValueType value) {
    return new ValueType(Kind.MAP, value);
  }

  /**
   * Parses a type name: a base type ({@code map<string, T>} included) followed by any of {@code []}
   * and {@code ?}, so {@code int?[]} is an array of nullable ints and {@code int[]?} a nullable
   * array. {@code void} is refused here: only {@link #parseReturn} reads it.
   */
  @JsonCreator
  public static ValueType parse(String type) {
    if (type == null) {
      throw new IllegalArgumentException("type is null");
    }
    if (type.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "unsupported type: \""
              + type.substring(0, 40)
              + "...\" is longer than "
              + MAX_NAME_LENGTH
              + " characters");
    }
    if (type.equals("void")) {
      throw new IllegalArgumentException(
          "unsupported type: \"void\" is only the return type of a design method");
    }
    Reader reader = new Reader(type);
    try {
      ValueType parsed = reader.type();
      if (!reader.done()) {
        throw new IllegalArgumentException("unexpected \"" + reader.rest() + "\"");
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unsupported type: \"" + type + "\": " + e.getMessage() + " (valid: " + VALID + ")");
    }
  }

  /** Parses a design method's return type: any type, or {@code void}. */
  public static ValueType parseReturn(String type) {
    return "void".equals(type) ? VOID : parse(type);
  }

  public boolean isArray() {
    return kind == Kind.ARRAY;
  }

  public boolean isVoid() {
    return kind == Kind.VOID;
  }

  /** True for the types of the first format (scalars and their arrays): no extra codecs needed. */
  public boolean isPlain() {
    return kind == Kind.ARRAY ? element.isPlain() : kind.isPlainScalar();
  }

  /** The type this one wraps: an array's elements, a nullable's value, a map's values. */
  public ValueType element() {
    if (element == null) {
      throw new IllegalStateException("not an array, nullable or map type: " + this);
    }
    return element;
  }

  /** The base type under every array, nullable and map: {@code int} for {@code int?[]}. */
  public ValueType base() {
    return element == null ? this : element.base();
  }

  private int arrayDimensions() {
    return kind == Kind.ARRAY ? 1 + element.arrayDimensions() : 0;
  }

  private int depth() {
    return element == null ? 0 : 1 + element.depth();
  }

  /** True if {@code value} is a JSON value of this type. */
  public boolean accepts(JsonNode value) {
    return misfit(value) == null;
  }

  /**
   * Why {@code value} is not a JSON value of this type, naming the first bad place in it ({@code
   * [2] is not an int: 2.5}); null if it is one. A {@code ListNode} may be written in its cyclic
   * form ({@link #CYCLE_VALUES}, {@link #CYCLE_TARGET}): arguments can be lists that loop back.
   */
  public String misfit(JsonNode value) {
    return misfit(value, "", true);
  }

  /**
   * As {@link #misfit}, for a value a solution returned or a test expects: a list is an array of
   * its values only, since the runners report a returned cycle as an error and never write one.
   */
  public String returnMisfit(JsonNode value) {
    return misfit(value, "", false);
  }

  /** The cyclic form of a list: {@code {"values": [3, 2, 0, -4], "tailLinksTo": 1}}. */
  public static final String CYCLE_VALUES = "values";

  /** The index of the node the last node of a cyclic list links back to. */
  public static final String CYCLE_TARGET = "tailLinksTo";

  private String misfit(JsonNode value, String at, boolean cycles) {
    if (value == null || value.isMissingNode()) {
      return place(at) + "is missing";
    }
    switch (kind) {
      case NULLABLE -> {
        return value.isNull() ? null : element.misfit(value, at, cycles);
      }
      case ARRAY -> {
        if (!value.isArray()) {
          return place(at) + "is not an array: " + brief(value);
        }
        for (int i = 0; i < value.size(); i++) {
          String inner = element.misfit(value.get(i), at + "[" + i + "]", cycles);
          if (inner != null) {
            return inner;
          }
        }
        return null;
      }
      case MAP -> {
        if (!value.isObject()) {
          return place(at) + "is not an object (a map<string, " + element + ">): " + brief(value);
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          String inner =
              element.misfit(entry.getValue(), at + "[" + quote(entry.getKey()) + "]", cycles);
          if (inner != null) {
            return inner;
          }
        }
        return null;
      }
      case LIST_NODE -> {
        return value.isObject() && cycles ? cyclicListMisfit(value, at) : listMisfit(value, at);
      }
      case TREE_NODE -> {
        return treeMisfit(value, at);
      }
      case VOID -> {
        return value.isNull() ? null : place(at) + "is not null (the method returns void)";
      }
      default -> {
        return scalarMisfit(value, at);
      }
    }
  }

  private static String listMisfit(JsonNode value, String at) {
    if (!value.isArray()) {
      return place(at) + "is not an array of the list's values: " + brief(value);
    }
    for (int i = 0; i < value.size(); i++) {
      if (!isIntegerWithin(value.get(i), MIN_INT, MAX_INT)) {
        return place(at + "[" + i + "]") + "is not an int: " + brief(value.get(i));
      }
    }
    return null;
  }

  /** {@code {"values": [...], "tailLinksTo": i}}: the last node links back to node i (0-based). */
  private static String cyclicListMisfit(JsonNode value, String at) {
    for (String key : value.propertyNames()) {
      if (!key.equals(CYCLE_VALUES) && !key.equals(CYCLE_TARGET)) {
        return place(at)
            + "has the key "
            + quote(key)
            + ": a list that loops back is {\""
            + CYCLE_VALUES
            + "\": [...], \""
            + CYCLE_TARGET
            + "\": i}";
      }
    }
    JsonNode values = value.get(CYCLE_VALUES);
    if (values == null) {
      return place(at) + "has no \"" + CYCLE_VALUES + "\": the list's values, head first";
    }
    String inner = listMisfit(values, at + "." + CYCLE_VALUES);
    if (inner != null) {
      return inner;
    }
    if (values.isEmpty()) {
      return place(at + "." + CYCLE_VALUES) + "is empty: the empty list is [] and has no cycle";
    }
    JsonNode target = value.get(CYCLE_TARGET);
    if (target == null) {
      return place(at)
          + "has no \""
          + CYCLE_TARGET
          + "\": a list without a cycle is an array of its values, e.g. [1,2]";
    }
    if (!isIntegerWithin(target, BigDecimal.ZERO, BigDecimal.valueOf(values.size() - 1))) {
      return place(at + "." + CYCLE_TARGET)
          + "is not an index of the values (0 to "
          + (values.size() - 1)
          + "): "
          + brief(target);
    }
    return null;
  }

  private String scalarMisfit(JsonNode value, String at) {
    boolean fits =
        switch (kind) {
          case INT -> isIntegerWithin(value, MIN_INT, MAX_INT);
          case LONG -> isIntegerWithin(value, MAX_LONG.negate(), MAX_LONG);
          case DOUBLE -> value.isNumber() && Double.isFinite(value.doubleValue());
          case BOOLEAN -> value.isBoolean();
          case STRING -> value.isString();
          case BIGINT -> bigintMisfit(value) == null;
          default -> throw new IllegalStateException("not a scalar: " + kind);
        };
    if (fits) {
      return null;
    }
    String why = kind == Kind.BIGINT ? " (" + bigintMisfit(value) + ")" : "";
    return place(at) + "is not " + article() + ": " + brief(value) + why;
  }

  private static String bigintMisfit(JsonNode value) {
    String digits;
    if (value.isIntegralNumber()) {
      digits = value.bigIntegerValue().toString();
    } else if (value.isString()) {
      digits = value.asString();
      if (!BIGINT_DIGITS.matcher(digits).matches()) {
        return "a bigint is decimal digits with an optional leading -";
      }
    } else {
      return "a bigint is a string of digits or an integer";
    }
    int length = digits.startsWith("-") ? digits.length() - 1 : digits.length();
    return length > MAX_BIGINT_DIGITS
        ? "more than " + MAX_BIGINT_DIGITS + " digits: " + length
        : null;
  }

  /**
   * A tree's level order: the root first; then, for each present node in order, its left and right
   * child, null where missing; a missing node's children are not listed.
   */
  private static String treeMisfit(JsonNode value, String at) {
    if (!value.isArray()) {
      return place(at) + "is not a level-order array of the tree's values: " + brief(value);
    }
    if (value.isEmpty()) {
      return null;
    }
    if (value.get(0).isNull()) {
      return place(at + "[0]") + "is null: a tree's first value is its root (the empty tree is [])";
    }
    long places = 1;
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (places == 0) {
        return place(at + "[" + i + "]")
            + "has no parent: every node before it is already placed (the children of a missing"
            + " node are not listed)";
      }
      places--;
      if (item.isNull()) {
        continue;
      }
      if (!isIntegerWithin(item, MIN_INT, MAX_INT)) {
        return place(at + "[" + i + "]") + "is not an int or null: " + brief(item);
      }
      places += 2;
    }
    return null;
  }

  /**
   * The one JSON form of a value of this type, so equal values compare equal: bigints as strings of
   * digits without leading zeros ({@code -0} is {@code "0"}), trees without trailing nulls, a
   * cyclic list with its two keys in order. Other values are returned as they are. {@code value}
   * must be {@link #accepts accepted}.
   */
  public JsonNode canonical(JsonNode value) {
    if (!needsCanonicalForm() || value == null || value.isNull()) {
      return value;
    }
    return switch (kind) {
      case BIGINT ->
          JsonNodeFactory.instance.stringNode(
              (value.isString() ? new BigInteger(value.asString()) : value.bigIntegerValue())
                  .toString());
      case LIST_NODE -> {
        if (value.isArray()) {
          yield value;
        }
        ObjectNode cyclic = JsonNodeFactory.instance.objectNode();
        cyclic.set(CYCLE_VALUES, value.get(CYCLE_VALUES));
        cyclic.set(CYCLE_TARGET, value.get(CYCLE_TARGET));
        yield cyclic;
      }
      case TREE_NODE -> {
        int end = value.size();
        while (end > 0 && value.get(end - 1).isNull()) {
          end--;
        }
        if (end == value.size()) {
          yield value;
        }
        ArrayNode trimmed = JsonNodeFactory.instance.arrayNode(end);
        for (int i = 0; i < end; i++) {
          trimmed.add(value.get(i));
        }
        yield trimmed;
      }
      case NULLABLE -> element.canonical(value);
      case ARRAY -> {
        ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
        for (JsonNode item : value) {
          out.add(element.canonical(item));
        }
        yield out;
      }
      case MAP -> {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          out.set(entry.getKey(), element.canonical(entry.getValue()));
        }
        yield out;
      }
      default -> value;
    };
  }

  /** True if some value of this type has more than one JSON form. */
  private boolean needsCanonicalForm() {
    return switch (kind) {
      case BIGINT, TREE_NODE, LIST_NODE -> true;
      case ARRAY, NULLABLE, MAP -> element.needsCanonicalForm();
      default -> false;
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

  private String article() {
    String name = toString();
    return ("aeiou".indexOf(Character.toLowerCase(name.charAt(0))) >= 0 ? "an " : "a ") + name;
  }

  private static String place(String at) {
    return at.isEmpty() ? "" : at + " ";
  }

  private static String quote(String key) {
    String shown = key.length() > 30 ? key.substring(0, 30) + "..." : key;
    return "\"" + shown.replace("\"", "\\\"") + "\"";
  }

  private static String brief(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  @JsonValue
  @Override
  public String toString() {
    return switch (kind) {
      case ARRAY -> element + "[]";
      case NULLABLE -> element + "?";
      case MAP -> "map<string, " + element + ">";
      default -> kind.id;
    };
  }

  /** A recursive-descent reader of {@code base ("[]" | "?")*}, where base may be a map. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    ValueType type() {
      ValueType type = base();
      while (true) {
        if (text.startsWith("[]", at)) {
          at += 2;
          type = arrayOf(type);
        } else if (text.startsWith("?", at)) {
          at += 1;
          type = nullable(type);
        } else {
          return type;
        }
      }
    }

    boolean done() {
      return at == text.length();
    }

    String rest() {
      return text.substring(at);
    }

    private ValueType base() {
      int start = at;
      while (at < text.length() && Character.isLetter(text.charAt(at))) {
        at++;
      }
      String name = text.substring(start, at);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a type name expected at \"" + rest() + "\"");
      }
      if (name.equals("map")) {
        return map();
      }
      for (Kind kind : Kind.values()) {
        if (name.equals(kind.id) && kind != Kind.VOID) {
          return new ValueType(kind, null);
        }
      }
      throw new IllegalArgumentException("unknown type \"" + name + "\"");
    }

    private ValueType map() {
      spaces();
      expect("<");
      spaces();
      int start = at;
      while (at < text.length() && Character.isLetter(text.charAt(at))) {
        at++;
      }
      String key = text.substring(start, at);
      if (!key.equals("string")) {
        throw new IllegalArgumentException(
            "map keys are string, not \"" + (key.isEmpty() ? rest() : key) + "\"");
      }
      spaces();
      expect(",");
      spaces();
      ValueType value = type();
      spaces();
      expect(">");
      return mapOf(value);
    }

    private void spaces() {
      while (at < text.length() && text.charAt(at) == ' ') {
        at++;
      }
    }

    private void expect(String token) {
      if (!text.startsWith(token, at)) {
        throw new IllegalArgumentException("\"" + token + "\" expected at \"" + rest() + "\"");
      }
      at += token.length();
    }
  }
}
