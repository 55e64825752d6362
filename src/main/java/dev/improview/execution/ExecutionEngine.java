package dev.improview.execution;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.harness.HarnessSession;
import dev.improview.execution.internal.harness.JavaClassArchive;
import dev.improview.execution.internal.harness.LanguageRuntimes;
import dev.improview.execution.internal.sandbox.ProcessSpec;
import dev.improview.execution.internal.sandbox.Sandbox;
import dev.improview.execution.internal.sandbox.SandboxBusyException;
import dev.improview.execution.internal.sandbox.SandboxLimits;
import dev.improview.execution.internal.sandbox.SandboxProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Runs user code against tests in a sandbox and reports a verdict per test. */
@Component
public class ExecutionEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExecutionEngine.class);

  /** Processes a run may get when each one ends before it has compiled the code. */
  private static final int START_ATTEMPTS = 2;

  private final Sandbox sandbox;
  private final ExecutionProperties properties;
  private final LanguageRuntimes runtimes;
  private final ObjectMapper json = JsonMapper.builder().build();
  private final ExecutorService threads;
  private final JavaClassArchive classArchive;
  private final CompletableFuture<Boolean> classArchiveReady;
  private volatile boolean closed;

  public ExecutionEngine(Sandbox sandbox, HarnessFiles harness, ExecutionProperties properties) {
    this.sandbox = sandbox;
    this.properties = properties;
    this.runtimes = new LanguageRuntimes(properties, harness.dir());
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "execution-io-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    prewarm(Language.JAVASCRIPT, properties.prewarmJavascript());
    prewarm(Language.PYTHON, properties.prewarmPython());
    prewarm(Language.JAVA, properties.prewarmJava());
    if (properties.javaClassArchive()) {
      this.classArchive = new JavaClassArchive(sandbox, runtimes);
      this.classArchiveReady = classArchive.prepare().thenApply(this::useClassArchive);
    } else {
      this.classArchive = null;
      this.classArchiveReady = CompletableFuture.completedFuture(false);
    }
  }

  /**
   * Completes once the Java class archive is settled: true when Java runs map it from now on, false
   * when it is switched off or could not be made (Java runs then start without it).
   */
  public CompletableFuture<Boolean> javaClassArchiveReady() {
    return classArchiveReady;
  }

  // Java runs use the archive from now on; pre-started JVMs without it make way for ones with it.
  private boolean useClassArchive(Optional<Path> archive) {
    if (archive.isEmpty() || closed) {
      return false;
    }
    ProcessSpec without = runtimes.spec(Language.JAVA, RunLimits.defaults());
    runtimes.useJavaClassArchive(archive.get());
    sandbox.prewarm(without, 0);
    prewarm(Language.JAVA, properties.prewarmJava());
    return true;
  }

  // Runs with default limits are the common case; their processes are started ahead of time.
  private void prewarm(Language language, int size) {
    ProcessSpec spec = runtimes.spec(language, RunLimits.defaults());
    sandbox.prewarm(spec, size);
    log.info("{} pool: {} pre-started process(es) of {}", language.id(), size, spec.argv());
  }

  /**
   * Runs {@code request}. Problems with the user's code are verdicts in the report; a fault of the
   * runner is an INTERNAL_ERROR verdict, never blamed on the user.
   *
   * @throws IllegalArgumentException when the code or the number of tests is over its limit
   * @throws EngineBusyException when no sandbox frees up within the queue wait
   */
  public ExecutionReport run(ExecutionRequest request) {
    return run(request, Lane.INTERACTIVE);
  }

  /**
   * As {@link #run(ExecutionRequest)}, drawing on the lane's own sandbox capacity: the server's
   * background work (validation) never takes a slot a candidate's run could have.
   */
  public ExecutionReport run(ExecutionRequest request, Lane lane) {
    int codeBytes = request.code().getBytes(StandardCharsets.UTF_8).length;
    if (codeBytes > properties.maxCodeBytes()) {
      throw new IllegalArgumentException(
          "code is larger than " + properties.maxCodeBytes() + " bytes: " + codeBytes);
    }
    if (request.tests().size() > properties.maxTests()) {
      throw new IllegalArgumentException(
          "tests has more than " + properties.maxTests() + " entries: " + request.tests().size());
    }
    RunLimits limits = request.limits();
    ProcessSpec spec = runtimes.spec(request.language(), limits);
    SandboxLimits sandboxLimits =
        new SandboxLimits(
            // Backstops: the session's own watchdog acts first and knows which test to blame.
            limits.wallPerRun().plus(Duration.ofSeconds(2)),
            limits
                .cpuPerTest()
                .multipliedBy(request.tests().size() + 1L)
                .plus(properties.compileTimeout()),
            HarnessSession.protocolBytes(request, properties),
            properties.rawStderrBytes());
    // A runtime that dies before it has compiled the code ran none of it: it is given one fresh
    // process more before the run is reported as ours.
    for (int attempt = 1; ; attempt++) {
      SandboxProcess process;
      try {
        process = sandbox.acquire(spec, sandboxLimits, lane);
      } catch (SandboxBusyException e) {
        throw new EngineBusyException(e.getMessage(), e.retryAfter());
      } catch (RuntimeException e) {
        log.error("could not start a {} sandbox", request.language().id(), e);
        return startFailure(request);
      }
      // The run's clock starts when the sandbox is handed over: a wait in the queue is never the
      // code's time.
      long start = System.nanoTime();
      HarnessSession session;
      ExecutionReport report;
      try {
        session = new HarnessSession(request, process, properties, json, threads, start);
        report = session.run();
      } finally {
        // The report is complete: the tree is killed now and reaped off this thread.
        process.closeSoon();
      }
      if (!session.endedBeforeCompiling() || attempt >= START_ATTEMPTS) {
        if (session.endedBeforeCompiling()) {
          log.warn(
              "the {} harness ended before compiling {} times in a row",
              request.language().id(),
              attempt);
        }
        return report;
      }
    }
  }

  private static ExecutionReport startFailure(ExecutionRequest request) {
    List<TestReport> tests = new java.util.ArrayList<>();
    tests.add(
        new TestReport(
            0,
            Verdict.INTERNAL_ERROR,
            null,
            "",
            false,
            "",
            false,
            0,
            0,
            "The sandbox could not be started (our fault, not your code's). Please try again."));
    for (int i = 1; i < request.tests().size(); i++) {
      tests.add(TestReport.notRun(i, "not run: the runner failed"));
    }
    return new ExecutionReport(Verdict.INTERNAL_ERROR, tests, List.of(), 0);
  }

  /** The largest solution a run accepts, in UTF-8 bytes ({@code max-code-bytes}). */
  public int maxCodeBytes() {
    return properties.maxCodeBytes();
  }

  /** The most tests one run accepts ({@code max-tests}). */
  public int maxTests() {
    return properties.maxTests();
  }

  @Override
  public void close() {
    closed = true;
    threads.shutdownNow();
    if (classArchive != null) {
      classArchive.close();
    }
  }
}
