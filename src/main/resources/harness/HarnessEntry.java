import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the signature asks the solution to declare, its types read: class Solution with one method,
 * or (kind "class") a design class with a constructor and methods; and the check, by reflection, of
 * the compiled solution against it ({@link Loaded}). Part of the Java harness (Harness.java).
 */
final class HarnessEntry {
  final boolean design;
  final String className;
  final Member constructor;
  final List<Member> methods = new ArrayList<>();

  HarnessEntry(Map<String, Object> signature) {
    design = "class".equals(signature.get("kind"));
    if (design) {
      className = (String) signature.get("className");
      constructor =
          new Member(
              className,
              className,
              Harness.Json.object(signature.get("constructor")).get("params"),
              null);
      for (Object item : Harness.Json.list(signature.get("methods"))) {
        Map<String, Object> method = Harness.Json.object(item);
        methods.add(
            new Member(
                (String) method.get("call"),
                (String) method.get("name"),
                method.get("params"),
                (String) method.get("returns")));
      }
    } else {
      className = "Solution";
      constructor = new Member(className, className, List.of(), null);
      String function = (String) signature.get("function");
      methods.add(
          new Member(
              function, function, signature.get("params"), (String) signature.get("returns")));
    }
  }

  /** The file the solution is compiled as: a public class HitCounter must be HitCounter.java. */
  String userFile() {
    return className + ".java";
  }

  /** ListNode and TreeNode, where some parameter or return type names them. */
  List<String> nodeClasses() {
    List<String> nodes = new ArrayList<>();
    if (uses(HarnessTypes.Kind.LIST_NODE)) {
      nodes.add("ListNode");
    }
    if (uses(HarnessTypes.Kind.TREE_NODE)) {
      nodes.add("TreeNode");
    }
    return nodes;
  }

  boolean uses(HarnessTypes.Kind kind) {
    if (constructor.uses(kind)) {
      return true;
    }
    for (Member method : methods) {
      if (method.uses(kind)) {
        return true;
      }
    }
    return false;
  }

  /** "class HitCounter with public HitCounter(int window), public int countSince(int at)". */
  String outline() {
    StringBuilder out = new StringBuilder("class ").append(className).append(" with ");
    out.append(constructor.declaration());
    for (Member method : methods) {
      out.append(", ").append(method.declaration());
    }
    return out.toString();
  }

  /** A constructor or method the signature names, with its parameter and return types read. */
  static final class Member {
    final String call;
    final String name;
    final List<String> paramNames = new ArrayList<>();
    final List<HarnessTypes.Type> params = new ArrayList<>();
    // Null for void and for a constructor.
    final HarnessTypes.Type returns;
    final boolean constructor;
    Executable target;

    Member(String call, String name, Object params, String returns) {
      this.call = call;
      this.name = name;
      this.constructor = returns == null;
      this.returns =
          returns == null || returns.equals("void") ? null : HarnessTypes.Type.parse(returns);
      for (Object item : Harness.Json.list(params)) {
        Map<String, Object> param = Harness.Json.object(item);
        paramNames.add((String) param.get("name"));
        this.params.add(HarnessTypes.Type.parse((String) param.get("type")));
      }
    }

    boolean uses(HarnessTypes.Kind kind) {
      if (returns != null && returns.uses(kind)) {
        return true;
      }
      for (HarnessTypes.Type param : params) {
        if (param.uses(kind)) {
          return true;
        }
      }
      return false;
    }

    /** "public int[] twoSum(int[] nums, int target)", "public HitCounter(int window)". */
    String declaration() {
      StringBuilder out = new StringBuilder("public ");
      if (!constructor) {
        out.append(returns == null ? "void" : returns.javaName()).append(' ');
      }
      out.append(name).append('(');
      for (int i = 0; i < params.size(); i++) {
        out.append(i > 0 ? ", " : "").append(params.get(i).javaName()).append(' ');
        out.append(paramNames.get(i));
      }
      return out.append(')').toString();
    }

    /** "countSince(at)" */
    String shape() {
      return name + "(" + String.join(", ", paramNames) + ")";
    }

