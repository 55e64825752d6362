package dev.improview.execution;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The function users implement. Names are given in camelCase; Python code uses their snake_case
 * forms ({@link #functionName(Language)}), JavaScript and Java use them as given.
 */
public record Signature(String function, List<Parameter> params, ValueType returns) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  static final int MAX_PARAMS = 16;

  public Signature {
    requireIdentifier("function", function);
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    if (params.size() > MAX_PARAMS) {
      throw new IllegalArgumentException(
          "params has more than " + MAX_PARAMS + ": " + params.size());
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < params.size(); i++) {
      Parameter param = params.get(i);
      if (param == null) {
        throw new IllegalArgumentException("params[" + i + "] is null");
      }
      if (!names.add(snakeCase(param.name()))) {
        throw new IllegalArgumentException("params has a duplicate name: " + param.name());
      }
    }
    if (returns == null) {
      throw new IllegalArgumentException("returns is null");
    }
    params = List.copyOf(params);
  }

  /** The function's name as user code in {@code language} declares it. */
  public String functionName(Language language) {
    return language == Language.PYTHON ? snakeCase(function) : function;
  }

  /** The parameter names as user code in {@code language} declares them. */
  public List<String> paramNames(Language language) {
    return params.stream()
        .map(p -> language == Language.PYTHON ? snakeCase(p.name()) : p.name())
        .toList();
  }

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

  static void requireIdentifier(String field, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches() || value.length() > 64) {
      throw new IllegalArgumentException(
          field + " is not an identifier (a letter, then letters or digits, at most 64): " + value);
    }
  }
}
