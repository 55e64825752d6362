import dev.improview.execution.ExecutionEngine;
import dev.improview.execution.ExecutionReport;
import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.Language;
import dev.improview.execution.Parameter;
import dev.improview.execution.RunLimits;
import dev.improview.execution.Signature;
import dev.improview.execution.TestCase;
import dev.improview.execution.ValueType;
import dev.improview.execution.Verdict;
import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.harness.LanguageRuntimes;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Improview execution benchmark: bare runtime start-up against correct 10-test runs through the
 * engine (in process, or over HTTP with --url), p50/p95 and ratios measured in the same run, then
 * sustained runs/s with concurrent clients beside the bare spawn rate. See docs/benchmarks.md.
 */
public class Benchmark {

  static final Map<Language, String> SOLUTIONS =
      Map.of(
          Language.JAVASCRIPT, "function add(a, b) { return a + b; }\n",
          Language.PYTHON, "def add(a, b):\n    return a + b\n",
          Language.JAVA, "class Solution {\n  public int add(int a, int b) { return a + b; }\n}\n");

  record Options(
      int runs,
      int warmup,
      long pauseMillis,
      int clients,
      int seconds,
      List<Language> languages,
      String url,
      String problemId,
      boolean throughput,
      double cpuCores,
      boolean javaClassArchive,
      boolean submit) {}

  /** One way of running a correct solution: in-process engine or POST /api/runs. */
  interface Target extends AutoCloseable {
    /** Runs once; null when every test passed, else what went wrong (verdict, status, error). */
    String run(Language language) throws Exception;

    String describe();

    /** Untimed set-up before each {@link #run} (a submission needs an open attempt). */
    default void prepare(Language language) throws Exception {}
  }

