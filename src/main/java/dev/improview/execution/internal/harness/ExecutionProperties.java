package dev.improview.execution.internal.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.execution.*}: runtimes, the harness, protocol caps and the pool. Every property
 * is documented in docs/runner-contract.md.
 *
 * @param nodePath node binary, absolute, as seen inside the sandbox
 * @param pythonPath python 3 binary, absolute ({@code /usr/bin/python3}, never the pyenv shim)
 * @param javaHome a JDK (javac is used in-process); empty = the server's own {@code java.home}
 * @param javaOptions JVM flags for the sandboxed JVM, before {@code -Xmx}
 * @param harnessDir where the harness programs are written at start-up; empty = a temp directory
 * @param maxCodeBytes the largest accepted solution (UTF-8 bytes)
 * @param maxTests the most tests in one run
 * @param resultBytes the largest encoded return value of one test
 * @param runResultBytes what one run may return in all: every test's encoded value and captured
 *     stdout and stderr added up; past it the test that crossed it is OUTPUT_LIMIT_EXCEEDED
 * @param rawStderrBytes stderr written around the harness (fd 2 directly) before the run is killed
 * @param compileTimeout how long compiling (and for Java, the in-process javac) may take
 * @param testSlack wall time a test may take beyond twice its CPU limit before it is killed
 * @param stackBytes stack of the thread running user code (Java, Python)
 * @param recursionLimit Python's recursion limit
 * @param nodeStackKib V8's stack size (node --stack-size); must stay below the 8 MiB main stack
 * @param javascriptRuntimeMemory memory the node runtime needs beyond the solution's budget
 * @param pythonRuntimeMemory memory the python runtime needs beyond the solution's budget
 * @param javaRuntimeMemory memory the JVM and javac need beyond the solution's heap
 * @param prewarmJavascript pre-started node processes kept waiting (0 = none)
 * @param prewarmPython pre-started python processes kept waiting
 * @param prewarmJava pre-started JVMs kept waiting
 * @param javaClassArchive whether sandboxed JVMs map a class-data archive of javac and the harness,
 *     made at start-up by a training run (see docs/runner-contract.md)
 */
