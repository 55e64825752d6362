package dev.improview.execution;

import tools.jackson.databind.JsonNode;

/**
 * One test: the arguments (a JSON array, one element per parameter) and the expected return value,
 * or null when there is no expectation (the test only reports what the code returned).
 */
public record TestCase(JsonNode args, JsonNode expected) {

  public TestCase {
    if (args == null || !args.isArray()) {
      throw new IllegalArgumentException("args is not a JSON array: " + args);
    }
    if (expected != null && (expected.isNull() || expected.isMissingNode())) {
      expected = null;
    }
  }

  public static TestCase withoutExpectation(JsonNode args) {
    return new TestCase(args, null);
  }
}
