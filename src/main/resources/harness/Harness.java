import java.io.ByteArrayOutputStream;
import java.io.File;
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
 * {@code Solution} (or, for a design problem, the class the signature names) to memory, then reads
 * one line of arguments per test, makes the call (or the calls) and writes nonce-framed events to
 * fd 1. The contract is docs/runner-contract.md; the value types are {@link HarnessTypes}. Expected
 * values never reach this process, and nothing it reports about time is believed: the server
 * measures every test from outside the sandbox.
 */
public final class Harness {

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
   * The class-archive training run (no user code): warm-up, then two whole jobs of our own, a plain
   * function and a design class over the node, map and bigint types, so the JVM started with {@code
   * -XX:ArchiveClassesAtExit} records every class a real run loads.
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
    String signature =
        "{\"function\":\"prefix\",\"returns\":\"long[]\",\"params\":["
            + "{\"name\":\"values\",\"type\":\"int[]\"},"
            + "{\"name\":\"label\",\"type\":\"string\"}]}";
    train(signature, code, "{\"args\":[[1,2,3],\"n=\"]}\n{\"args\":[[],\"\"]}\n");
    String design =
        "import java.math.BigInteger;\n"
            + "import java.util.*;\n"
            + "class Shelf {\n"
            + "  private final Map<String, Integer> seen = new HashMap<>();\n"
            + "  public Shelf(ListNode items) {\n"
            + "    for (ListNode n = items; n != null; n = n.next) seen.merge(\"\" + n.val, 1,"
            + " Integer::sum);\n"
            + "  }\n"
            + "  public TreeNode grow(TreeNode root, Integer extra) {\n"
            + "    return new TreeNode(extra == null ? 0 : extra, root, null);\n"
            + "  }\n"
            + "  public Map<String, Integer> counts() { return seen; }\n"
            + "  public BigInteger big(BigInteger a) { return a.multiply(a); }\n"
            + "  public ListNode back(ListNode head) { return new ListNode(7, head); }\n"
            + "}\n";
    String designSignature =
        "{\"kind\":\"class\",\"className\":\"Shelf\","
            + "\"constructor\":{\"params\":[{\"name\":\"items\",\"type\":\"ListNode\"}]},"
            + "\"methods\":["
            + "{\"call\":\"grow\",\"name\":\"grow\",\"returns\":\"TreeNode\",\"params\":["
            + "{\"name\":\"root\",\"type\":\"TreeNode\"},{\"name\":\"extra\",\"type\":\"int?\"}]},"
            + "{\"call\":\"counts\",\"name\":\"counts\",\"returns\":\"map<string, int>\","
            + "\"params\":[]},"
            + "{\"call\":\"big\",\"name\":\"big\",\"returns\":\"bigint\","
            + "\"params\":[{\"name\":\"a\",\"type\":\"bigint\"}]},"
            + "{\"call\":\"back\",\"name\":\"back\",\"returns\":\"ListNode\","
            + "\"params\":[{\"name\":\"head\",\"type\":\"ListNode\"}]}]}";
    train(
        designSignature,
        design,
        "{\"args\":[[\"Shelf\",\"grow\",\"counts\",\"big\",\"back\"],"
            + "[[[1,2,1]],[[1,null,2],3],[],[\"-123456789012345678901\"],[[1]]]]}\n");
    Runtime.getRuntime().halt(0);
  }

  private static void train(String signature, String code, String tests) throws Exception {
    Lines lines =
        new Lines(new java.io.ByteArrayInputStream(tests.getBytes(StandardCharsets.UTF_8)));
    int count = tests.split("\n").length;
    new Run("train", Json.object(Json.parse(signature)), 1024, 1024, 1L << 20)
        .execute(code, count, lines);
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
    Compiled compiled = Compiler.compile("Solution.java", source, Map.of());
    if (!compiled.diagnostics.isEmpty()) {
      throw new IllegalStateException("warm-up compilation failed: " + compiled.diagnostics);
    }
    Class<?> type = Class.forName("Solution", true, compiled.loader);
    Method method = type.getDeclaredMethod("twoSum", int[].class, int.class);
    method.setAccessible(true);
    Constructor<?> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    Object value = method.invoke(constructor.newInstance(), new int[] {2, 7, 11, 15}, 9);
    HarnessTypes.Type.parse("int[]").encode(value, new HarnessTypes.Out(1024, null));
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

    Run(
        String nonce,
        Map<String, Object> signature,
        int outputCap,
        int resultCap,
        long stackBytes) {
      this.nonce = nonce;
      this.signature = signature;
      this.outputCap = outputCap;
      this.resultCap = resultCap;
      this.stackBytes = stackBytes;
    }

    void execute(String code, int tests, Lines lines) throws Exception {
      HarnessEntry entry = new HarnessEntry(signature);
      // The provided node classes come first, so that a solution declaring its own is the
      // duplicate javac reports, at the solution's line.
      Map<String, String> provided = new LinkedHashMap<>();
      for (String node : entry.nodeClasses()) {
        provided.put(node + ".java", providedSource(node + ".java"));
      }
      Compiled[] compiledBox = new Compiled[1];
      Exception[] failure = new Exception[1];
      // javac recurses over the syntax tree: a deeply nested expression needs a deep stack too.
      runOnWorker(
          () -> {
            try {
              compiledBox[0] = Compiler.compile(entry.userFile(), code, provided);
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

      Capture[] load = startCapture();
      HarnessEntry.Loaded loaded = new HarnessEntry.Loaded(entry, compiled);
      runOnWorker(loaded::load);
      Map<String, Object> output = captured(load);
      if (!loaded.problems.isEmpty()) {
        List<Object> diagnostics = new ArrayList<>();
        for (String problem : loaded.problems) {
          diagnostics.add(diagnostic(0, 0, problem));
        }
        emit(merge(event("loaded", "ok", false, "diagnostics", diagnostics), output));
        return;
      }
      if (loaded.error != null) {
        emit(
            merge(event("loaded", "ok", false, "error", describe(loaded.error, compiled)), output));
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
        Call call = new Call(loaded, args, resultCap);
        runOnWorker(call);
        Map<String, Object> result = event("result", "index", index);
        String value = null;
        if (call.error != null) {
          result.put("status", "error");
          Map<String, Object> error = describe(call.error, compiled);
          if (!error.get("kind").equals("output_limit")) {
            error.put("message", call.where() + error.get("message"));
          }
          result.put("error", error);
        } else if (capture[0].truncated || capture[1].truncated) {
          // User code swallowed the OutputLimitError; the test still exceeded the cap.
          result.put("status", "error");
          result.put("error", describe(new OutputLimitError(), compiled));
        } else if (call.bad instanceof HarnessTypes.TooLarge
            || (call.value != null && call.value.length() > resultCap)) {
          result.put("status", "error");
          result.put(
              "error",
              error(
                  "result_too_large",
                  "ResultTooLarge",
                  "the returned value takes more than " + resultCap + " bytes",
                  ""));
        } else if (call.bad != null) {
          result.put("status", "error");
          result.put(
              "error",
              error(
                  "bad_return",
                  "WrongReturnType",
                  call.where()
                      + call.bad.getMessage()
                      + (call.bad.mismatch
                          ? " (the signature declares " + call.member.returns + ")"
                          : ""),
                  ""));
        } else {
          result.put("status", "returned");
          value = call.value;
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

  /**
   * A provided source (ListNode.java, TreeNode.java) from the harness directory, the one holding
   * harness.jar: compiled with the solution, as user-space classes, only when the signature names
   * them.
   */
  static String providedSource(String name) throws IOException {
    File classPath = new File(System.getProperty("java.class.path"));
    File dir = classPath.isDirectory() ? classPath : classPath.getAbsoluteFile().getParentFile();
    try (InputStream in = new FileInputStream(new File(dir, name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * One test on the worker thread: arguments decoded, the call (or, for a design class, the
   * constructor and each call of the sequence on one new instance), and the returned values checked
   * and encoded right after their call, as the call returned them.
   */
  static final class Call implements Runnable {
    final HarnessEntry.Loaded loaded;
    final List<Object> args;
    final int resultCap;
    String value;
    Throwable error;
    HarnessTypes.BadReturn bad;
    // The member called last, and (design) its 0-based place in the sequence.
    HarnessEntry.Member member;
    int index = -1;

    Call(HarnessEntry.Loaded loaded, List<Object> args, int resultCap) {
      this.loaded = loaded;
      this.args = args;
      this.resultCap = resultCap;
    }

    @Override
    public void run() {
      try {
        HarnessTypes.Out out = new HarnessTypes.Out(resultCap, loaded.nodes);
        if (loaded.entry.design) {
          calls(out);
        } else {
          member = loaded.entry.methods.get(0);
          Object[] decoded = member.decode(args, loaded.nodes);
          Object instance = loaded.constructor.newInstance();
          Object result = ((Method) member.target).invoke(instance, decoded);
          member.returns.encode(result, out);
        }
        value = out.text.toString();
      } catch (InvocationTargetException e) {
        error = e.getCause();
      } catch (HarnessTypes.BadReturn e) {
        bad = e;
      } catch (Throwable e) {
        error = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
      }
    }

    private void calls(HarnessTypes.Out out) throws Exception {
      List<Object> ops = Json.list(args.get(0));
      List<Object> callArgs = Json.list(args.get(1));
      StringBuilder text = out.text;
      text.append('[');
      Object instance = null;
      for (index = 0; index < ops.size(); index++) {
        member = index == 0 ? loaded.entry.constructor : loaded.byCall.get((String) ops.get(index));
        if (member == null) {
          throw new IllegalArgumentException("no method for the call " + ops.get(index));
        }
        Object[] decoded = member.decode(Json.list(callArgs.get(index)), loaded.nodes);
        if (index == 0) {
          instance = loaded.constructor.newInstance(decoded);
          text.append("null");
          continue;
        }
        Object result = ((Method) member.target).invoke(instance, decoded);
        text.append(',');
        if (member.returns == null) {
          text.append("null");
        } else {
          member.returns.encode(result, out);
        }
        out.check();
      }
      text.append(']');
    }

    /** "call 4, countSince(301): " for a design call, else nothing. */
    String where() {
      if (!loaded.entry.design || index < 0) {
        return "";
      }
      List<Object> ops = Json.list(args.get(0));
      StringBuilder shown = new StringBuilder();
      Json.write(Json.list(args.get(1)).get(index), shown);
      String inside = shown.substring(1, shown.length() - 1);
      if (inside.length() > 80) {
        inside = inside.substring(0, 80) + "...";
      }
      return "call " + (index + 1) + ", " + ops.get(index) + "(" + inside + "): ";
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

    /**
     * Compiles the solution (as {@code userFile}) with the provided sources (file name to text)
     * before it. Diagnostics are the solution's; javac's "duplicate class" for a provided class is
     * said in words a candidate can act on.
     */
    static Compiled compile(String userFile, String code, Map<String, String> provided)
        throws IOException {
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
      List<JavaFileObject> sources = new ArrayList<>();
      provided.forEach((name, text) -> sources.add(source(name, text)));
      sources.add(source(userFile, code));
      List<String> options =
          List.of(
              "-proc:none", "-implicit:none", "-g", "-nowarn", "-Xlint:none", "-Xmaxerrs", "50");
      StringWriter javacOutput = new StringWriter();
      boolean ok = JAVAC.getTask(javacOutput, manager, collector, options, null, sources).call();
      List<Object> diagnostics = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          String message = d.getMessage(Locale.ENGLISH);
          for (String name : provided.keySet()) {
            String node = name.substring(0, name.length() - ".java".length());
            if (message.equals("duplicate class: " + node)) {
              message =
                  "class "
                      + node
                      + " is provided (its definition is in the comment above the starter code):"
                      + " remove your own class "
                      + node
                      + ".";
            }
          }
          diagnostics.add(
              diagnostic(
                  Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()), message));
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

    private static JavaFileObject source(String name, String text) {
      return new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      };
    }
  }

  /**
   * Why javac gave up without a diagnostic: it reports its own crashes (a stack overflow on a
   * deeply nested expression, running out of memory) only as text on its output writer.
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

  /**
   * Loads the compiled user classes; its parent is the platform loader, so Harness is invisible.
   */
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
