import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signature's value types for the Java harness (docs/runner-contract.md, section 2): a type
 * name read into a tree, the Java type a solution declares for it, and the two crossings, JSON
 * arguments to Java values and returned Java values, checked, to JSON.
 *
 * <p>Returned values come from code under judgement. Lists and trees are walked iteratively with an
 * identity set, so a cycle or a shared node is an error that says where, never a hang or a deep
 * recursion; nothing the walk does calls the value's own methods (no toString, hashCode or equals;
 * a BigInteger subclass is copied into a plain one first). The one exception is iterating a
 * returned Map, which may be the solution's own class: the encoding runs on the solution's thread,
 * like the call, so whatever that code does is charged and reported like the call itself.
 */
final class HarnessTypes {

  private HarnessTypes() {}

  enum Kind {
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    STRING,
    BIGINT,
    LIST_NODE,
    TREE_NODE,
    MAP,
    ARRAY,
    NULLABLE
  }

  static final int MAX_BIGINT_DIGITS = 4000;
  // 10^4000 < 2^13288: a number of more bits has more than 4000 digits, without printing it.
  private static final int MAX_BIGINT_BITS = 13288;

  /**
   * A returned value that does not fit its type ({@code mismatch}) or is not a list or tree (a
   * cycle, a shared node, a key twice); {@code at} grows outwards as it is rethrown.
   */
  static class BadReturn extends Exception {
    final String problem;
    final String noun;
    final boolean mismatch;
    String at = "";

    private BadReturn(String problem, String noun, boolean mismatch) {
      super(problem, null, false, false);
      this.problem = problem;
      this.noun = noun;
      this.mismatch = mismatch;
    }

    BadReturn(String problem) {
      this(problem, null, true);
    }

    /** A value of the right type whose shape is wrong: {@code noun} names it at the top. */
    static BadReturn shape(String problem, String noun) {
      return new BadReturn(problem, noun, false);
    }

    /** "the returned value[1] is null, expected int[]", "the returned list has a cycle: ...". */
    @Override
    public String getMessage() {
      String place = at.isEmpty() && noun != null ? noun : "value" + at;
      return "the returned " + place + " " + problem;
    }
  }

  /** The encoded value passed the result cap: the walk stops there. */
  static final class TooLarge extends BadReturn {
    TooLarge() {
      super("is too large");
    }
  }

  /** A type name, read: {@code int?[]} is an ARRAY of a NULLABLE of INT. */
  static final class Type {
    final Kind kind;
    // ARRAY, NULLABLE: the element type; MAP: the values' type.
    final Type element;
    final String name;

    private Type(Kind kind, Type element, String name) {
      this.kind = kind;
      this.element = element;
      this.name = name;
    }

    static Type parse(String name) {
      Reader reader = new Reader(name);
      Type type = reader.type();
      if (reader.pos != name.length()) {
        throw reader.fail();
      }
      return type;
    }

    /** Whether this type is, or holds, {@code kind}. */
    boolean uses(Kind kind) {
      return this.kind == kind || (element != null && element.uses(kind));
    }

    /** The class a value has in Java (erased): what a reflective lookup of a method needs. */
    Class<?> erasure(Nodes nodes) {
      switch (kind) {
        case INT:
          return int.class;
        case LONG:
          return long.class;
        case DOUBLE:
          return double.class;
        case BOOLEAN:
          return boolean.class;
        case NULLABLE:
          return element.boxedErasure(nodes);
        case ARRAY:
          return element.erasure(nodes).arrayType();
        default:
          return boxedErasure(nodes);
      }
    }

    private Class<?> boxedErasure(Nodes nodes) {
      switch (kind) {
        case INT:
          return Integer.class;
        case LONG:
          return Long.class;
        case DOUBLE:
          return Double.class;
        case BOOLEAN:
          return Boolean.class;
        case STRING:
          return String.class;
        case BIGINT:
          return BigInteger.class;
        case LIST_NODE:
          return nodes.list;
        case TREE_NODE:
          return nodes.tree;
        case MAP:
          return Map.class;
        default:
          return erasure(nodes);
      }
    }

    /** The Java declaration for this type: {@code Integer[]}, {@code Map<String, int[]>}. */
    String javaName() {
      return javaName(false);
    }

