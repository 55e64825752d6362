package dev.improview.execution;

import tools.jackson.databind.JsonNode;

/**
 * One test as the engine runs it: the arguments only (a JSON array, one element per parameter).
 * Expected values stay with the judge above the engine and never come near the sandbox.
 */
public record TestCase(JsonNode args) {

  public TestCase {
    if (args == null || !args.isArray()) {
      throw new IllegalArgumentException("args is not a JSON array: " + args);
    }
  }
}
