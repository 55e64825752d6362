import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Improview harness for Java (JDK 17+, JDK classes only). Started ahead of the job, it warms up the
 * in-process compiler, then reads the job's header line (JSON) from stdin, compiles the user's
 * {@code Solution} to memory, then reads one line of arguments per test, calls the method and
 * writes nonce-framed events to fd 1. The contract is docs/runner-contract.md. Expected values
 * never reach this process, and nothing it reports about time is believed: the server measures
 * every test from outside the sandbox.
 */
public final class Harness {

  static final String USER_FILE = "Solution.java";
  static final OutputStream PROTOCOL = new FileOutputStream(FileDescriptor.out);
  // The job arrives line by line on fd 0; user code gets an empty System.in.
  static final Lines JOB = new Lines(new FileInputStream(FileDescriptor.in));

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--train")) {
      train();
      return;
    }
    // A pre-started harness warms up while it waits. One started for a job that is already
    // written skips it: compiling the job warms javac as well, and a second compile costs CPU.
    if (JOB.available() == 0) {
      warmUp();
    }
    String header = JOB.next();
    System.setIn(InputStream.nullInputStream());
    if (header == null) {
      throw new IllegalStateException("stdin ended before the job");
    }
    Map<String, Object> job = Json.object(Json.parse(header));
    Map<String, Object> limits = Json.object(job.get("limits"));
    Run run =
        new Run(
            (String) job.get("nonce"),
            Json.object(job.get("signature")),
            ((Number) limits.get("outputBytesPerStream")).intValue(),
            ((Number) limits.get("resultBytes")).intValue(),
            limits.containsKey("stackBytes")
                ? ((Number) limits.get("stackBytes")).longValue()
                : 32L << 20);
    run.execute((String) job.get("code"), ((Number) job.get("tests")).intValue(), JOB);
    // Threads left behind by user code must not keep the process alive.
    Runtime.getRuntime().halt(0);
  }

  /**
   * The class-archive training run (no user code): warm-up, then a whole job of our own, so the
   * JVM started with {@code -XX:ArchiveClassesAtExit} records every class a real run loads.
   */
  static void train() throws Exception {
    warmUp();
    String code =
        "class Solution {\n"
            + "  public long[] prefix(int[] values, String label) {\n"
            + "    long[] sums = new long[values.length];\n"
            + "    for (int i = 0; i < values.length; i++) {\n"
            + "      sums[i] = (i > 0 ? sums[i - 1] : 0) + values[i];\n"
            + "    }\n"
            + "    System.out.println(label + sums.length);\n"
            + "    return sums;\n"
            + "  }\n"
            + "}\n";
    Map<String, Object> signature =
        Json.object(
            Json.parse(
                "{\"function\":\"prefix\",\"returns\":\"long[]\",\"params\":["
                    + "{\"name\":\"values\",\"type\":\"int[]\"},"
                    + "{\"name\":\"label\",\"type\":\"string\"}]}"));
    Lines tests =
        new Lines(
            new java.io.ByteArrayInputStream(
                "{\"args\":[[1,2,3],\"n=\"]}\n{\"args\":[[],\"\"]}\n"
                    .getBytes(StandardCharsets.UTF_8)));
    new Run("train", signature, 1024, 1024, 1L << 20).execute(code, 2, tests);
    Runtime.getRuntime().halt(0);
  }

  /** Compiles, loads and calls a small solution so the first real job finds javac warm. */
  static void warmUp() throws Exception {
    String source =
        "import java.util.*;\n"
            + "class Solution {\n"
            + "  public int[] twoSum(int[] nums, int target) {\n"
            + "    Map<Integer, Integer> seen = new HashMap<>();\n"
            + "    List<String> words = new ArrayList<>(List.of(\"a\", \"b\"));\n"
            + "    words.sort((x, y) -> y.compareTo(x));\n"
            + "    for (int i = 0; i < nums.length; i++) {\n"
            + "      Integer j = seen.get(target - nums[i]);\n"
            + "      if (j != null) return new int[] {j, i};\n"
            + "      seen.put(nums[i], i);\n"
            + "    }\n"
            + "    return new int[0];\n"
            + "  }\n"
            + "}\n";
    Compiled compiled = Compiler.compile(source);
    if (!compiled.diagnostics.isEmpty()) {
      throw new IllegalStateException("warm-up compilation failed: " + compiled.diagnostics);
    }
    Class<?> type = Class.forName("Solution", true, compiled.loader);
    Method method = type.getDeclaredMethod("twoSum", int[].class, int.class);
    method.setAccessible(true);
    Constructor<?> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    Object value = method.invoke(constructor.newInstance(), new int[] {2, 7, 11, 15}, 9);
    StringBuilder out = new StringBuilder();
    Types.encode("int[]", value, "warm-up", out);
    Json.parse("{\"a\":[1,2.5,\"x\\u0041\",true,null],\"b\":{}}");
  }

  /** Lines of a stream (UTF-8, without their newline); null at its end. */
  static final class Lines {
    final InputStream in;
    final byte[] buffer = new byte[1 << 16];
    int start;
    int end;

    Lines(InputStream in) {
      this.in = in;
    }

    int available() throws IOException {
      return end - start + in.available();
    }

    String next() throws IOException {
      ByteArrayOutputStream line = null;
      while (true) {
        for (int i = start; i < end; i++) {
          if (buffer[i] == '\n') {
            String text;
            if (line == null) {
              text = new String(buffer, start, i - start, StandardCharsets.UTF_8);
            } else {
              line.write(buffer, start, i - start);
              text = line.toString(StandardCharsets.UTF_8);
            }
            start = i + 1;
            return text;
          }
        }
        if (end > start) {
          if (line == null) {
            line = new ByteArrayOutputStream();
          }
          line.write(buffer, start, end - start);
        }
        start = 0;
        end = in.read(buffer, 0, buffer.length);
        if (end <= 0) {
          end = 0;
          return line == null ? null : line.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }

  /** One job: compile, load, then the tests in order. */
  static final class Run {
    final String nonce;
    final Map<String, Object> signature;
    final int outputCap;
    final int resultCap;
    final long stackBytes;

    Run(String nonce, Map<String, Object> signature, int outputCap, int resultCap, long stackBytes) {
      this.nonce = nonce;
      this.signature = signature;
      this.outputCap = outputCap;
      this.resultCap = resultCap;
      this.stackBytes = stackBytes;
    }

    void execute(String code, int tests, Lines lines) throws Exception {
      Compiled[] compiledBox = new Compiled[1];
      Exception[] failure = new Exception[1];
      // javac recurses over the syntax tree: a deeply nested expression needs a deep stack too.
      runOnWorker(
          () -> {
            try {
              compiledBox[0] = Compiler.compile(code);
            } catch (Exception e) {
              failure[0] = e;
            }
          });
      if (failure[0] != null) {
        throw failure[0];
      }
      Compiled compiled = compiledBox[0];
      if (!compiled.diagnostics.isEmpty()) {
        emit(event("compiled", "ok", false, "diagnostics", compiled.diagnostics));
        return;
      }
      emit(event("compiled", "ok", true));

      String function = (String) signature.get("function");
      List<Object> params = Json.list(signature.get("params"));
      String returns = (String) signature.get("returns");
      Class<?>[] paramTypes = new Class<?>[params.size()];
      List<String> paramTypeNames = new ArrayList<>();
      StringBuilder declaration = new StringBuilder();
      for (int i = 0; i < params.size(); i++) {
        Map<String, Object> param = Json.object(params.get(i));
        String type = (String) param.get("type");
        paramTypes[i] = Types.javaClass(type);
        paramTypeNames.add(type);
        declaration.append(i > 0 ? ", " : "").append(Types.javaName(type)).append(' ');
        declaration.append(param.get("name"));
      }
      String expected =
          "public " + Types.javaName(returns) + " " + function + "(" + declaration + ")";

      Capture[] load = startCapture();
      Loaded loaded = new Loaded();
      runOnWorker(() -> loaded.load(compiled, function, paramTypes, Types.javaClass(returns)));
      Map<String, Object> output = captured(load);
      if (loaded.problem != null) {
        List<Object> diagnostics = List.of(diagnostic(0, 0, loaded.problem + " Expected: " + expected));
        emit(merge(event("loaded", "ok", false, "diagnostics", diagnostics), output));
        return;
      }
      if (loaded.error != null) {
        emit(merge(event("loaded", "ok", false, "error", describe(loaded.error, compiled)), output));
        return;
      }
      emit(merge(event("loaded", "ok", true), output));

      for (int index = 0; index < tests; index++) {
        String testLine = lines.next();
        if (testLine == null) {
          break;
        }
        List<Object> args = Json.list(Json.object(Json.parse(testLine)).get("args"));
        Capture[] capture = startCapture();
        Call call = new Call(loaded, paramTypeNames, args);
        runOnWorker(call);
        Map<String, Object> result = event("result", "index", index);
        String value = null;
        if (call.error != null) {
          result.put("status", "error");
          result.put("error", describe(call.error, compiled));
        } else if (capture[0].truncated || capture[1].truncated) {
          // User code swallowed the OutputLimitError; the test still exceeded the cap.
          result.put("status", "error");
          result.put("error", describe(new OutputLimitError(), compiled));
        } else {
          StringBuilder encoded = new StringBuilder();
          try {
            Types.encode(returns, call.value, "the returned value", encoded);
            if (encoded.length() > resultCap) {
              result.put("status", "error");
              result.put(
                  "error",
                  error(
                      "result_too_large",
                      "ResultTooLarge",
                      "the returned value takes more than " + resultCap + " bytes",
                      ""));
            } else {
              result.put("status", "returned");
              value = encoded.toString();
            }
          } catch (BadReturn bad) {
            result.put("status", "error");
            result.put(
                "error",
                error(
                    "bad_return",
                    "WrongReturnType",
                    bad.getMessage() + " (the signature declares " + returns + ")",
                    ""));
          }
        }
        merge(result, captured(capture));
        StringBuilder line = new StringBuilder();
        Json.write(result, line);
        if (value != null) {
          // Spliced in already encoded: the value is never re-serialised.
          line.setLength(line.length() - 1);
          line.append(",\"value\":").append(value).append('}');
        }
        emitRaw(line.toString());
      }
      emit(event("done"));
    }

    /** User code runs on a fresh thread with a big stack, so deep recursion works as in judges. */
    void runOnWorker(Runnable task) throws InterruptedException {
      Thread worker = new Thread(null, task, "solution", stackBytes);
      worker.setDaemon(true);
      worker.start();
      worker.join();
    }

    Capture[] startCapture() {
      Capture out = new Capture(outputCap);
      Capture err = new Capture(outputCap);
      // Fresh PrintStreams: one that threw mid-write may hold half-encoded characters.
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Capture[] {out, err};
    }

    Map<String, Object> captured(Capture[] capture) {
      Map<String, Object> output = new LinkedHashMap<>();
      output.put("stdout", capture[0].text());
      output.put("stdoutTruncated", capture[0].truncated);
      output.put("stderr", capture[1].text());
      output.put("stderrTruncated", capture[1].truncated);
      return output;
    }

    void emit(Map<String, Object> event) throws IOException {
      StringBuilder line = new StringBuilder();
      Json.write(event, line);
      emitRaw(line.toString());
    }

    void emitRaw(String json) throws IOException {
      // The leading newline starts a fresh line even if user code left a partial line on fd 1.
      synchronized (PROTOCOL) {
        PROTOCOL.write(("\n" + nonce + " " + json + "\n").getBytes(StandardCharsets.UTF_8));
        PROTOCOL.flush();
      }
    }
  }

  /** The loaded Solution class and the method to call. */
  static final class Loaded {
    Constructor<?> constructor;
    Method method;
    String problem;
    Throwable error;

    void load(Compiled compiled, String function, Class<?>[] params, Class<?> returns) {
      Class<?> type;
      try {
        type = Class.forName("Solution", false, compiled.loader);
      } catch (ClassNotFoundException e) {
        problem = "Declare a class named Solution (top-level, not in a package).";
        return;
      }
      try {
        method = type.getDeclaredMethod(function, params);
      } catch (NoSuchMethodException e) {
        problem = "class Solution has no method " + function + " with these parameter types.";
        return;
      }
      if (!Modifier.isPublic(method.getModifiers())) {
        problem = "Solution." + function + " must be public.";
        return;
      }
      if (method.getReturnType() != returns) {
        problem =
            "Solution."
                + function
                + " returns "
                + method.getReturnType().getSimpleName()
                + " but the problem asks for "
                + returns.getSimpleName()
                + ".";
        return;
      }
      try {
        constructor = type.getDeclaredConstructor();
      } catch (NoSuchMethodException e) {
        problem = "class Solution needs a constructor without parameters.";
        return;
      }
      method.setAccessible(true);
      constructor.setAccessible(true);
      try {
        Class.forName("Solution", true, compiled.loader);
      } catch (Throwable e) {
        error = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
      }
    }
  }

  /** One call of the user's method, on the worker thread. */
  static final class Call implements Runnable {
    final Loaded loaded;
    final List<String> types;
    final List<Object> args;
    Object value;
    Throwable error;

    Call(Loaded loaded, List<String> types, List<Object> args) {
      this.loaded = loaded;
      this.types = types;
      this.args = args;
    }

    @Override
    public void run() {
      try {
        Object[] decoded = new Object[types.size()];
        for (int i = 0; i < decoded.length; i++) {
          decoded[i] = Types.decode(types.get(i), args.get(i));
        }
        Object instance = loaded.constructor.newInstance();
        value = loaded.method.invoke(instance, decoded);
      } catch (InvocationTargetException e) {
        error = e.getCause();
      } catch (Throwable e) {
        error = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
      }
    }
  }

  static Map<String, Object> describe(Throwable error, Compiled compiled) {
    if (error instanceof OutputLimitError) {
      return error("output_limit", "OutputLimitExceeded", "printed more than the output limit", "");
    }
    String stack = userFrames(error, compiled);
    if (error instanceof StackOverflowError) {
      return error(
          "stack_overflow",
          "StackOverflowError",
          "stack overflow: is the recursion too deep or endless?",
          stack);
    }
    if (error instanceof OutOfMemoryError) {
      return error("out_of_memory", "OutOfMemoryError", String.valueOf(error.getMessage()), stack);
    }
    String message = error.getMessage() == null ? "" : error.getMessage();
    Throwable cause = error.getCause();
    if (cause != null && cause != error) {
      message += " (caused by " + cause.getClass().getName() + ": " + cause.getMessage() + ")";
    }
    return error("exception", error.getClass().getName(), message, stack);
  }

  static String userFrames(Throwable error, Compiled compiled) {
    List<String> shown = new ArrayList<>();
    int repeated = 0;
    for (StackTraceElement frame : error.getStackTrace()) {
      if (!compiled.classNames.contains(frame.getClassName())) {
        continue;
      }
      String text =
          "at "
              + frame.getClassName()
              + "."
              + frame.getMethodName()
              + "("
              + frame.getFileName()
              + ":"
              + frame.getLineNumber()
              + ")";
      if (!shown.isEmpty() && shown.get(shown.size() - 1).equals(text)) {
        repeated++;
      } else if (shown.size() < 20) {
        shown.add(text);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : shown) {
      out.append(out.length() > 0 ? "\n" : "").append("    ").append(line);
    }
    if (repeated > 0) {
      out.append("\n    (").append(repeated).append(" repeated frames hidden)");
    }
    return out.toString();
  }

  static Map<String, Object> error(String kind, String type, String message, String stack) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("kind", kind);
    error.put("type", type);
    error.put("message", message);
    error.put("stack", stack);
    return error;
  }

  static Map<String, Object> diagnostic(long line, long column, String message) {
    Map<String, Object> diagnostic = new LinkedHashMap<>();
    diagnostic.put("line", line);
    diagnostic.put("column", column);
    diagnostic.put("message", message);
    return diagnostic;
  }

  static Map<String, Object> event(String type, Object... fields) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    for (int i = 0; i < fields.length; i += 2) {
      event.put((String) fields[i], fields[i + 1]);
    }
    return event;
  }

  static Map<String, Object> merge(Map<String, Object> event, Map<String, Object> more) {
    event.putAll(more);
    return event;
  }

  /** Thrown at the write that crosses the cap; an Error so {@code catch (Exception e)} keeps it. */
  static final class OutputLimitError extends Error {
    OutputLimitError() {
      super("output limit exceeded", null, false, false);
    }
  }

  /** A per-test System.out / System.err: keeps at most {@code cap} bytes and then refuses more. */
  static final class Capture extends OutputStream {
    final int cap;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean truncated;

    Capture(int cap) {
      this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
      if (truncated) {
        throw new OutputLimitError();
      }
      int room = cap - bytes.size();
      if (length > room) {
        bytes.write(data, offset, room);
        truncated = true;
        throw new OutputLimitError();
      }
      bytes.write(data, offset, length);
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** The result of compiling user code to memory. */
  static final class Compiled {
    final List<Object> diagnostics;
    final ClassLoader loader;
    final java.util.Set<String> classNames;

    Compiled(List<Object> diagnostics, ClassLoader loader, java.util.Set<String> classNames) {
      this.diagnostics = diagnostics;
      this.loader = loader;
      this.classNames = classNames;
    }
  }

  /** javac in-process, sources and classes in memory; nothing touches the disk. */
  static final class Compiler {
    static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    static Compiled compile(String code) throws IOException {
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      StandardJavaFileManager standard =
          JAVAC.getStandardFileManager(collector, Locale.ENGLISH, StandardCharsets.UTF_8);
      // No class path: user code sees the JDK only, never the harness's own classes.
      standard.setLocation(StandardLocation.CLASS_PATH, List.of());
      Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
      ForwardingJavaFileManager<StandardJavaFileManager> manager =
          new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              classes.put(className, out);
              return new SimpleJavaFileObject(
                  URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                  return out;
                }
              };
            }
          };
      JavaFileObject source =
          new SimpleJavaFileObject(URI.create("string:///" + USER_FILE), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return code;
            }
          };
      List<String> options =
          List.of("-proc:none", "-implicit:none", "-g", "-nowarn", "-Xlint:none", "-Xmaxerrs", "50");
      StringWriter javacOutput = new StringWriter();
      boolean ok =
          JAVAC.getTask(javacOutput, manager, collector, options, null, List.of(source)).call();
      List<Object> diagnostics = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          diagnostics.add(
              diagnostic(
                  Math.max(0, d.getLineNumber()),
                  Math.max(0, d.getColumnNumber()),
                  d.getMessage(Locale.ENGLISH)));
        }
      }
      if (!ok && diagnostics.isEmpty()) {
        diagnostics.add(diagnostic(0, 0, javacFailure(javacOutput.toString())));
      }
      manager.close();
      Map<String, byte[]> bytes = new HashMap<>();
      classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
      return new Compiled(diagnostics, new MemoryClassLoader(bytes), bytes.keySet());
    }
  }

  /**
   * Why javac gave up without a diagnostic: it reports its own crashes (a stack overflow on a deeply
   * nested expression, running out of memory) only as text on its output writer.
   */
  static String javacFailure(String output) {
    if (output.contains("StackOverflowError")) {
      return "The code is nested too deeply for the compiler (it ran out of stack): split long"
          + " expressions or deeply nested calls into smaller parts.";
    }
    if (output.contains("OutOfMemoryError")) {
      return "The compiler ran out of memory on this code.";
    }
    for (String line : output.split("\n")) {
      if (!line.isBlank()) {
        return "The compiler failed: " + line.trim();
      }
    }
    return "The compiler failed without saying why.";
  }

  /** Loads the compiled user classes; its parent is the platform loader, so Harness is invisible. */
  static final class MemoryClassLoader extends ClassLoader {
    final Map<String, byte[]> classes;

    MemoryClassLoader(Map<String, byte[]> classes) {
      super("solution", ClassLoader.getPlatformClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  static final class BadReturn extends Exception {
    BadReturn(String message) {
      super(message, null, false, false);
    }
  }

  /** Signature types: int, long, double, boolean, string, and 1-D / 2-D arrays of them. */
  static final class Types {
    static Class<?> javaClass(String type) {
      switch (type) {
        case "int":
          return int.class;
        case "long":
          return long.class;
        case "double":
          return double.class;
        case "boolean":
          return boolean.class;
        case "string":
          return String.class;
        default:
          if (type.endsWith("[]")) {
            return javaClass(type.substring(0, type.length() - 2)).arrayType();
          }
          throw new IllegalArgumentException("unsupported type: " + type);
      }
    }

    static String javaName(String type) {
      return type.startsWith("string") ? "String" + type.substring(6) : type;
    }

    /** JSON (already validated by the server) to the Java value of {@code type}. */
    static Object decode(String type, Object json) {
      switch (type) {
        case "int":
          return ((Number) json).intValue();
        case "long":
          return ((Number) json).longValue();
        case "double":
          return ((Number) json).doubleValue();
        case "boolean":
        case "string":
          return json;
        case "int[]":
          {
            List<Object> list = Json.list(json);
            int[] array = new int[list.size()];
            for (int i = 0; i < array.length; i++) {
              array[i] = ((Number) list.get(i)).intValue();
            }
            return array;
          }
        case "long[]":
          {
            List<Object> list = Json.list(json);
            long[] array = new long[list.size()];
            for (int i = 0; i < array.length; i++) {
              array[i] = ((Number) list.get(i)).longValue();
            }
            return array;
          }
        case "double[]":
          {
            List<Object> list = Json.list(json);
            double[] array = new double[list.size()];
            for (int i = 0; i < array.length; i++) {
              array[i] = ((Number) list.get(i)).doubleValue();
            }
            return array;
          }
        case "boolean[]":
          {
            List<Object> list = Json.list(json);
            boolean[] array = new boolean[list.size()];
            for (int i = 0; i < array.length; i++) {
              array[i] = (Boolean) list.get(i);
            }
            return array;
          }
        default:
          {
            // string[] and every 2-D type: an array of decoded elements.
            String element = type.substring(0, type.length() - 2);
            List<Object> list = Json.list(json);
            Object array = java.lang.reflect.Array.newInstance(javaClass(element), list.size());
            for (int i = 0; i < list.size(); i++) {
              java.lang.reflect.Array.set(array, i, decode(element, list.get(i)));
            }
            return array;
          }
      }
    }

    /** Checks a returned value against {@code type} and appends its JSON. */
    static void encode(String type, Object value, String path, StringBuilder out)
        throws BadReturn {
      if (value == null) {
        throw new BadReturn(path + " is null, expected " + type);
      }
      switch (type) {
        case "int":
        case "long":
        case "boolean":
          out.append(value);
          return;
        case "double":
          {
            double d = (Double) value;
            if (!Double.isFinite(d)) {
              throw new BadReturn(path + " is " + d + ", expected a finite double");
            }
            out.append(d);
            return;
          }
        case "string":
          Json.writeString((String) value, out);
          return;
        case "int[]":
          {
            int[] array = (int[]) value;
            out.append('[');
            for (int i = 0; i < array.length; i++) {
              out.append(i > 0 ? "," : "").append(array[i]);
            }
            out.append(']');
            return;
          }
        case "long[]":
          {
            long[] array = (long[]) value;
            out.append('[');
            for (int i = 0; i < array.length; i++) {
              out.append(i > 0 ? "," : "").append(array[i]);
            }
            out.append(']');
            return;
          }
        default:
          {
            String element = type.substring(0, type.length() - 2);
            int length = java.lang.reflect.Array.getLength(value);
            out.append('[');
            for (int i = 0; i < length; i++) {
              if (i > 0) {
                out.append(',');
              }
              encode(element, java.lang.reflect.Array.get(value, i), path + "[" + i + "]", out);
            }
            out.append(']');
          }
      }
    }
  }

  /** A small JSON reader and writer: the harness may use the JDK only. */
  static final class Json {
    final String text;
    int pos;

    private Json(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      json.skipSpace();
      Object value = json.value();
      json.skipSpace();
      if (json.pos != text.length()) {
        throw json.fail("trailing characters");
      }
      return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
      return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
      return (List<Object>) value;
    }

    private Object value() {
      if (pos >= text.length()) {
        throw fail("unexpected end");
      }
      char c = text.charAt(pos);
      switch (c) {
        case '{':
          return objectValue();
        case '[':
          return arrayValue();
        case '"':
          return stringValue();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return number();
      }
    }

    private Map<String, Object> objectValue() {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw fail("expected a string key");
        }
        String key = stringValue();
        skipSpace();
        expect(':');
        skipSpace();
        map.put(key, value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> arrayValue() {
      List<Object> list = new ArrayList<>();
      pos++;
      skipSpace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        skipSpace();
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String stringValue() {
      pos++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw fail("unterminated string");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case 'n':
            out.append('\n');
            break;
          case 't':
            out.append('\t');
            break;
          case 'r':
            out.append('\r');
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'u':
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
            break;
          default:
            out.append(e);
        }
      }
    }

    private Object number() {
      int start = pos;
      boolean negative = pos < text.length() && text.charAt(pos) == '-';
      if (negative) {
        pos++;
      }
      // Integers are accumulated directly: jobs carry hundreds of thousands of them.
      long value = 0;
      int digits = 0;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
        digits++;
        pos++;
      }
      char next = pos < text.length() ? text.charAt(pos) : ' ';
      if (digits > 0 && digits <= 18 && next != '.' && next != 'e' && next != 'E') {
        return negative ? -value : value;
      }
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (!(c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9'))) {
          break;
        }
        pos++;
      }
      String number = text.substring(start, pos);
      if (number.isEmpty() || number.equals("-")) {
        throw fail("unexpected character");
      }
      return Double.parseDouble(number);
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, pos)) {
        throw fail("unexpected literal");
      }
      pos += word.length();
      return value;
    }

    private char peek() {
      if (pos >= text.length()) {
        throw fail("unexpected end");
      }
      return text.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw fail("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          return;
        }
        pos++;
      }
    }

    private IllegalArgumentException fail(String why) {
      return new IllegalArgumentException("bad job JSON at " + pos + ": " + why);
    }

    static void write(Object value, StringBuilder out) {
      if (value == null) {
        out.append("null");
      } else if (value instanceof String) {
        writeString((String) value, out);
      } else if (value instanceof Map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          writeString(String.valueOf(entry.getKey()), out);
          out.append(':');
          write(entry.getValue(), out);
        }
        out.append('}');
      } else if (value instanceof List) {
        out.append('[');
        boolean first = true;
        for (Object item : (List<?>) value) {
          out.append(first ? "" : ",");
          first = false;
          write(item, out);
        }
        out.append(']');
      } else {
        out.append(value);
      }
    }

    static void writeString(String text, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"':
            out.append("\\\"");
            break;
          case '\\':
            out.append("\\\\");
            break;
          case '\n':
            out.append("\\n");
            break;
          case '\r':
            out.append("\\r");
            break;
          case '\t':
            out.append("\\t");
            break;
          default:
            if (c < 0x20 || Character.isSurrogate(c)) {
              if (Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
              } else {
                out.append(String.format("\\u%04x", (int) c));
              }
            } else {
              out.append(c);
            }
        }
      }
      out.append('"');
    }
  }
}