    private String javaName(boolean boxed) {
      switch (kind) {
        case INT:
          return boxed ? "Integer" : "int";
        case LONG:
          return boxed ? "Long" : "long";
        case DOUBLE:
          return boxed ? "Double" : "double";
        case BOOLEAN:
          return boxed ? "Boolean" : "boolean";
        case STRING:
          return "String";
        case BIGINT:
          return "BigInteger";
        case LIST_NODE:
          return "ListNode";
        case TREE_NODE:
          return "TreeNode";
        case NULLABLE:
          return element.javaName(true);
        case MAP:
          return "Map<String, " + element.javaName(true) + ">";
        default:
          return element.javaName(false) + "[]";
      }
    }

    /** Whether a declared (generic) Java type is exactly this type's Java type. */
    boolean declaredAs(java.lang.reflect.Type declared, Nodes nodes) {
      return matches(declared, nodes, false);
    }

    private boolean matches(java.lang.reflect.Type declared, Nodes nodes, boolean boxed) {
      switch (kind) {
        case NULLABLE:
          return element.matches(declared, nodes, true);
        case ARRAY:
          if (declared instanceof GenericArrayType) {
            return element.matches(
                ((GenericArrayType) declared).getGenericComponentType(), nodes, false);
          }
          return declared instanceof Class
              && ((Class<?>) declared).isArray()
              && element.matches(((Class<?>) declared).getComponentType(), nodes, false);
        case MAP:
          if (!(declared instanceof ParameterizedType)) {
            return false;
          }
          ParameterizedType map = (ParameterizedType) declared;
          java.lang.reflect.Type[] args = map.getActualTypeArguments();
          return map.getRawType() == Map.class
              && args.length == 2
              && args[0] == String.class
              && element.matches(args[1], nodes, true);
        default:
          return declared == (boxed ? boxedErasure(nodes) : erasure(nodes));
      }
    }

    // ---- JSON to Java (arguments, already checked by the server) ----

    Object decode(Object json, Nodes nodes) {
      switch (kind) {
        case INT:
          return ((Number) json).intValue();
        case LONG:
          return ((Number) json).longValue();
        case DOUBLE:
          return ((Number) json).doubleValue();
        case BOOLEAN:
        case STRING:
          return json;
        case BIGINT:
          // Sent as a string of digits; an integer token is read as well.
          return new BigInteger(json instanceof String ? (String) json : String.valueOf(json));
        case NULLABLE:
          return json == null ? null : element.decode(json, nodes);
        case LIST_NODE:
          return nodes.decodeList(json);
        case TREE_NODE:
          return nodes.decodeTree(Harness.Json.list(json));
        case MAP:
          {
            Map<String, Object> object = Harness.Json.object(json);
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : object.entrySet()) {
              map.put(entry.getKey(), element.decode(entry.getValue(), nodes));
            }
            return map;
          }
        default:
          return decodeArray(Harness.Json.list(json), nodes);
      }
    }

    private Object decodeArray(List<Object> list, Nodes nodes) {
      int length = list.size();
      switch (element.kind) {
        case INT:
          {
            int[] array = new int[length];
            for (int i = 0; i < length; i++) {
              array[i] = ((Number) list.get(i)).intValue();
            }
            return array;
          }
        case LONG:
          {
            long[] array = new long[length];
            for (int i = 0; i < length; i++) {
              array[i] = ((Number) list.get(i)).longValue();
            }
            return array;
          }
        case DOUBLE:
          {
            double[] array = new double[length];
            for (int i = 0; i < length; i++) {
              array[i] = ((Number) list.get(i)).doubleValue();
            }
            return array;
          }
        case BOOLEAN:
          {
            boolean[] array = new boolean[length];
            for (int i = 0; i < length; i++) {
              array[i] = (Boolean) list.get(i);
            }
            return array;
          }
        default:
          {
            Object[] array =
                (Object[]) java.lang.reflect.Array.newInstance(element.erasure(nodes), length);
            for (int i = 0; i < length; i++) {
              array[i] = element.decode(list.get(i), nodes);
            }
            return array;
          }
      }
    }

    // ---- Java to JSON (returned values: checked, never trusted) ----

