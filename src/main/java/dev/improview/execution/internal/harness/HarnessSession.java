package dev.improview.execution.internal.harness;

import dev.improview.execution.ExecutionReport;
import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.RunLimits;
import dev.improview.execution.TestReport;
import dev.improview.execution.Verdict;
import dev.improview.execution.internal.harness.ProtocolReader.Broken;
import dev.improview.execution.internal.harness.ProtocolReader.End;
import dev.improview.execution.internal.harness.ProtocolReader.Event;
import dev.improview.execution.internal.harness.ProtocolReader.Message;
import dev.improview.execution.internal.harness.ProtocolReader.Stray;
import dev.improview.execution.internal.sandbox.SandboxExit;
import dev.improview.execution.internal.sandbox.SandboxProcess;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One run against one acquired harness process: the event loop. It sends the job's header with the
 * disclosed tests' arguments ({@link ExecutionRequest#disclosedTests()}), then each other test's
 * arguments only when that test starts, and follows the events with a watchdog per phase. Every
 * phase's time comes from outside the sandbox: the server's clock from the end of the previous
 * phase (the harness goes straight on to the next test) to the test's result, and the kernel's CPU
 * accounting of the whole process tree in that window (the sandbox kills the tree at the phase's
 * CPU budget). {@link TestOutcomes} maps what happened to reports.
 */
public final class HarnessSession {

