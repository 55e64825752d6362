package dev.improview.problem;

import dev.improview.execution.DesignClass;
import dev.improview.execution.Language;
import dev.improview.execution.Method;
import dev.improview.execution.Parameter;
import dev.improview.execution.Signature;
import dev.improview.execution.ValueType;
import dev.improview.execution.ValueType.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The code a candidate starts from: the signature, idiomatic in each language, with no body; the
 * definitions of the node classes the harness provides, as the big sites show them, in a comment
 * above it when the signature uses them.
 */
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
    var nodes = nodeKinds(signature);
    return switch (language) {
      case JAVASCRIPT -> jsNodes(nodes) + javascript(signature);
      case PYTHON -> pythonNodes(nodes) + python(signature);
      case JAVA -> java(signature, nodes);
    };
  }

  // ---- JavaScript ----

  private static String javascript(Signature s) {
    if (s.isClass()) {
      DesignClass design = s.design();
      var out = new StringBuilder("class ").append(design.className()).append(" {\n");
      out.append(jsMethod("constructor", design.constructor(), null));
      for (Method m : design.methods()) {
        out.append('\n').append(jsMethod(m.name(), m.params(), m.returns()));
      }
      return out.append("}\n").toString();
    }
    var doc = new StringBuilder("/**\n");
    for (var p : s.params()) {
      doc.append(" * @param {").append(jsType(p.type())).append("} ").append(p.name()).append('\n');
    }
    doc.append(" * @return {").append(jsType(s.returns())).append("}\n */\n");
    var params = String.join(", ", s.paramNames(Language.JAVASCRIPT));
    return doc + "function " + s.function() + "(" + params + ") {\n  \n}\n";
  }

  private static String jsMethod(String name, List<Parameter> params, ValueType returns) {
    var out = new StringBuilder("  /**\n");
    for (var p : params) {
      out.append("   * @param {").append(jsType(p.type())).append("} ").append(p.name());
      out.append('\n');
    }
    if (returns != null) {
      out.append("   * @return {").append(jsType(returns)).append("}\n");
    }
    out.append("   */\n  ").append(name).append('(');
    out.append(String.join(", ", Signature.names(params, Language.JAVASCRIPT)));
    return out.append(") {\n    \n  }\n").toString();
  }

  static String jsType(ValueType type) {
    return switch (type.kind()) {
      case INT, LONG, DOUBLE -> "number";
      case BOOLEAN -> "boolean";
      case STRING -> "string";
      case BIGINT -> "bigint";
      case LIST_NODE, TREE_NODE -> type + "|null";
      case VOID -> "void";
      case NULLABLE -> jsType(type.element()) + "|null";
      case MAP -> "Object<string, " + jsType(type.element()) + ">";
      case ARRAY -> {
        String element = jsType(type.element());
        yield (element.contains("|") ? "(" + element + ")" : element) + "[]";
      }
    };
  }

  private static String jsNodes(Set<Kind> nodes) {
    var out = new StringBuilder();
    if (nodes.contains(Kind.LIST_NODE)) {
      out.append(
          """
          /**
           * Definition for a singly linked list node (provided; do not declare it):
           * class ListNode {
           *   constructor(val = 0, next = null) {
           *     this.val = val;
           *     this.next = next;
           *   }
           * }
           */
          """);
    }
    if (nodes.contains(Kind.TREE_NODE)) {
      out.append(
          """
          /**
           * Definition for a binary tree node (provided; do not declare it):
           * class TreeNode {
           *   constructor(val = 0, left = null, right = null) {
           *     this.val = val;
           *     this.left = left;
           *     this.right = right;
           *   }
           * }
           */
          """);
    }
    return out.isEmpty() ? "" : out + "\n";
  }

  // ---- Python ----

  private static String python(Signature s) {
    if (s.isClass()) {
      DesignClass design = s.design();
      var out = new StringBuilder("class ").append(design.className()).append(":\n");
      out.append(pythonMethod("__init__", design.constructor(), null));
      for (Method m : design.methods()) {
        out.append('\n').append(pythonMethod(m.name(Language.PYTHON), m.params(), m.returns()));
      }
      return out.toString();
    }
    return "def "
        + s.functionName(Language.PYTHON)
        + "("
        + pythonParams(s.params())
        + ") -> "
        + pythonType(s.returns())
        + ":\n    pass\n";
  }

  private static String pythonMethod(String name, List<Parameter> params, ValueType returns) {
    var self = params.isEmpty() ? "self" : "self, ";
    var result = returns == null ? "" : " -> " + pythonType(returns);
    return "    def "
        + name
        + "("
        + self
        + pythonParams(params)
        + ")"
        + result
        + ":\n        pass\n";
  }

  private static String pythonParams(List<Parameter> params) {
    var names = Signature.names(params, Language.PYTHON);
    var out = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(names.get(i)).append(": ");
      out.append(pythonType(params.get(i).type()));
    }
    return out.toString();
  }

  static String pythonType(ValueType type) {
    return switch (type.kind()) {
      case INT, LONG, BIGINT -> "int";
      case DOUBLE -> "float";
      case BOOLEAN -> "bool";
      case STRING -> "str";
      case LIST_NODE -> "ListNode | None";
      case TREE_NODE -> "TreeNode | None";
      case VOID -> "None";
      case NULLABLE -> pythonType(type.element()) + " | None";
      case MAP -> "dict[str, " + pythonType(type.element()) + "]";
      case ARRAY -> "list[" + pythonType(type.element()) + "]";
    };
  }

  private static String pythonNodes(Set<Kind> nodes) {
    var out = new StringBuilder();
    if (nodes.contains(Kind.LIST_NODE)) {
      out.append(
          """
          # Definition for a singly linked list node (provided; do not declare it):
          # class ListNode:
          #     def __init__(self, val=0, next=None):
          #         self.val = val
          #         self.next = next
          """);
    }
    if (nodes.contains(Kind.TREE_NODE)) {
      out.append(
          """
          # Definition for a binary tree node (provided; do not declare it):
          # class TreeNode:
          #     def __init__(self, val=0, left=None, right=None):
          #         self.val = val
          #         self.left = left
          #         self.right = right
          """);
    }
    return out.isEmpty() ? "" : out + "\n";
  }

  // ---- Java ----

  private static String java(Signature s, Set<Kind> nodes) {
    var out = new StringBuilder("import java.util.*;\n");
    if (usesBigint(s)) {
      out.append("import java.math.BigInteger;\n");
    }
    out.append('\n').append(javaNodes(nodes));
    if (s.isClass()) {
      DesignClass design = s.design();
      out.append("class ").append(design.className()).append(" {\n");
      out.append(javaMethod(design.className(), design.constructor(), null));
      for (Method m : design.methods()) {
        out.append('\n').append(javaMethod(m.name(), m.params(), m.returns()));
      }
      return out.append("}\n").toString();
    }
    return out.append("class Solution {\n")
        .append(javaMethod(s.function(), s.params(), s.returns()))
        .append("}\n")
        .toString();
  }

  private static String javaMethod(String name, List<Parameter> params, ValueType returns) {
    var list =
        params.stream()
            .map(p -> javaType(p.type()) + " " + p.name())
            .collect(Collectors.joining(", "));
    var result = returns == null ? "" : javaType(returns) + " ";
    return "    public " + result + name + "(" + list + ") {\n        \n    }\n";
  }

  static String javaType(ValueType type) {
    return switch (type.kind()) {
      case INT -> "int";
      case LONG -> "long";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
      case STRING -> "String";
      case BIGINT -> "BigInteger";
      case LIST_NODE -> "ListNode";
      case TREE_NODE -> "TreeNode";
      case VOID -> "void";
      case NULLABLE -> boxed(type.element());
      case MAP -> "Map<String, " + boxed(type.element()) + ">";
      case ARRAY -> javaType(type.element()) + "[]";
    };
  }

  /** The Java type where a primitive cannot go: a nullable's, a map's values. */
  private static String boxed(ValueType type) {
    return switch (type.kind()) {
      case INT -> "Integer";
      case LONG -> "Long";
      case DOUBLE -> "Double";
      case BOOLEAN -> "Boolean";
      default -> javaType(type);
    };
  }

  private static String javaNodes(Set<Kind> nodes) {
    var out = new StringBuilder();
    if (nodes.contains(Kind.LIST_NODE)) {
      out.append(
          """
          /**
           * Definition for a singly linked list node (provided; do not declare it):
           * class ListNode {
           *     int val;
           *     ListNode next;
           *     ListNode() {}
           *     ListNode(int val) { this.val = val; }
           *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
           * }
           */
          """);
    }
    if (nodes.contains(Kind.TREE_NODE)) {
      out.append(
          """
          /**
           * Definition for a binary tree node (provided; do not declare it):
           * class TreeNode {
           *     int val;
           *     TreeNode left;
           *     TreeNode right;
           *     TreeNode() {}
           *     TreeNode(int val) { this.val = val; }
           *     TreeNode(int val, TreeNode left, TreeNode right) {
           *         this.val = val;
           *         this.left = left;
           *         this.right = right;
           *     }
           * }
           */
          """);
    }
    return out.toString();
  }

  // ---- What a signature uses ----

  private static List<ValueType> types(Signature s) {
    var types = new ArrayList<ValueType>();
    if (s.isClass()) {
      s.design().constructor().forEach(p -> types.add(p.type()));
      for (Method m : s.design().methods()) {
        m.params().forEach(p -> types.add(p.type()));
        types.add(m.returns());
      }
    } else {
      s.params().forEach(p -> types.add(p.type()));
      types.add(s.returns());
    }
    return types;
  }

  private static Set<Kind> nodeKinds(Signature s) {
    var kinds = EnumSet.noneOf(Kind.class);
    for (ValueType type : types(s)) {
      ValueType base = type.base();
      if (base.kind() == Kind.LIST_NODE || base.kind() == Kind.TREE_NODE) {
        kinds.add(base.kind());
      }
    }
    return kinds;
  }

  private static boolean usesBigint(Signature s) {
    for (ValueType type : types(s)) {
      ValueType base = type.base();
      if (base.kind() == Kind.BIGINT) {
        return true;
      }
    }
    return false;
  }
}
