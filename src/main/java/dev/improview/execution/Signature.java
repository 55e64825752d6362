package dev.improview.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What users implement: one function, or (kind {@code class}) a class to design, whose tests are
 * call sequences. Names are given in camelCase; Python code uses their snake_case forms ({@link
 * #functionName(Language)}), JavaScript and Java use them as given.
 *
 * @param function the function's name; a class's name for a design problem
 * @param params the function's parameters; empty for a design problem (see {@link #design})
 * @param returns the function's return type; {@link ValueType#VOID} for a design problem
 * @param design the class of a design problem; null for a function
 */
public record Signature(
    String function, List<Parameter> params, ValueType returns, DesignClass design) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  static final int MAX_PARAMS = 16;

  /** A function's signature. */
  public Signature(String function, List<Parameter> params, ValueType returns) {
    this(function, params, returns, null);
  }

  public Signature {
    if (design != null) {
      function = design.className();
      params = List.of();
      returns = ValueType.VOID;
    }
    requireIdentifier("function", function);
    params = checkParams(params, "the function");
    if (returns == null) {
      throw new IllegalArgumentException("returns is null");
    }
    if (design == null && returns.isVoid()) {
      throw new IllegalArgumentException("returns is void: a function returns a value");
    }
  }

  /** A design problem's signature. */
  public static Signature ofClass(DesignClass design) {
    if (design == null) {
      throw new IllegalArgumentException("design is null");
    }
    return new Signature(design.className(), List.of(), ValueType.VOID, design);
  }

  /** True for a design problem: a class whose tests are call sequences. */
  public boolean isClass() {
    return design != null;
  }

  /** True if every type in it is of the first format (scalars and their arrays). */
  public boolean isPlain() {
    return isClass()
        ? design.isPlain()
        : returns.isPlain() && params.stream().allMatch(p -> p.type().isPlain());
  }

  /** The function's name as user code in {@code language} declares it (a class's as given). */
  public String functionName(Language language) {
    return language == Language.PYTHON && !isClass() ? snakeCase(function) : function;
  }

  /** The parameter names as user code in {@code language} declares them. */
  public List<String> paramNames(Language language) {
    return names(params, language);
  }

  /** The names of {@code params} as user code in {@code language} declares them. */
  public static List<String> names(List<Parameter> params, Language language) {
    return params.stream()
        .map(p -> language == Language.PYTHON ? snakeCase(p.name()) : p.name())
        .toList();
  }

  /** Where a test's arguments do not fit, and how. */
  public record Misfit(String at, String problem) {
    @Override
    public String toString() {
      return at + " " + problem;
    }
  }

  /**
   * Why a test's arguments do not fit this signature, or null if they do. {@code at} is a path
   * relative to the arguments ({@code [1]}, {@code [1][3][0]}), empty for the whole list.
   */
  public Misfit argsMisfit(JsonNode args) {
    if (args == null || !args.isArray()) {
      return new Misfit("", "is not an array with one value per parameter");
    }
    if (isClass()) {
      return callsMisfit(args);
    }
    if (args.size() != params.size()) {
      return new Misfit(
          "",
          "has "
              + args.size()
              + " values; "
              + function
              + " takes "
              + params.size()
              + " parameters");
    }
    for (int i = 0; i < params.size(); i++) {
      Misfit misfit = valueMisfit("[" + i + "]", params.get(i), args.get(i));
      if (misfit != null) {
        return misfit;
      }
    }
    return null;
  }

  private static Misfit valueMisfit(String at, Parameter param, JsonNode value) {
    String why = valueMisfit(param.type(), value);
    return why == null ? null : new Misfit(at, "(" + param.name() + ") " + why);
  }

  private Misfit callsMisfit(JsonNode args) {
    if (args.size() != 2) {
      return new Misfit(
          "", "has " + args.size() + " values; a design test has 2: [ops, args] (the calls)");
    }
    JsonNode ops = args.get(0);
    JsonNode callArgs = args.get(1);
    if (!ops.isArray() || ops.isEmpty()) {
      return new Misfit(
          "[0]",
          "(ops) is not a non-empty array of call names, the first being " + design.className());
    }
    if (!callArgs.isArray() || callArgs.size() != ops.size()) {
      return new Misfit(
          "[1]",
          "(args) is not an array with one list of arguments per call (" + ops.size() + " calls)");
    }
    for (int i = 0; i < ops.size(); i++) {
      JsonNode op = ops.get(i);
      String at = "[0][" + i + "]";
      if (!op.isString()) {
        return new Misfit(at, "is not a call name: " + brief(op));
      }
      Method method;
      if (i == 0) {
        if (!op.asString().equals(design.className())) {
          return new Misfit(
              at,
              "is \""
                  + brief(op.asString())
                  + "\"; the first call constructs the class: "
                  + design.className());
        }
        method = design.constructorMethod();
      } else {
        method = design.method(op.asString()).orElse(null);
        if (method == null) {
          return new Misfit(
              at,
              "is not a method of "
                  + design.className()
                  + ": \""
                  + brief(op.asString())
                  + "\" (methods: "
                  + String.join(", ", design.methods().stream().map(Method::name).toList())
                  + ")");
        }
      }
      JsonNode values = callArgs.get(i);
      String argsAt = "[1][" + i + "]";
      if (!values.isArray() || values.size() != method.params().size()) {
        return new Misfit(
            argsAt,
            "is not the "
                + method.params().size()
                + " argument(s) of call "
                + (i + 1)
                + ", "
                + method.shape()
                + ": "
                + brief(values));
      }
      for (int j = 0; j < values.size(); j++) {
        Misfit misfit = valueMisfit(argsAt + "[" + j + "]", method.params().get(j), values.get(j));
        if (misfit != null) {
          return misfit;
        }
      }
    }
    return null;
  }

  /**
   * Why {@code value} is not what a test with arguments {@code args} (which fit) may return, or
   * null if it is: the return type's value; for a design test, one value per call of its method's
   * return type (null for the constructor and void methods).
   */
  public String resultMisfit(JsonNode args, JsonNode value) {
    if (!isClass()) {
      return returnMisfit(returns, value);
    }
    List<Method> calls = calls(args);
    if (value == null || !value.isArray() || value.size() != calls.size()) {
      return "is not an array with one value per call ("
          + calls.size()
          + " calls): "
          + brief(value);
    }
    for (int i = 0; i < calls.size(); i++) {
      Method method = calls.get(i);
      String why = returnMisfit(method.returns(), value.get(i));
      if (why != null) {
        return "[" + i + "] (call " + (i + 1) + ", " + method.name() + ") " + why;
      }
    }
    return null;
  }

  // "is not a valid int[]: [1,2.5] ([1] is not an int: 2.5)"
  private static String valueMisfit(ValueType type, JsonNode value) {
    return explained(type, value, type.misfit(value));
  }

  private static String returnMisfit(ValueType type, JsonNode value) {
    return explained(type, value, type.returnMisfit(value));
  }

  private static String explained(ValueType type, JsonNode value, String why) {
    if (why == null) {
      return null;
    }
    // A place inside the value, or a rule of its form, says more than "is not a valid T".
    String detail = why.startsWith("is ") ? "" : " (" + why + ")";
    return "is not a valid " + type + ": " + brief(value) + detail;
  }

  /** The methods a design test calls, in order (the constructor first). */
  public List<Method> calls(JsonNode args) {
    List<Method> calls = new ArrayList<>();
    JsonNode ops = args.get(0);
    calls.add(design.constructorMethod());
    for (int i = 1; i < ops.size(); i++) {
      calls.add(design.method(ops.get(i).asString()).orElseThrow());
    }
    return calls;
  }

  /** The arguments in their one JSON form (bigints as strings, trees trimmed); they must fit. */
  public JsonNode canonicalArgs(JsonNode args) {
    if (isPlain()) {
      return args;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode(args.size());
    if (isClass()) {
      List<Method> calls = calls(args);
      ArrayNode callArgs = JsonNodeFactory.instance.arrayNode(calls.size());
      for (int i = 0; i < calls.size(); i++) {
        callArgs.add(canonical(calls.get(i).params(), args.get(1).get(i)));
      }
      return out.add(args.get(0)).add(callArgs);
    }
    return canonical(params, args);
  }

  private static ArrayNode canonical(List<Parameter> params, JsonNode values) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(params.get(i).type().canonical(values.get(i)));
    }
    return out;
  }

  /** A returned or expected value in its one JSON form; it must fit {@link #resultMisfit}. */
  public JsonNode canonicalResult(JsonNode args, JsonNode value) {
    if (isPlain() || value == null) {
      return value;
    }
    if (!isClass()) {
      return returns.canonical(value);
    }
    List<Method> calls = calls(args);
    ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
    for (int i = 0; i < value.size(); i++) {
      out.add(calls.get(i).returns().canonical(value.get(i)));
    }
    return out;
  }

  /** The problem-format JSON: {@code {function, params, returns}} or the class form. */
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (!isClass()) {
      json.put("function", function);
      json.put("params", params);
      json.put("returns", returns);
      return json;
    }
    json.put("kind", "class");
    json.put("className", design.className());
    json.put("constructor", Map.of("params", design.constructor()));
    json.put("methods", design.methods());
    return json;
  }

  /** The problem-format JSON's reading: a missing {@code kind} is a function. */
  @JsonCreator
  static Signature fromJson(
      @JsonProperty("kind") String kind,
      @JsonProperty("function") String function,
      @JsonProperty("params") List<Parameter> params,
      @JsonProperty("returns") String returns,
      @JsonProperty("className") String className,
      @JsonProperty("constructor") ConstructorJson constructor,
      @JsonProperty("methods") List<MethodJson> methods) {
    if (kind == null || kind.equals("function")) {
      if (className != null || constructor != null || methods != null) {
        throw new IllegalArgumentException(
            "className, constructor and methods belong to kind \"class\"; this signature has"
                + " kind \"function\"");
      }
      if (returns == null) {
        throw new IllegalArgumentException("returns is missing");
      }
      return new Signature(function, params, ValueType.parse(returns));
    }
    if (!kind.equals("class")) {
      throw new IllegalArgumentException(
          "kind is \"" + kind + "\" (valid: function, the default, and class)");
    }
    if (function != null || params != null || returns != null) {
      throw new IllegalArgumentException(
          "function, params and returns belong to kind \"function\"; a class has className,"
              + " constructor and methods");
    }
    if (constructor == null) {
      throw new IllegalArgumentException("constructor is missing (its params may be [])");
    }
    if (methods == null) {
      throw new IllegalArgumentException("methods is missing");
    }
    List<Method> parsed = new ArrayList<>();
    for (int i = 0; i < methods.size(); i++) {
      MethodJson m = methods.get(i);
      if (m == null) {
        throw new IllegalArgumentException("methods[" + i + "] is null");
      }
      if (m.returns() == null) {
        throw new IllegalArgumentException("methods[" + i + "].returns is missing (or \"void\")");
      }
      parsed.add(new Method(m.name(), m.params(), ValueType.parseReturn(m.returns())));
    }
    return ofClass(new DesignClass(className, constructor.params(), parsed));
  }

  record ConstructorJson(List<Parameter> params) {}

  record MethodJson(String name, List<Parameter> params, String returns) {}

  /**
   * camelCase to snake_case: {@code pairWithTargetSum} → {@code pair_with_target_sum}, {@code
   * parseHTTPHeader} → {@code parse_http_header}, {@code sum2D} → {@code sum2_d}.
   */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = name.charAt(i - 1);
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (!Character.isUpperCase(previous) || nextIsLower) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  static List<Parameter> checkParams(List<Parameter> params, String owner) {
    if (params == null) {
      throw new IllegalArgumentException("params is null for " + owner);
    }
    if (params.size() > MAX_PARAMS) {
      throw new IllegalArgumentException(
          "params of " + owner + " has more than " + MAX_PARAMS + ": " + params.size());
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < params.size(); i++) {
      Parameter param = params.get(i);
      if (param == null) {
        throw new IllegalArgumentException("params[" + i + "] of " + owner + " is null");
      }
      if (!names.add(snakeCase(param.name()))) {
        throw new IllegalArgumentException(
            "params of " + owner + " has a duplicate name: " + param.name());
      }
    }
    return List.copyOf(params);
  }

  static void requireIdentifier(String field, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches() || value.length() > 64) {
      throw new IllegalArgumentException(
          field + " is not an identifier (a letter, then letters or digits, at most 64): " + value);
    }
  }

  static String brief(JsonNode value) {
    return brief(String.valueOf(value));
  }

  static String brief(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
