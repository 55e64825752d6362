package dev.improview.execution;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The class a design problem asks for: its name, its constructor's parameters and its methods. A
 * test is a call sequence (docs/runner-contract.md, section 2b).
 */
public record DesignClass(String className, List<Parameter> constructor, List<Method> methods) {

  static final int MAX_METHODS = 16;

  public DesignClass {
    Signature.requireIdentifier("className", className);
    if (!Character.isUpperCase(className.charAt(0))) {
      throw new IllegalArgumentException(
          "className starts with a capital letter, as classes do: " + className);
    }
    constructor = Signature.checkParams(constructor, "the constructor");
    if (methods == null || methods.isEmpty()) {
      throw new IllegalArgumentException("methods is empty: a design class has at least one");
    }
    if (methods.size() > MAX_METHODS) {
      throw new IllegalArgumentException(
          "methods has more than " + MAX_METHODS + ": " + methods.size());
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < methods.size(); i++) {
      Method method = methods.get(i);
      if (method == null) {
        throw new IllegalArgumentException("methods[" + i + "] is null");
      }
      if (!names.add(Signature.snakeCase(method.name()))) {
        throw new IllegalArgumentException("methods has a duplicate name: " + method.name());
      }
      if (method.name().equals(className)) {
        throw new IllegalArgumentException(
            "methods[" + i + "] is named like the class: the constructor is call 1 already");
      }
    }
    methods = List.copyOf(methods);
  }

  /** The method that {@code ops} names {@code name}. */
  public Optional<Method> method(String name) {
    return methods.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The constructor as a method named after the class and returning nothing. */
  public Method constructorMethod() {
    return new Method(className, constructor, ValueType.VOID);
  }

  /** True if every type in the class is of the first format's kinds. */
  boolean isPlain() {
    return constructor.stream().allMatch(p -> p.type().isPlain())
        && methods.stream()
            .allMatch(
                m ->
                    (m.returns().isVoid() || m.returns().isPlain())
                        && m.params().stream().allMatch(p -> p.type().isPlain()));
  }
}