    /** "1 parameter (at)", "2 parameters (nums, target)", "no parameters". */
    String parameters() {
      int n = params.size();
      if (n == 0) {
        return "no parameters";
      }
      return n + (n == 1 ? " parameter (" : " parameters (") + String.join(", ", paramNames) + ")";
    }

    Class<?>[] erasures(HarnessTypes.Nodes nodes) {
      Class<?>[] classes = new Class<?>[params.size()];
      for (int i = 0; i < classes.length; i++) {
        classes[i] = params.get(i).erasure(nodes);
      }
      return classes;
    }

    Object[] decode(List<Object> args, HarnessTypes.Nodes nodes) {
      Object[] decoded = new Object[params.size()];
      for (int i = 0; i < decoded.length; i++) {
        decoded[i] = params.get(i).decode(args.get(i), nodes);
      }
      return decoded;
    }
  }

  /**
   * The solution's classes checked against the signature by reflection, generics included, before
   * any test: a missing or mis-declared class, constructor or method is a diagnostic that shows the
   * declaration expected. Then the class is initialised (its static code runs, captured).
   */
  static final class Loaded {
    final HarnessEntry entry;
    final Harness.Compiled compiled;
    final List<String> problems = new ArrayList<>();
    final Map<String, Member> byCall = new HashMap<>();
    HarnessTypes.Nodes nodes = HarnessTypes.Nodes.NONE;
    Constructor<?> constructor;
    Throwable error;

    Loaded(HarnessEntry entry, Harness.Compiled compiled) {
      this.entry = entry;
      this.compiled = compiled;
    }

    void load() {
      try {
        check();
        if (problems.isEmpty()) {
          Class.forName(entry.className, true, compiled.loader);
        }
      } catch (Throwable e) {
        error = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
      }
    }

    private void check() throws ReflectiveOperationException {
      String className = entry.className;
      Class<?> type;
      try {
        type = Class.forName(className, false, compiled.loader);
      } catch (ClassNotFoundException e) {
        problems.add(
            entry.design
                ? "Define a class "
                    + className
                    + " (top-level, not in a package). Expected: "
                    + entry.outline()
                : "Declare a class named Solution (top-level, not in a package). Expected: "
                    + entry.methods.get(0).declaration());
        return;
      }
      nodes =
          HarnessTypes.Nodes.load(
              compiled.loader,
              entry.uses(HarnessTypes.Kind.LIST_NODE),
              entry.uses(HarnessTypes.Kind.TREE_NODE));
      int modifiers = type.getModifiers();
      if (type.isInterface() || type.isEnum() || Modifier.isAbstract(modifiers)) {
        problems.add(
            className
                + " must be a class with a constructor (not an interface, an enum or abstract)."
                + " Expected: "
                + (entry.design ? entry.outline() : "class Solution"));
        return;
      }
      checkConstructor(type);
      for (Member member : entry.methods) {
        checkMethod(type, member);
      }
    }

    private void checkConstructor(Class<?> type) {
      Member member = entry.constructor;
      try {
        constructor = type.getDeclaredConstructor(member.erasures(nodes));
      } catch (NoSuchMethodException e) {
        if (!entry.design) {
          problems.add("class Solution needs a constructor without parameters.");
          return;
        }
        Constructor<?>[] candidates = type.getDeclaredConstructors();
        String owner = entry.className + "'s constructor";
        problems.add(mismatch(owner, member, candidates) + " Expected: " + member.declaration());
        return;
      }
      String wrong = wrongParameter(entry.className + "'s constructor", member, constructor);
      if (wrong != null) {
        problems.add(wrong + " Expected: " + member.declaration());
        return;
      }
      constructor.setAccessible(true);
      member.target = constructor;
    }

