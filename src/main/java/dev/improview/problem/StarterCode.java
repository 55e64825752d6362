package dev.improview.problem;

import dev.improview.execution.Language;
import dev.improview.execution.Signature;
import dev.improview.execution.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The code a candidate starts from: the signature, idiomatic in each language, with no body. */
public final class StarterCode {

  private StarterCode() {}

  /** Starter code keyed by language id, in the catalog's language order. */
  public static Map<String, String> forAllLanguages(Signature signature) {
    var code = new LinkedHashMap<String, String>();
    for (var language : Language.values()) {
      code.put(language.id(), of(signature, language));
    }
    return code;
  }

  /** Starter code for one language. */
  public static String of(Signature signature, Language language) {
    return switch (language) {
      case JAVASCRIPT -> javascript(signature);
      case PYTHON -> python(signature);
      case JAVA -> java(signature);
    };
  }

  private static String javascript(Signature s) {
    var doc = new StringBuilder("/**\n");
    for (var p : s.params()) {
      doc.append(" * @param {").append(jsType(p.type())).append("} ").append(p.name()).append('\n');
    }
    doc.append(" * @return {").append(jsType(s.returns())).append("}\n */\n");
    var params = String.join(", ", s.paramNames(Language.JAVASCRIPT));
    return doc + "function " + s.function() + "(" + params + ") {\n  \n}\n";
  }

  private static String python(Signature s) {
    var names = s.paramNames(Language.PYTHON);
    var params = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      params.append(i == 0 ? "" : ", ").append(names.get(i)).append(": ");
      params.append(pythonType(s.params().get(i).type()));
    }
    return "def "
        + s.functionName(Language.PYTHON)
        + "("
        + params
        + ") -> "
        + pythonType(s.returns())
        + ":\n    pass\n";
  }

  private static String java(Signature s) {
    var params =
        s.params().stream()
            .map(p -> javaType(p.type()) + " " + p.name())
            .collect(Collectors.joining(", "));
    return "import java.util.*;\n\nclass Solution {\n    public "
        + javaType(s.returns())
        + " "
        + s.function()
        + "("
        + params
        + ") {\n        \n    }\n}\n";
  }

  static String jsType(ValueType type) {
    var scalar =
        switch (type.scalar()) {
          case INT, LONG, DOUBLE -> "number";
          case BOOLEAN -> "boolean";
          case STRING -> "string";
        };
    return scalar + "[]".repeat(type.dimensions());
  }

  static String pythonType(ValueType type) {
    var name =
        switch (type.scalar()) {
          case INT, LONG -> "int";
          case DOUBLE -> "float";
          case BOOLEAN -> "bool";
          case STRING -> "str";
        };
    for (int i = 0; i < type.dimensions(); i++) {
      name = "list[" + name + "]";
    }
    return name;
  }

  static String javaType(ValueType type) {
    var scalar =
        switch (type.scalar()) {
          case INT -> "int";
          case LONG -> "long";
          case DOUBLE -> "double";
          case BOOLEAN -> "boolean";
          case STRING -> "String";
        };
    return scalar + "[]".repeat(type.dimensions());
  }
}
