package dev.improview.problem;

import dev.improview.execution.Comparison;
import dev.improview.execution.TestReport;
import tools.jackson.databind.JsonNode;

/** A design test as the calls it makes: which call a wrong answer went wrong at. */
final class Calls {

  private static final int MAX_SHOWN = 80;

  private Calls() {}

  /**
   * The first call whose return differs, as a candidate reads it: {@code call 7, get(3): expected
   * 4, got -1}. Calls compare under the problem's comparison, one by one (an unordered comparison
   * compares each call's array as a multiset).
   */
  static String firstDifference(
      Problem problem, JsonNode args, JsonNode expectedValue, TestReport outcome) {
    var signature = problem.signature();
    JsonNode expected = signature.canonicalResult(args, expectedValue);
    JsonNode actual = outcome.actual();
    Comparison comparison = problem.comparison();
    JsonNode ops = args.get(0);
    for (int i = 0; i < expected.size() && i < actual.size(); i++) {
      JsonNode want = expected.get(i);
      JsonNode got = actual.get(i);
      boolean same = matches(comparison, want, got);
      if (!same) {
        return "call "
            + (i + 1)
            + ", "
            + text(ops.get(i).asString(), args.get(1).get(i))
            + ": expected "
            + shown(want)
            + ", got "
            + shown(got);
      }
    }
    return "the calls return " + shown(actual) + ", expected " + shown(expected);
  }

  private static boolean matches(Comparison comparison, JsonNode want, JsonNode got) {
    if (want.isNull() || got.isNull()) {
      return want.isNull() && got.isNull();
    }
    return switch (comparison.mode()) {
      case EXACT, FLOAT -> comparison.matches(want, got);
      // A call's array as a multiset; any other return exactly.
      case UNORDERED ->
          want.isArray() && got.isArray()
              ? comparison.matches(want, got)
              : Comparison.exact().matches(want, got);
      // The checker judged the whole test; the first call that differs is still worth naming.
      case CHECKER -> Comparison.exact().matches(want, got);
    };
  }

  /** A call as code: {@code get(3)}, its arguments as compact JSON. */
  static String text(String name, JsonNode callArgs) {
    var out = new StringBuilder(name).append('(');
    for (int j = 0; j < callArgs.size(); j++) {
      if (j > 0) {
        out.append(", ");
      }
      out.append(callArgs.get(j));
    }
    return cut(out.append(')').toString());
  }

  private static String shown(JsonNode value) {
    return cut(String.valueOf(value));
  }

  private static String cut(String text) {
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
  }
}