    private void checkMethod(Class<?> type, Member member) {
      String owner = entry.className + "." + member.name;
      String expected = " Expected: " + member.declaration();
      Class<?>[] erasures = member.erasures(nodes);
      Method method = null;
      try {
        // A design class may inherit its public methods; Solution's is its own.
        method =
            entry.design
                ? type.getMethod(member.name, erasures)
                : type.getDeclaredMethod(member.name, erasures);
      } catch (NoSuchMethodException e) {
        // Declared with these types but not public? Otherwise, what is there by that name.
      }
      if (method != null && method.getDeclaringClass() == Object.class) {
        method = null;
      }
      if (method == null && entry.design) {
        try {
          method = type.getDeclaredMethod(member.name, erasures);
        } catch (NoSuchMethodException e) {
          // Not declared at all.
        }
      }
      if (method == null) {
        List<Executable> candidates = new ArrayList<>();
        for (Method m : entry.design ? type.getMethods() : type.getDeclaredMethods()) {
          if (m.getName().equals(member.name) && m.getDeclaringClass() != Object.class) {
            candidates.add(m);
          }
        }
        if (entry.design) {
          for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(member.name) && !candidates.contains(m)) {
              candidates.add(m);
            }
          }
        }
        if (candidates.isEmpty()) {
          problems.add(
              "class "
                  + entry.className
                  + " has no method "
                  + (entry.design ? member.shape() : member.name)
                  + "."
                  + expected);
        } else {
          problems.add(mismatch(owner, member, candidates.toArray(new Executable[0])) + expected);
        }
        return;
      }
      if (!Modifier.isPublic(method.getModifiers())) {
        problems.add(owner + " must be public." + expected);
        return;
      }
      String wrong = wrongParameter(owner, member, method);
      if (wrong != null) {
        problems.add(wrong + expected);
        return;
      }
      Class<?> returns = member.returns == null ? void.class : member.returns.erasure(nodes);
      if (method.getReturnType() != returns) {
        problems.add(
            owner
                + " returns "
                + HarnessTypes.describeClass(method.getReturnType())
                + " but the problem asks for "
                + (member.returns == null ? "void" : member.returns.javaName())
                + "."
                + ownNodeHint(method.getGenericReturnType())
                + expected);
        return;
      }
      if (member.returns != null
          && !member.returns.declaredAs(method.getGenericReturnType(), nodes)) {
        problems.add(
            owner
                + " returns "
                + HarnessTypes.describe(method.getGenericReturnType())
                + " but the problem asks for "
                + member.returns.javaName()
                + "."
                + expected);
        return;
      }
      method.setAccessible(true);
      member.target = method;
      byCall.put(member.call, member);
    }

    /** Why none of the same-named candidates fits: a wrong parameter count or a wrong type. */
    private String mismatch(String owner, Member member, Executable[] candidates) {
      for (Executable candidate : candidates) {
        if (candidate.getParameterCount() == member.params.size()) {
          String wrong = wrongParameter(owner, member, candidate);
          if (wrong != null) {
            return wrong;
          }
        }
      }
      int theirs = candidates[0].getParameterCount();
      return owner + " takes " + member.parameters() + "; yours takes " + theirs + ".";
    }

    /** The first parameter whose declared Java type differs, or null when all fit. */
    private String wrongParameter(String owner, Member member, Executable candidate) {
      java.lang.reflect.Type[] declared = candidate.getGenericParameterTypes();
      for (int i = 0; i < member.params.size(); i++) {
        HarnessTypes.Type want = member.params.get(i);
        if (!want.declaredAs(declared[i], nodes)) {
          return owner
              + " declares parameter "
              + member.paramNames.get(i)
              + " as "
              + HarnessTypes.describe(declared[i])
              + " but the problem asks for "
              + want.javaName()
              + (want.kind == HarnessTypes.Kind.NULLABLE ? " (it may be null)" : "")
              + "."
              + ownNodeHint(declared[i]);
        }
      }
      return null;
    }

    /** A solution's own nested ListNode or TreeNode is not the provided one. */
    private static String ownNodeHint(java.lang.reflect.Type declared) {
      String text = HarnessTypes.describe(declared);
      for (String node : new String[] {"ListNode", "TreeNode"}) {
        if (text.contains("." + node)) {
          return " Use the provided " + node + ": do not declare your own.";
        }
      }
      return "";
    }
  }
}