  private static final Logger log = LoggerFactory.getLogger(HarnessSession.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ExecutionRequest request;
  private final SandboxProcess process;
  private final ExecutionProperties properties;
  private final ObjectMapper json;
  private final ExecutorService threads;
  private final String nonce = HexFormat.of().formatHex(randomBytes());
  private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
  private final RunLimits limits;
  private final TestOutcomes outcomes;
  private final long startNanos;
  private final long runDeadline;

  /** Where the run is: which phase, since when, and the CPU time at its start. */
  private Phase phase = Phase.COMPILE;

  private long phaseStartNanos;
  private long phaseStartCpu;

  /** How many tests' arguments the harness has been given. */
  private int handedOver;

  /** The process ended before its compiled event: before any of the user's code could run. */
  private boolean endedBeforeCompiling;

  private enum Phase {
    COMPILE,
    LOAD,
    TEST
  }

  /**
   * @param startNanos when the sandbox was handed over: the run's wall limit counts from here,
   *     never from before a queue wait
   */
  public HarnessSession(
      ExecutionRequest request,
      SandboxProcess process,
      ExecutionProperties properties,
      ObjectMapper json,
      ExecutorService threads,
      long startNanos) {
    this.request = request;
    this.process = process;
    this.properties = properties;
    this.json = json;
    this.threads = threads;
    this.limits = request.limits();
    this.outcomes = new TestOutcomes(request, properties);
    this.startNanos = startNanos;
    this.runDeadline = startNanos + limits.wallPerRun().toNanos();
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * Stdout the harness may legitimately write in one run: every result within the run's result
   * budget, JSON escaping (up to six times for control characters) and the events around them.
   */
  public static long protocolBytes(ExecutionRequest request, ExecutionProperties properties) {
    long perTest = 4096;
    long escaped = 6L * properties.runResultBytes();
    return Math.min(
        escaped + (request.tests().size() + 2L) * perTest,
        (request.tests().size() + 2L) * (maxProtocolLine(request, properties) + perTest));
  }

  static int maxProtocolLine(ExecutionRequest request, ExecutionProperties properties) {
    // JSON escaping can grow captured output up to six times (\\u00XX).
    long line = properties.resultBytes() + 12L * request.limits().outputBytesPerStream() + 65536;
    return (int) Math.min(Integer.MAX_VALUE - 16, line);
  }

  /** Runs the job; never throws for anything user code does. */
  public ExecutionReport run() {
    JobWriter writer = new JobWriter(process.stdin());
    try {
      threads.execute(
          new ProtocolReader(
              process.stdout(),
              nonce,
              maxProtocolLine(request, properties),
              outcomes.cap(),
              json,
              queue));
      threads.execute(writer);
      return follow(writer, new JobEncoder(json));
    } catch (RuntimeException e) {
      log.error("harness session failed", e);
      return outcomes.internalError(outcomes.reported(), wallMillis());
    } finally {
      // The process is its owner's to close (the engine kills it as soon as this returns).
      writer.end();
    }
  }

  private ExecutionReport follow(JobWriter writer, JobEncoder encoder) {
    beginPhase(Phase.COMPILE, properties.compileTimeout());
    writer.send(encoder.header(request, nonce, properties));
    for (; handedOver < request.disclosedTests(); handedOver++) {
      writer.send(encoder.test(request.signature(), request.tests().get(handedOver)));
    }
    long compileDeadline =
        Math.min(runDeadline, phaseStartNanos + 2 * properties.compileTimeout().toNanos());
    JsonNode compiled;
    try {
      compiled = await("compiled", -1, compileDeadline);
    } catch (Stop stop) {
      return compileStopped(stop);
    }
    JsonNode ok = compiled.get("ok");
    if (ok == null || !ok.isBoolean()) {
      // Nothing of the user's runs before this event: a malformed one is ours.
      log.warn("harness sent a malformed compiled event: {}", abbreviate(compiled.toString()));
      return outcomes.internalError(0, wallMillis());
    }
    if (!ok.asBoolean()) {
      return outcomes.compileError(compiled.get("diagnostics"), wallMillis());
    }

    beginPhase(Phase.LOAD, limits.cpuPerTest());
    JsonNode loaded;
    try {
      loaded = await("loaded", -1, testDeadline());
      if (!loaded.path("ok").isBoolean()) {
        throw new ProtocolViolation("a loaded event without 'ok'");
      }
      long cpu = phaseCpu();
      if (cpu > limits.cpuPerTest().toNanos()) {
        outcomes.add(outcomes.timeLimit(0, loaded, cpu, phaseWall(), TestOutcomes.LOAD_PREFIX));
        return outcomes.finish(1, "not run: the top-level code took too long", wallMillis());
      }
      if (!loaded.get("ok").asBoolean()) {
        if (loaded.has("diagnostics")) {
          return outcomes.compileError(loaded.get("diagnostics"), wallMillis());
        }
        outcomes.add(outcomes.loadFailed(loaded, cpu, phaseWall()));
        return outcomes.finish(1, "not run: the code failed while loading", wallMillis());
      }
      outcomes.loaded(loaded);
    } catch (Stop stop) {
      return stopped(stop, 0);
    } catch (ProtocolViolation violation) {
      return violated(violation, 0);
    }

    int count = request.tests().size();
    if (count > 0 && !startTest(0, writer, encoder)) {
      return runTimeRanOut(0);
    }
    for (int index = 0; index < count; index++) {
      Event result;
      try {
        result = awaitEvent("result", index, testDeadline());
      } catch (Stop stop) {
        return stopped(stop, index);
      }
      // The test's window closes here, and the next one opens (its arguments handed over unless
      // disclosed) before this result is mapped, so the harness runs it meanwhile. An undisclosed
      // test's arguments still never reach the harness before that test has started.
      long cpu = phaseCpu();
      long wall = phaseWall();
      boolean nextStarted = index + 1 < count && startTest(index + 1, writer, encoder);
      try {
        outcomes.add(outcomes.result(index, result.json(), result.bytes(), cpu, wall));
      } catch (ProtocolViolation violation) {
        return violated(violation, index, cpu, wall);
      }
      if (outcomes.overRunBudget()) {
        return outcomes.finish(
            index + 1, "not run: the run returned more than it may in all", wallMillis());
      }
      if (index + 1 < count && !nextStarted) {
        return runTimeRanOut(index + 1);
      }
    }
    writer.end();
    return outcomes.finish(count, "", wallMillis());
  }

  /**
   * Opens test {@code index}'s window and hands its arguments over unless they went with the job;
   * false when no time is left.
   */
  private boolean startTest(int index, JobWriter writer, JobEncoder encoder) {
    if (System.nanoTime() >= runDeadline) {
      return false;
    }
    beginPhase(Phase.TEST, limits.cpuPerTest());
    if (index >= handedOver) {
      writer.send(encoder.test(request.signature(), request.tests().get(index)));
      handedOver = index + 1;
    }
    return true;
  }

  private ExecutionReport runTimeRanOut(int index) {
    outcomes.add(
        new TestReport(
            index,
            Verdict.TIME_LIMIT_EXCEEDED,
            null,
            "",
            false,
            "",
            false,
            0,
            0,
            "The run's time limit of "
                + limits.wallPerRun().toSeconds()
                + " s ran out before this test started."));
    return outcomes.finish(index + 1, "not run: the run's time limit ran out", wallMillis());
  }

  private void beginPhase(Phase next, java.time.Duration cpuBudget) {
    phase = next;
    phaseStartCpu = process.startPhase(cpuBudget.toNanos());
    phaseStartNanos = System.nanoTime();
  }

  private long phaseCpu() {
    return Math.max(0, process.cpuNanos() - phaseStartCpu);
  }

  private long phaseWall() {
    return System.nanoTime() - phaseStartNanos;
  }

  // Wall time is only the watchdog: CPU time decides TLE, and on a busy machine a test's wall
  // time can be a multiple of its CPU time.
  private long testDeadline() {
    long budget =
        limits.wallPerTest() != null
            ? limits.wallPerTest().toNanos()
            : 2 * limits.cpuPerTest().toNanos() + properties.testSlack().toNanos();
    return Math.min(runDeadline, phaseStartNanos + budget);
  }

  // ---- Reading events ----

  /** Why waiting for an event ended without it. */
  private static final class Stop extends Exception {
    enum Reason {
      ENDED,
      DEADLINE,
      BROKEN,
      TOO_LONG,
      OUTPUT
    }

    final Reason reason;

    Stop(Reason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }

  private JsonNode await(String type, int index, long deadline) throws Stop {
    return awaitEvent(type, index, deadline).json();
  }

  private Event awaitEvent(String type, int index, long deadline) throws Stop {
    while (true) {
      long left = deadline - System.nanoTime();
      Message message;
      try {
        message = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stop(Stop.Reason.ENDED, "interrupted");
      }
      if (message == null) {
        throw new Stop(Stop.Reason.DEADLINE, "no " + type + " event in time");
      }
      if (message instanceof Stray s) {
        if (outcomes.stray(s.text(), s.bytes())) {
          throw new Stop(
              Stop.Reason.OUTPUT, "more than " + outcomes.cap() + " bytes written to stdout");
        }
      } else if (message instanceof End) {
        throw new Stop(Stop.Reason.ENDED, "the process ended");
      } else if (message instanceof Broken b) {
        throw new Stop(b.tooLong() ? Stop.Reason.TOO_LONG : Stop.Reason.BROKEN, b.why());
      } else if (message instanceof Event e) {
        JsonNode event = e.json();
        JsonNode actualType = event.get("type");
        JsonNode actualIndex = event.get("index");
        boolean sameType =
            actualType != null && actualType.isString() && actualType.asString().equals(type);
        boolean sameIndex =
            index < 0
                || (actualIndex != null && actualIndex.isInt() && actualIndex.asInt() == index);
        if (sameType && sameIndex) {
          return e;
        }
        throw new Stop(
            Stop.Reason.BROKEN,
            "expected a "
                + type
                + (index < 0 ? "" : " event for test " + index)
                + " event, got "
                + abbreviate(event.toString()));
      }
    }
  }

  // ---- When a phase did not end with its event ----

  private ExecutionReport compileStopped(Stop stop) {
    SandboxExit exit = stopProcess(stop);
    long budgetMillis = properties.compileTimeout().toMillis();
    if (exit != null && exit.memoryLimitExceeded()) {
      return outcomes.compileFailure("The compiler ran out of memory on this code.", wallMillis());
    }
    if (exit != null && exit.phaseCpuLimitExceeded()) {
      return outcomes.compileFailure(
          "Compilation used more than " + budgetMillis + " ms of CPU time.", wallMillis());
    }
    if (stop.reason == Stop.Reason.DEADLINE) {
      // The compile phase's time is the code's: pathological code is a compile error.
      return outcomes.compileFailure(
          "Compilation did not finish within "
              + Math.min(2 * budgetMillis, limits.wallPerRun().toMillis())
              + " ms.",
          wallMillis());
    }
    if (stop.reason == Stop.Reason.ENDED) {
      // Nothing of the user's has run yet (the compiled event comes before it): the runtime died
      // on its own. The engine starts a fresh one and says so if that fails too.
      endedBeforeCompiling = true;
      log.info(
          "the harness ended before compiling, exit {}, stderr: {}",
          exit,
          abbreviate(new String(process.stderr(), StandardCharsets.UTF_8)));
    } else {
      log.warn(
          "harness stopped before compiling: {} ({}), exit {}",
          stop.reason,
          stop.getMessage(),
          exit);
    }
    return outcomes.internalError(0, wallMillis());
  }

  /**
   * True when the run ended because the process did, before it reported compiling the code: no user
   * code ran, so the run can be given to a fresh process.
   */
  public boolean endedBeforeCompiling() {
    return endedBeforeCompiling;
  }

  /** User code broke the protocol during test {@code index} (or the load phase, as test 0). */
  private ExecutionReport violated(ProtocolViolation violation, int index) {
    return violated(violation, index, phaseCpu(), phaseWall());
  }

  /** The same, with the CPU and wall time of test {@code index}'s window, already closed. */
  private ExecutionReport violated(
      ProtocolViolation violation, int index, long cpuNanos, long wallNanos) {
    process.kill();
    log.info(
        "run ended at test {}: the sandboxed program broke the protocol: {}",
        index,
        violation.getMessage());
    outcomes.add(
        outcomes.ended(
            index,
            Verdict.RUNTIME_ERROR,
            "The program wrote output that broke the runner's protocol ("
                + violation.getMessage()
                + "), so the run was stopped.",
            "",
            phase == Phase.LOAD,
            cpuNanos,
            wallNanos));
    return outcomes.finish(
        index + 1, "not run: test " + (index + 1) + " ended the run", wallMillis());
  }

  /** A test (or the load phase, as test 0) did not deliver its result. */
  private ExecutionReport stopped(Stop stop, int index) {
    if (stop.reason == Stop.Reason.BROKEN) {
      return violated(new ProtocolViolation(stop.getMessage()), index);
    }
    SandboxExit exit = stopProcess(stop);
    long cpu =
        exit == null ? phaseCpu() : Math.max(0, exit.cpuMillis() * 1_000_000 - phaseStartCpu);
    String stderr = new String(process.stderr(), StandardCharsets.UTF_8);
    boolean runOver = System.nanoTime() >= runDeadline;
    Verdict verdict;
    String message;
    if (stop.reason == Stop.Reason.TOO_LONG) {
      verdict = Verdict.OUTPUT_LIMIT_EXCEEDED;
      message =
          "The test's result and output take more than the limit of "
              + maxProtocolLine(request, properties)
              + " bytes.";
    } else if (stop.reason == Stop.Reason.OUTPUT) {
      verdict = Verdict.OUTPUT_LIMIT_EXCEEDED;
      message = "Wrote more than " + outcomes.cap() + " bytes to stdout.";
    } else if ((exit != null && exit.phaseCpuLimitExceeded())
        || (cpu > limits.cpuPerTest().toNanos() && !(exit != null && exit.memoryLimitExceeded()))) {
      // Over the budget is over the budget, whether the watchdog saw it first or the process
      // ended (or stopped answering) just after; a kill for memory still says memory.
      verdict = Verdict.TIME_LIMIT_EXCEEDED;
      message = outcomes.cpuMessage(Math.max(cpu, limits.cpuPerTest().toNanos() + 1));
    } else if (stop.reason == Stop.Reason.DEADLINE) {
      verdict = Verdict.TIME_LIMIT_EXCEEDED;
      message =
          runOver
              ? "The run's time limit of "
                  + limits.wallPerRun().toSeconds()
                  + " s ran out during this test."
              : "Did not finish within "
                  + (testDeadline() - phaseStartNanos) / 1_000_000
                  + " ms of wall time (it used "
                  + cpu / 1_000_000
                  + " ms of CPU time; the limit is "
                  + limits.cpuPerTest().toMillis()
                  + " ms per test).";
    } else if (exit == null) {
      log.warn("harness process ended at test {} and its exit is unknown", index);
      return outcomes.internalError(index, wallMillis());
    } else if (exit.memoryLimitExceeded()
        || stderr.contains("heap out of memory")
        || stderr.contains("java.lang.OutOfMemoryError")) {
      verdict = Verdict.MEMORY_LIMIT_EXCEEDED;
      message = "Used more than the memory limit of " + (limits.memoryBytes() >> 20) + " MiB.";
    } else if (exit.stdoutLimitExceeded() || exit.stderrLimitExceeded()) {
      verdict = Verdict.OUTPUT_LIMIT_EXCEEDED;
      message = "Wrote more output than allowed.";
    } else if (exit.cpuLimitExceeded() || exit.wallLimitExceeded()) {
      verdict = Verdict.TIME_LIMIT_EXCEEDED;
      message = "The run's time limit ran out during this test.";
    } else {
      verdict = Verdict.RUNTIME_ERROR;
      message =
          "The process ended during this test (exit code "
              + exit.exitCode()
              + (exit.signal() != 0 ? ", signal " + exit.signal() : "")
              + ").";
    }
    outcomes.add(
        outcomes.ended(index, verdict, message, stderr, phase == Phase.LOAD, cpu, phaseWall()));
    return outcomes.finish(
        index + 1, "not run: test " + (index + 1) + " ended the run", wallMillis());
  }

  private SandboxExit stopProcess(Stop stop) {
    if (stop.reason != Stop.Reason.ENDED) {
      process.kill();
    }
    try {
      return process.awaitExit();
    } catch (RuntimeException e) {
      log.warn("awaiting the harness process failed: {}", e.toString());
      return null;
    }
  }

  private long wallMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String abbreviate(String text) {
    return TestOutcomes.abbreviate(text);
  }
}