    /** Checks a returned value against this type and appends its JSON to {@code out}. */
    void encode(Object value, Out out) throws BadReturn {
      StringBuilder text = out.text;
      if (value == null) {
        if (kind == Kind.NULLABLE) {
          text.append("null");
          return;
        }
        if (kind == Kind.LIST_NODE || kind == Kind.TREE_NODE) {
          text.append("[]");
          return;
        }
        throw new BadReturn("is null, expected " + name);
      }
      switch (kind) {
        case INT:
          text.append((int) (Integer) expect(Integer.class, value));
          return;
        case LONG:
          text.append((long) (Long) expect(Long.class, value));
          return;
        case BOOLEAN:
          text.append((boolean) (Boolean) expect(Boolean.class, value));
          return;
        case DOUBLE:
          {
            double d = (Double) expect(Double.class, value);
            if (!Double.isFinite(d)) {
              throw new BadReturn("is " + d + ", expected a finite double");
            }
            text.append(d);
            return;
          }
        case STRING:
          Harness.Json.writeString((String) expect(String.class, value), text);
          return;
        case BIGINT:
          encodeBigint((BigInteger) expect(BigInteger.class, value), text);
          return;
        case NULLABLE:
          element.encode(value, out);
          return;
        case LIST_NODE:
          out.nodes.encodeList(expect(out.nodes.list, value), out);
          return;
        case TREE_NODE:
          out.nodes.encodeTree(expect(out.nodes.tree, value), out);
          return;
        case MAP:
          encodeMap((Map<?, ?>) expect(Map.class, value), out);
          return;
        default:
          encodeArray(expect(erasure(out.nodes), value), out);
      }
    }

    private Object expect(Class<?> type, Object value) throws BadReturn {
      if (!type.isInstance(value)) {
        throw new BadReturn("is " + aClass(value.getClass()) + ", expected " + name);
      }
      return value;
    }

    private static void encodeBigint(BigInteger value, StringBuilder text) throws BadReturn {
      // A subclass may override anything: its digits are read through a plain BigInteger.
      BigInteger plain =
          value.getClass() == BigInteger.class
              ? value
              : BigInteger.ONE.add(value).subtract(BigInteger.ONE);
      if (plain.bitLength() > MAX_BIGINT_BITS) {
        throw new BadReturn("has more than " + MAX_BIGINT_DIGITS + " digits");
      }
      String digits = plain.toString();
      int length = plain.signum() < 0 ? digits.length() - 1 : digits.length();
      if (length > MAX_BIGINT_DIGITS) {
        throw new BadReturn("has " + length + " digits, more than " + MAX_BIGINT_DIGITS);
      }
      text.append('"').append(digits).append('"');
    }