@ConfigurationProperties("improview.execution")
public record ExecutionProperties(
    @DefaultValue("/usr/bin/node") Path nodePath,
    @DefaultValue("/usr/bin/python3") Path pythonPath,
    @DefaultValue("") String javaHome,
    @DefaultValue({
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Xshare:auto",
          "-XX:-UsePerfData",
          "-XX:+DisableAttachMechanism",
          "-Xlog:disable"
        })
        List<String> javaOptions,
    @DefaultValue("") String harnessDir,
    @DefaultValue("65536") int maxCodeBytes,
    @DefaultValue("200") int maxTests,
    @DefaultValue("1048576") int resultBytes,
    @DefaultValue("4194304") int runResultBytes,
    @DefaultValue("262144") int rawStderrBytes,
    @DefaultValue("10s") Duration compileTimeout,
    @DefaultValue("1s") Duration testSlack,
    @DefaultValue("33554432") long stackBytes,
    @DefaultValue("100000") int recursionLimit,
    @DefaultValue("3800") int nodeStackKib,
    @DefaultValue("67108864") long javascriptRuntimeMemory,
    @DefaultValue("33554432") long pythonRuntimeMemory,
    @DefaultValue("201326592") long javaRuntimeMemory,
    @DefaultValue("2") int prewarmJavascript,
    @DefaultValue("2") int prewarmPython,
    @DefaultValue("1") int prewarmJava,
    @DefaultValue("true") boolean javaClassArchive) {

  public ExecutionProperties {
    requireAbsolute("nodePath", nodePath);
    requireAbsolute("pythonPath", pythonPath);
    javaHome = javaHome == null || javaHome.isBlank() ? System.getProperty("java.home") : javaHome;
    requireAbsolute("javaHome", Path.of(javaHome));
    javaOptions = javaOptions == null ? List.of() : List.copyOf(javaOptions);
    harnessDir = harnessDir == null ? "" : harnessDir;
    requirePositive("maxCodeBytes", maxCodeBytes);
    requirePositive("maxTests", maxTests);
    requirePositive("resultBytes", resultBytes);
    requirePositive("runResultBytes", runResultBytes);
    if (runResultBytes < resultBytes) {
      throw new IllegalArgumentException(
          "runResultBytes " + runResultBytes + " < resultBytes " + resultBytes);
    }
    requirePositive("rawStderrBytes", rawStderrBytes);
    requirePositive("compileTimeout", compileTimeout);
    requirePositive("testSlack", testSlack);
    if (stackBytes < 1L << 20) {
      throw new IllegalArgumentException("stackBytes < 1 MiB: " + stackBytes);
    }
    requirePositive("recursionLimit", recursionLimit);
    requirePositive("nodeStackKib", nodeStackKib);
    requireNotNegative("javascriptRuntimeMemory", javascriptRuntimeMemory);
    requireNotNegative("pythonRuntimeMemory", pythonRuntimeMemory);
    requireNotNegative("javaRuntimeMemory", javaRuntimeMemory);
    requireNotNegative("prewarmJavascript", prewarmJavascript);
    requireNotNegative("prewarmPython", prewarmPython);
    requireNotNegative("prewarmJava", prewarmJava);
  }

  /** The defaults, as Spring would bind them with no property set. */
  public static ExecutionProperties defaults() {
    return new ExecutionProperties(
        Path.of("/usr/bin/node"),
        Path.of("/usr/bin/python3"),
        "",
        List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-XX:-UsePerfData",
            "-XX:+DisableAttachMechanism",
            "-Xlog:disable"),
        "",
        65536,
        200,
        1024 * 1024,
        4 * 1024 * 1024,
        256 * 1024,
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        32L << 20,
        100_000,
        3800,
        64L << 20,
        32L << 20,
        192L << 20,
        2,
        2,
        1,
        true);
  }

  /** The same properties with other pool sizes (tests use 0 to start processes on demand). */
  public ExecutionProperties withPrewarm(int javascript, int python, int java) {
    return copy(
        c -> {
          c.prewarmJavascript = javascript;
          c.prewarmPython = python;
          c.prewarmJava = java;
        });
  }

  /** The same properties with other phase deadlines (tests on a busy machine use longer ones). */
  public ExecutionProperties withTimeouts(Duration compile, Duration slack) {
    return copy(
        c -> {
          c.compileTimeout = compile;
          c.testSlack = slack;
        });
  }

  /** The same properties with the Java class archive on or off. */
  public ExecutionProperties withJavaClassArchive(boolean enabled) {
    return copy(c -> c.javaClassArchive = enabled);
  }

  // One copy with some fields changed: the positional list is written here once, not per method.
  private ExecutionProperties copy(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy of every field, for the {@code with*} methods. */
  private static final class Copy {
    Path nodePath;
    Path pythonPath;
    String javaHome;
    List<String> javaOptions;
    String harnessDir;
    int maxCodeBytes;
    int maxTests;
    int resultBytes;
    int runResultBytes;
    int rawStderrBytes;
    Duration compileTimeout;
    Duration testSlack;
    long stackBytes;
    int recursionLimit;
    int nodeStackKib;
    long javascriptRuntimeMemory;
    long pythonRuntimeMemory;
    long javaRuntimeMemory;
    int prewarmJavascript;
    int prewarmPython;
    int prewarmJava;
    boolean javaClassArchive;

    Copy(ExecutionProperties p) {
      nodePath = p.nodePath();
      pythonPath = p.pythonPath();
      javaHome = p.javaHome();
      javaOptions = p.javaOptions();
      harnessDir = p.harnessDir();
      maxCodeBytes = p.maxCodeBytes();
      maxTests = p.maxTests();
      resultBytes = p.resultBytes();
      runResultBytes = p.runResultBytes();
      rawStderrBytes = p.rawStderrBytes();
      compileTimeout = p.compileTimeout();
      testSlack = p.testSlack();
      stackBytes = p.stackBytes();
      recursionLimit = p.recursionLimit();
      nodeStackKib = p.nodeStackKib();
      javascriptRuntimeMemory = p.javascriptRuntimeMemory();
      pythonRuntimeMemory = p.pythonRuntimeMemory();
      javaRuntimeMemory = p.javaRuntimeMemory();
      prewarmJavascript = p.prewarmJavascript();
      prewarmPython = p.prewarmPython();
      prewarmJava = p.prewarmJava();
      javaClassArchive = p.javaClassArchive();
    }

    ExecutionProperties build() {
      return new ExecutionProperties(
          nodePath,
          pythonPath,
          javaHome,
          javaOptions,
          harnessDir,
          maxCodeBytes,
          maxTests,
          resultBytes,
          runResultBytes,
          rawStderrBytes,
          compileTimeout,
          testSlack,
          stackBytes,
          recursionLimit,
          nodeStackKib,
          javascriptRuntimeMemory,
          pythonRuntimeMemory,
          javaRuntimeMemory,
          prewarmJavascript,
          prewarmPython,
          prewarmJava,
          javaClassArchive);
    }
  }

  private static void requireAbsolute(String field, Path path) {
    if (path == null || !path.isAbsolute()) {
      throw new IllegalArgumentException(field + " is not an absolute path: " + path);
    }
  }

  private static void requirePositive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " <= 0: " + value);
    }
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " <= 0: " + value);
    }
  }

  private static void requireNotNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " < 0: " + value);
    }
  }
}
