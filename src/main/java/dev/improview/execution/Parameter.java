package dev.improview.execution;

/** One parameter of a signature, named as the problem names it (camelCase). */
public record Parameter(String name, ValueType type) {

  public Parameter {
    Signature.requireIdentifier("name", name);
    if (type == null) {
      throw new IllegalArgumentException("type is null for parameter " + name);
    }
  }
}