    private void encodeMap(Map<?, ?> map, Out out) throws BadReturn {
      StringBuilder text = out.text;
      Set<String> keys = new HashSet<>();
      text.append('{');
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object key = entry.getKey();
        if (!(key instanceof String)) {
          throw new BadReturn(
              "has the key "
                  + (key == null ? "null" : aClass(key.getClass()))
                  + ", expected String keys");
        }
        if (!keys.add((String) key)) {
          throw BadReturn.shape("has the key " + quoted((String) key) + " twice", null);
        }
        if (keys.size() > 1) {
          text.append(',');
        }
        Harness.Json.writeString((String) key, text);
        text.append(':');
        try {
          element.encode(entry.getValue(), out);
        } catch (TooLarge e) {
          throw e;
        } catch (BadReturn e) {
          e.at = "[" + quoted((String) key) + "]" + e.at;
          throw e;
        }
        out.check();
      }
      text.append('}');
    }

    private void encodeArray(Object array, Out out) throws BadReturn {
      StringBuilder text = out.text;
      text.append('[');
      switch (element.kind) {
        case INT:
          {
            int[] values = (int[]) array;
            for (int i = 0; i < values.length; i++) {
              text.append(i > 0 ? "," : "").append(values[i]);
            }
            break;
          }
        case LONG:
          {
            long[] values = (long[]) array;
            for (int i = 0; i < values.length; i++) {
              text.append(i > 0 ? "," : "").append(values[i]);
            }
            break;
          }
        case BOOLEAN:
          {
            boolean[] values = (boolean[]) array;
            for (int i = 0; i < values.length; i++) {
              text.append(i > 0 ? "," : "").append(values[i]);
            }
            break;
          }
        case DOUBLE:
          {
            double[] values = (double[]) array;
            for (int i = 0; i < values.length; i++) {
              if (!Double.isFinite(values[i])) {
                BadReturn bad = new BadReturn("is " + values[i] + ", expected a finite double");
                bad.at = "[" + i + "]";
                throw bad;
              }
              text.append(i > 0 ? "," : "").append(values[i]);
            }
            break;
          }
        default:
          {
            Object[] values = (Object[]) array;
            for (int i = 0; i < values.length; i++) {
              if (i > 0) {
                text.append(',');
              }
              try {
                element.encode(values[i], out);
              } catch (TooLarge e) {
                throw e;
              } catch (BadReturn e) {
                e.at = "[" + i + "]" + e.at;
                throw e;
              }
              out.check();
            }
          }
      }
      out.check();
      text.append(']');
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A recursive-descent reader of type names: {@code base ("[]" | "?")*}. */
  private static final class Reader {
    final String text;
    int pos;

    Reader(String text) {
      this.text = text;
    }

    Type type() {
      Type type = base();
      while (pos < text.length()) {
        if (text.startsWith("[]", pos)) {
          pos += 2;
          type = new Type(Kind.ARRAY, type, type.name + "[]");
        } else if (text.charAt(pos) == '?') {
          pos++;
          type = new Type(Kind.NULLABLE, type, type.name + "?");
        } else {
          break;
        }
      }
      return type;
    }

    private Type base() {
      if (text.startsWith("map<string,", pos)) {
        pos += "map<string,".length();
        while (pos < text.length() && text.charAt(pos) == ' ') {
          pos++;
        }
        Type values = type();
        if (pos >= text.length() || text.charAt(pos) != '>') {
          throw fail();
        }
        pos++;
        return new Type(Kind.MAP, values, "map<string, " + values.name + ">");
      }
      int start = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
        pos++;
      }
      String word = text.substring(start, pos);
      for (Kind kind : Kind.values()) {
        if (kind.ordinal() <= Kind.TREE_NODE.ordinal() && baseName(kind).equals(word)) {
          return new Type(kind, null, word);
        }
      }
      throw fail();
    }

    private static String baseName(Kind kind) {
      switch (kind) {
        case LIST_NODE:
          return "ListNode";
        case TREE_NODE:
          return "TreeNode";
        default:
          return kind.name().toLowerCase(java.util.Locale.ROOT);
      }
    }

    IllegalArgumentException fail() {
      return new IllegalArgumentException("unsupported type at " + pos + ": " + text);
    }
  }

  /** Where a returned value is written, with the cap past which the walk stops. */
  static final class Out {
    final StringBuilder text = new StringBuilder();
    final int cap;
    final Nodes nodes;

    Out(int cap, Nodes nodes) {
      this.cap = cap;
      this.nodes = nodes;
    }

    void check() throws TooLarge {
      if (text.length() > cap) {
        throw new TooLarge();
      }
    }
  }

  /**
   * The provided ListNode and TreeNode classes as loaded with the solution (user-space classes, in
   * its class loader), made and read by reflection on their fields: no code of the solution's runs.
   */
  static final class Nodes {
    static final Nodes NONE = new Nodes();

    Class<?> list;
    Constructor<?> newList;
    Field listVal;
    Field listNext;
    Class<?> tree;
    Constructor<?> newTree;
    Field treeVal;
    Field treeLeft;
    Field treeRight;

    static Nodes load(ClassLoader loader, boolean list, boolean tree)
        throws ReflectiveOperationException {
      Nodes nodes = new Nodes();
      if (list) {
        nodes.list = Class.forName("ListNode", true, loader);
        nodes.newList = accessible(nodes.list.getDeclaredConstructor(int.class, nodes.list));
        nodes.listVal = accessible(nodes.list.getDeclaredField("val"));
        nodes.listNext = accessible(nodes.list.getDeclaredField("next"));
      }
      if (tree) {
        nodes.tree = Class.forName("TreeNode", true, loader);
        nodes.newTree = accessible(nodes.tree.getDeclaredConstructor(int.class));
        nodes.treeVal = accessible(nodes.tree.getDeclaredField("val"));
        nodes.treeLeft = accessible(nodes.tree.getDeclaredField("left"));
        nodes.treeRight = accessible(nodes.tree.getDeclaredField("right"));
      }
      return nodes;
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
      member.setAccessible(true);
      return member;
    }

    /**
     * {@code [1, 2, 3]} to 1 -> 2 -> 3, made from the tail; {@code []} is null. The cyclic form
     * {@code {"values": [1, 2, 3], "tailLinksTo": 1}} also links the last node back to node 1.
     */
    Object decodeList(Object json) {
      boolean cyclic = json instanceof Map;
      List<Object> values =
          Harness.Json.list(cyclic ? Harness.Json.object(json).get("values") : json);
      int target = cyclic ? ((Number) Harness.Json.object(json).get("tailLinksTo")).intValue() : -1;
      try {
        Object head = null;
        Object last = null;
        Object linked = null;
        for (int i = values.size() - 1; i >= 0; i--) {
          head = newList.newInstance(((Number) values.get(i)).intValue(), head);
          last = last == null ? head : last;
          linked = i == target ? head : linked;
        }
        if (linked != null) {
          listNext.set(last, linked);
        }
        return head;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Level order with null holes (the children of a missing node are not listed) to nodes. */
    Object decodeTree(List<Object> values) {
      if (values.isEmpty()) {
        return null;
      }
      try {
        Object root = newTree.newInstance(((Number) values.get(0)).intValue());
        ArrayDeque<Object> parents = new ArrayDeque<>();
        parents.add(root);
        int i = 1;
        while (i < values.size()) {
          Object parent = parents.poll();
          if (parent == null) {
            throw new IllegalArgumentException("a tree value without a parent at [" + i + "]");
          }
          for (int side = 0; side < 2; side++) {
            Object value = i < values.size() ? values.get(i++) : null;
            if (value != null) {
              Object child = newTree.newInstance(((Number) value).intValue());
              (side == 0 ? treeLeft : treeRight).set(parent, child);
              parents.add(child);
            }
          }
        }
        return root;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Head first; a node met again is a cycle, reported with both places (1-based). */
    void encodeList(Object head, Out out) throws BadReturn {
      StringBuilder text = out.text;
      IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();
      text.append('[');
      try {
        int count = 0;
        for (Object node = head; node != null; node = listNext.get(node)) {
          Integer earlier = seen.put(node, count + 1);
          if (earlier != null) {
            throw BadReturn.shape(
                "has a cycle: node "
                    + count
                    + " links back to node "
                    + earlier
                    + " (value "
                    + listVal.getInt(node)
                    + ")",
                "list");
          }
          text.append(count > 0 ? "," : "").append(listVal.getInt(node));
          count++;
          out.check();
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      text.append(']');
    }

    /**
     * Level order, breadth first: each node's two children in turn, null for a missing one; the
     * nulls are held back until a value follows, so trailing ones are never written.
     */
    void encodeTree(Object root, Out out) throws BadReturn {
      StringBuilder text = out.text;
      IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
      ArrayDeque<Object> queue = new ArrayDeque<>();
      try {
        text.append('[').append(treeVal.getInt(root));
        seen.put(root, Boolean.TRUE);
        queue.add(root);
        long holes = 0;
        while (!queue.isEmpty()) {
          Object node = queue.poll();
          for (int side = 0; side < 2; side++) {
            Object child = (side == 0 ? treeLeft : treeRight).get(node);
            if (child == null) {
              holes++;
              continue;
            }
            if (seen.put(child, Boolean.TRUE) != null) {
              throw BadReturn.shape(
                  "reaches a node twice (value "
                      + treeVal.getInt(child)
                      + "): a tree has one path to each node",
                  "tree");
            }
            for (; holes > 0; holes--) {
              text.append(",null");
            }
            text.append(',').append(treeVal.getInt(child));
            queue.add(child);
            out.check();
          }
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      text.append(']');
    }
  }

  /** A declared Java type as the solution wrote it: {@code Map<String, List<Integer>>}. */
  static String describe(java.lang.reflect.Type type) {
    if (type instanceof Class) {
      return describeClass((Class<?>) type);
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType parameterized = (ParameterizedType) type;
      StringBuilder out = new StringBuilder(describe(parameterized.getRawType())).append('<');
      java.lang.reflect.Type[] args = parameterized.getActualTypeArguments();
      for (int i = 0; i < args.length; i++) {
        out.append(i > 0 ? ", " : "").append(describe(args[i]));
      }
      return out.append('>').toString();
    }
    if (type instanceof GenericArrayType) {
      return describe(((GenericArrayType) type).getGenericComponentType()) + "[]";
    }
    return type.getTypeName();
  }

  /** "Long", "int[]", "Solution.ListNode" (a nested class with its owner's name). */
  static String describeClass(Class<?> type) {
    if (type.isArray()) {
      return describeClass(type.getComponentType()) + "[]";
    }
    String simple = type.getSimpleName();
    if (simple.isEmpty()) {
      return type.getName();
    }
    Class<?> owner = type.getEnclosingClass();
    return owner == null ? simple : describeClass(owner) + "." + simple;
  }

  /** "a Long", "an Integer[]". */
  static String aClass(Class<?> type) {
    String name = describeClass(type);
    return ("AEIOUaeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  /** A map key as JSON, cut short: paths and messages stay readable. */
  static String quoted(String key) {
    StringBuilder out = new StringBuilder();
    Harness.Json.writeString(key.length() > 40 ? key.substring(0, 40) + "..." : key, out);
    return out.toString();
  }
}
