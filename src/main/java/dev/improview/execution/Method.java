package dev.improview.execution;

import java.util.List;

/**
 * A method of a design problem's class: its name as the problem writes it (camelCase), its
 * parameters and its return type ({@link ValueType#VOID} for none).
 */
public record Method(String name, List<Parameter> params, ValueType returns) {

  public Method {
    Signature.requireIdentifier("name", name);
    params = Signature.checkParams(params, "method " + name);
    if (returns == null) {
      throw new IllegalArgumentException("returns is null for method " + name);
    }
  }

  /** The method's name as user code in {@code language} declares it. */
  public String name(Language language) {
    return language == Language.PYTHON ? Signature.snakeCase(name) : name;
  }

  /** The call as the problem documents it: {@code countSince(at)}. */
  public String shape() {
    return name + "(" + String.join(", ", params.stream().map(Parameter::name).toList()) + ")";
  }
}