  public static void main(String[] args) throws Exception {
    Options options = parse(args);
    ExecutionProperties properties = ExecutionProperties.defaults();
    Path helloDir = compileHello(properties);
    Map<Language, List<String>> bare = bareCommands(properties, helloDir);

    System.out.printf(
        Locale.ROOT,
        "Improview execution benchmark  (%d cores, %d runs per figure after %d warm-up,"
            + " %d ms between engine runs)%n",
        Runtime.getRuntime().availableProcessors(),
        options.runs(),
        options.warmup(),
        options.pauseMillis());
    System.out.println("load average at start: " + loadAverage());
    try (Target target =
        options.url() == null
            ? new EngineTarget(options)
            : options.submit() ? new SubmitTarget(options) : new HttpTarget(options)) {
      System.out.println("target: " + target.describe());
      System.out.println("bare commands run with an empty environment, as the sandbox does.");
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "%-11s %-28s %9s %9s %12s %12s%n",
          "language",
          "bare command",
          "bare p50",
          "bare p95",
          "engine p50",
          "engine p95");
      Map<Language, double[]> ratios = new LinkedHashMap<>();
      for (Language language : options.languages()) {
        long[] bareTimes = timeBare(bare.get(language), options);
        long[] engineTimes = timeTarget(target, language, options);
        double bareP50 = percentile(bareTimes, 50);
        double engineP50 = percentile(engineTimes, 50);
        ratios.put(
            language, new double[] {engineP50 / bareP50, percentile(engineTimes, 95) / percentile(bareTimes, 95)});
        System.out.printf(
            Locale.ROOT,
            "%-11s %-28s %7.1fms %7.1fms %10.1fms %10.1fms%n",
            language.id(),
            shortCommand(bare.get(language)),
            bareP50,
            percentile(bareTimes, 95),
            engineP50,
            percentile(engineTimes, 95));
      }
      System.out.println();
      for (Map.Entry<Language, double[]> ratio : ratios.entrySet()) {
        // A submission runs twice the tests and writes its row, events and blobs.
        double goal =
            options.submit()
                ? (ratio.getKey() == Language.JAVA ? 4.0 : 2.0)
                : (ratio.getKey() == Language.JAVA ? 3.0 : 1.5);
        System.out.printf(
            Locale.ROOT,
            "ratio %-11s engine/bare p50 %.2fx  p95 %.2fx  (goal p50 <= %.1fx: %s)%n",
            ratio.getKey().id(),
            ratio.getValue()[0],
            ratio.getValue()[1],
            goal,
            ratio.getValue()[0] <= goal ? "met" : "NOT met");
      }
      if (options.throughput()) {
        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "throughput: %d concurrent clients for %d s per figure%n",
            options.clients(),
            options.seconds());
        for (Language language : options.languages()) {
          Rate engine = sustained(options, () -> target.run(language));
          Rate spawn =
              sustained(options, () -> runBare(bare.get(language)) == 0 ? null : "exit status");
          System.out.printf(
              Locale.ROOT,
              "%-11s engine %7.1f runs/s (%d ok, %d errors)   bare spawn %7.1f /s (%d errors)   ratio %.2f%n",
              language.id(),
              engine.perSecond(),
              engine.ok(),
              engine.errors(),
              spawn.perSecond(),
              spawn.errors(),
              engine.perSecond() / spawn.perSecond());
          if (!engine.failures().isEmpty()) {
            System.out.println("            engine errors by kind: " + engine.failures());
          }
        }
      }
    }
    System.out.println();
    System.out.println("load average at end: " + loadAverage());
  }

  // The machine may be shared: the load average says how much the figures can be trusted.
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static Options parse(String[] args) {
    int runs = 30;
    int warmup = 5;
    long pause = 1500;
    int clients = 8;
    int seconds = 30;
    List<Language> languages = List.of(Language.JAVASCRIPT, Language.PYTHON, Language.JAVA);
    String url = null;
    String problemId = null;
    boolean throughput = true;
    double cpuCores = SandboxProperties.defaults().cpuCores();
    boolean javaClassArchive = true;
    boolean submit = false;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--pause-ms" -> pause = Long.parseLong(value);
        case "--clients" -> clients = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--languages" ->
            languages = Arrays.stream(value.split(",")).map(Language::fromId).toList();
        case "--url" -> url = value;
        case "--cpu-cores" -> cpuCores = Double.parseDouble(value);
        case "--problem-id" -> problemId = value;
        case "--no-throughput" -> {
          throughput = false;
          i--;
        }
        case "--no-class-archive" -> {
          javaClassArchive = false;
          i--;
        }
        case "--submit" -> {
          submit = true;
          i--;
        }
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + " (--runs N --warmup N --pause-ms N --clients N"
                    + " --seconds N --languages javascript,python,java --url URL --problem-id ID"
                    + " --no-throughput --no-class-archive --cpu-cores X --submit)");
      }
      i++;
    }
    if (submit && url == null) {
      throw new IllegalArgumentException("--submit needs --url: submissions go through the API");
    }
    if (url != null && problemId == null) {
      problemId = HttpTarget.importBenchmarkProblem(url);
    }
    return new Options(
        runs,
        warmup,
        pause,
        clients,
        seconds,
        languages,
        url,
        problemId,
        throughput,
        cpuCores,
        javaClassArchive,
        submit);
  }

  static Path compileHello(ExecutionProperties properties) throws Exception {
    Path dir = Files.createTempDirectory("improview-bench-");
    Files.writeString(
        dir.resolve("Hello.java"),
        "public class Hello { public static void main(String[] args) { System.out.println(\"hi\"); } }\n");
    Path javac = Path.of(javaBinary(properties)).resolveSibling("javac");
    Process process =
        new ProcessBuilder(javac.toString(), "-d", dir.toString(), dir.resolve("Hello.java").toString())
            .inheritIO()
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("javac Hello.java failed");
    }
    // deleteOnExit removes files in reverse order of registration: the class, the source, the dir.
    dir.toFile().deleteOnExit();
    dir.resolve("Hello.java").toFile().deleteOnExit();
    dir.resolve("Hello.class").toFile().deleteOnExit();
    return dir;
  }

  static String javaBinary(ExecutionProperties properties) {
    Path harness = Path.of("/tmp");
    return new LanguageRuntimes(properties, harness)
        .spec(Language.JAVA, RunLimits.defaults())
        .argv()
        .get(0);
  }

  static Map<Language, List<String>> bareCommands(ExecutionProperties properties, Path helloDir) {
    return Map.of(
        Language.JAVASCRIPT, List.of(properties.nodePath().toString(), "-e", "0"),
        Language.PYTHON, List.of(properties.pythonPath().toString(), "-c", "0"),
        Language.JAVA, List.of(javaBinary(properties), "-cp", helloDir.toString(), "Hello"));
  }

  static String shortCommand(List<String> command) {
    String text = String.join(" ", command);
    return text.length() <= 28 ? text : "..." + text.substring(text.length() - 25);
  }

  static int runBare(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    Process process = builder.start();
    process.getOutputStream().close();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }

  static long[] timeBare(List<String> command, Options options) throws Exception {
    for (int i = 0; i < options.warmup(); i++) {
      runBare(command);
    }
    long[] times = new long[options.runs()];
    for (int i = 0; i < options.runs(); i++) {
      long start = System.nanoTime();
      if (runBare(command) != 0) {
        throw new IllegalStateException("bare command failed: " + command);
      }
      times[i] = System.nanoTime() - start;
    }
    return times;
  }

  static long[] timeTarget(Target target, Language language, Options options) throws Exception {
    for (int i = 0; i < options.warmup(); i++) {
      Thread.sleep(options.pauseMillis());
      target.prepare(language);
      String failure = target.run(language);
      if (failure != null) {
        throw new IllegalStateException("a correct " + language.id() + " run did not pass: " + failure);
      }
    }
    long[] times = new long[options.runs()];
    for (int i = 0; i < options.runs(); i++) {
      Thread.sleep(options.pauseMillis());
      target.prepare(language);
      long start = System.nanoTime();
      String failure = target.run(language);
      if (failure != null) {
        throw new IllegalStateException("a correct " + language.id() + " run did not pass: " + failure);
      }
      times[i] = System.nanoTime() - start;
    }
    return times;
  }

  static double percentile(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  record Rate(double perSecond, long ok, long errors, Map<String, Long> failures) {}

  interface Call {
    /** Null on success, else a short description of the failure. */
    String call() throws Exception;
  }

  static Rate sustained(Options options, Call call) throws Exception {
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    Map<String, Long> failures = new java.util.concurrent.ConcurrentHashMap<>();
    long end = System.nanoTime() + Duration.ofSeconds(options.seconds()).toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(options.clients());
    List<Future<?>> running = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < options.clients(); i++) {
      running.add(
          clients.submit(
              () -> {
                while (System.nanoTime() < end) {
                  String failure;
                  try {
                    failure = call.call();
                  } catch (Exception e) {
                    failure = e.getClass().getSimpleName();
                  }
                  if (failure == null) {
                    ok.incrementAndGet();
                  } else {
                    errors.incrementAndGet();
                    failures.merge(failure, 1L, Long::sum);
                  }
                }
              }));
    }
    for (Future<?> client : running) {
      client.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    clients.shutdown();
    return new Rate(ok.get() / seconds, ok.get(), errors.get(), new java.util.TreeMap<>(failures));
  }

  static List<TestCase> tests() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    List<TestCase> tests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ArrayNode args = nodes.arrayNode().add(i).add(i * 2);
      tests.add(new TestCase(args));
    }
    return tests;
  }

  /** The engine in this JVM, with the real sandbox and its pools, configured by defaults. */
  static final class EngineTarget implements Target {
    private final Options options;
    private final ProcessSandbox sandbox;
    private final HarnessFiles harness;
    private final ExecutionEngine engine;
    private final Signature signature =
        new Signature(
            "add",
            List.of(new Parameter("a", ValueType.parse("int")), new Parameter("b", ValueType.parse("int"))),
            ValueType.parse("int"));
    private final List<TestCase> tests = tests();
    private final boolean classArchive;

    EngineTarget(Options options) {
      this.sandbox =
          ProcessSandbox.create(SandboxProperties.defaults().withCpuCores(options.cpuCores()));
      this.options = options;
      ExecutionProperties properties =
          ExecutionProperties.defaults().withJavaClassArchive(options.javaClassArchive());
      this.harness = new HarnessFiles(properties);
      this.engine = new ExecutionEngine(sandbox, harness, properties);
      // Measured as a server runs after its first seconds: with the archive, once it is made.
      this.classArchive = engine.javaClassArchiveReady().join();
    }

    @Override
    public String run(Language language) {
      ExecutionReport report =
          engine.run(
              new ExecutionRequest(
                  language, SOLUTIONS.get(language), signature, tests, RunLimits.defaults()));
      if (report.verdict() != Verdict.COMPLETED) {
        return report.verdict().name();
      }
      // The engine reports values; as the judge would, each must be a + b = 3i.
      for (int i = 0; i < report.tests().size(); i++) {
        if (report.tests().get(i).actual().asInt() != i * 3) {
          return "WRONG_ANSWER";
        }
      }
      return null;
    }

    @Override
    public String describe() {
      return "ExecutionEngine in process, sandbox " + sandbox.isolation().backend()
          + " (max concurrent " + sandbox.maxConcurrent() + ", cpu quota per run "
          + options.cpuCores() + " cores, Java class archive "
          + (classArchive ? "in use" : "off") + ")";
    }

    @Override
    public void close() {
      engine.close();
      harness.close();
      sandbox.close();
    }
  }

  /** POST {url}/api/runs {problemId, language, code}: the server runs the problem's public tests. */
  static final class HttpTarget implements Target {
    static final Path PROBLEM = Path.of("bench/add-problem.json");

    /**
     * Imports bench/add-problem.json (add(a, b), ten public tests) through POST /api/problems; a
     * 409 means an earlier run already imported it. Returns its id.
     */
    static String importBenchmarkProblem(String url) {
      try {
        String document = Files.readString(PROBLEM);
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/problems"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(document))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
          throw new IllegalStateException(
              "importing " + PROBLEM + " answered " + response.statusCode() + ": " + response.body());
        }
        return "bench-add-two-integers";
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI uri;
    private final String problemId;

    HttpTarget(Options options) {
      this.uri = URI.create(options.url().replaceAll("/+$", "") + "/api/runs");
      this.problemId = options.problemId();
    }

    @Override
    public String run(Language language) throws Exception {
      String body =
          "{\"problemId\":" + quote(problemId) + ",\"language\":" + quote(language.id())
              + ",\"code\":" + quote(SOLUTIONS.get(language)) + "}";
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return "HTTP " + response.statusCode();
      }
      return response.body().contains("\"PASSED\"") ? null : "not PASSED";
    }

    @Override
    public String describe() {
      return "POST " + uri + " problem " + problemId;
    }

    @Override
    public void close() {}

    static String quote(String text) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          default -> {
            if (c < 0x20) {
              out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.append('"').toString();
    }
  }

  /**
   * A correct submission through the API: each run opens an attempt (untimed, in prepare) and
   * submits to it, timed until the judged answer (public and hidden tests) arrives.
   */
  static final class SubmitTarget implements Target {
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String problemId;
    private String attemptId;

    SubmitTarget(Options options) {
      this.base = options.url().replaceAll("/+$", "");
      this.problemId = options.problemId();
    }

    @Override
    public void prepare(Language language) throws Exception {
      String body =
          "{\"problemId\":" + HttpTarget.quote(problemId) + ",\"language\":"
              + HttpTarget.quote(language.id()) + "}";
      HttpResponse<String> response = post(base + "/api/attempts", body);
      if (response.statusCode() != 201 && response.statusCode() != 200) {
        throw new IllegalStateException("opening an attempt answered " + response.statusCode());
      }
      var matcher = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
      if (!matcher.find()) {
        throw new IllegalStateException("no attempt id in " + response.body());
      }
      attemptId = matcher.group(1);
    }

    @Override
    public String run(Language language) throws Exception {
      String body =
          "{\"language\":" + HttpTarget.quote(language.id()) + ",\"code\":"
              + HttpTarget.quote(SOLUTIONS.get(language)) + "}";
      HttpResponse<String> response =
          post(base + "/api/attempts/" + attemptId + "/submissions", body);
      if (response.statusCode() != 201) {
        return "HTTP " + response.statusCode() + ": " + response.body();
      }
      return response.body().contains("\"verdict\":\"ACCEPTED\"") ? null : "not ACCEPTED";
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
      return client.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String describe() {
      return "POST " + base + "/api/attempts/{id}/submissions problem " + problemId;
    }

    @Override
    public void close() {}
  }
}
