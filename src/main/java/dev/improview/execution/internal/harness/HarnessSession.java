package dev.improview.execution.internal.harness;

import dev.improview.execution.Diagnostic;
import dev.improview.execution.ExecutionReport;
import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.Parameter;
import dev.improview.execution.RunLimits;
import dev.improview.execution.TestCase;
import dev.improview.execution.TestReport;
import dev.improview.execution.Verdict;
import dev.improview.execution.internal.harness.ProtocolReader.Broken;
import dev.improview.execution.internal.harness.ProtocolReader.End;
import dev.improview.execution.internal.harness.ProtocolReader.Event;
import dev.improview.execution.internal.harness.ProtocolReader.Message;
import dev.improview.execution.internal.harness.ProtocolReader.Stray;
import dev.improview.execution.internal.sandbox.SandboxExit;
import dev.improview.execution.internal.sandbox.SandboxProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run against one acquired harness process: writes the job, follows the events with a watchdog
 * per phase, and turns what happened into an {@link ExecutionReport}. Comparison with expected
 * values happens here, in the server.
 */
public final class HarnessSession {

  private static final Logger log = LoggerFactory.getLogger(HarnessSession.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String INTERNAL_MESSAGE =
      "The runner failed (our fault, not your code's). Please try again.";

  private final ExecutionRequest request;
  private final SandboxProcess process;
  private final ExecutionProperties properties;
  private final ObjectMapper json;
  private final ExecutorService threads;
  private final String nonce = HexFormat.of().formatHex(randomBytes());
  private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
  private final RunLimits limits;
  private final int cap;
  private final long startNanos;
  private final long runDeadline;

  private final List<TestReport> reports = new ArrayList<>();
  private final StringBuilder stray = new StringBuilder();
  private long strayBytes;
  private String loadStdout = "";
  private String loadStderr = "";
  private boolean loading;
  private long phaseStartNanos;

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
    this.cap = limits.outputBytesPerStream();
    this.startNanos = startNanos;
    this.runDeadline = startNanos + limits.wallPerRun().toNanos();
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** Stdout the harness may legitimately write: every result, output and the load phase. */
  public static long protocolBytes(ExecutionRequest request, ExecutionProperties properties) {
    long perTest = maxProtocolLine(request, properties) + 4096;
    return (request.tests().size() + 2) * perTest;
  }

  static int maxProtocolLine(ExecutionRequest request, ExecutionProperties properties) {
    // JSON escaping can grow captured output up to six times (\\u00XX).
    long line = properties.resultBytes() + 12L * request.limits().outputBytesPerStream() + 65536;
    return (int) Math.min(Integer.MAX_VALUE - 16, line);
  }

  /** Runs the job; never throws for anything user code does. */
  public ExecutionReport run() {
    try {
      threads.execute(
          new ProtocolReader(
              process.stdout(), nonce, maxProtocolLine(request, properties), cap, json, queue));
      byte[] job = encodeJob();
      threads.execute(() -> writeJob(job));
      return follow();
    } catch (RuntimeException e) {
      log.error("harness session failed", e);
      return internalError(reports.size(), "session failed: " + e);
    } finally {
      process.kill();
    }
  }

  private ExecutionReport follow() {
    List<TestCase> tests = request.tests();
    long compileDeadline =
        Math.min(runDeadline, startNanos + properties.compileTimeout().toNanos());
    JsonNode compiled;
    try {
      compiled = await("compiled", -1, compileDeadline);
    } catch (Stop stop) {
      return compileStopped(stop);
    }
    if (!compiled.path("ok").asBoolean()) {
      return compileError(compiled.path("diagnostics"));
    }

    JsonNode loaded;
    loading = true;
    phaseStartNanos = System.nanoTime();
    try {
      loaded = await("loaded", -1, testDeadline(phaseStartNanos));
    } catch (Stop stop) {
      return stopped(stop, 0, true);
    }
    if (!loaded.path("ok").asBoolean()) {
      if (loaded.has("diagnostics")) {
        return compileError(loaded.path("diagnostics"));
      }
      TestReport first =
          fromError(0, loaded.path("error"), loaded, "While running the top-level code: ", 0);
      reports.add(first);
      return finish(first.index() + 1, "not run: the code failed while loading");
    }
    loading = false;
    loadStdout = loaded.path("stdout").asString("") + takeStray();
    loadStderr = loaded.path("stderr").asString("");

    for (int index = 0; index < tests.size(); index++) {
      try {
        await("start", index, Math.min(runDeadline, System.nanoTime() + slackNanos()));
      } catch (Stop stop) {
        return stopped(stop, index, false);
      }
      JsonNode result;
      phaseStartNanos = System.nanoTime();
      try {
        result = await("result", index, testDeadline(phaseStartNanos));
      } catch (Stop stop) {
        return stopped(stop, index, true);
      }
      reports.add(fromResult(index, result, tests.get(index)));
    }
    return finish(tests.size(), "");
  }

  // Wall time is only the watchdog: the CPU the harness measures decides TLE, and on a busy
  // machine a test's wall time can be a multiple of its CPU time.
  private long testDeadline(long now) {
    long budget = 2 * limits.cpuPerTest().toNanos() + properties.testSlack().toNanos();
    return Math.min(runDeadline, now + budget);
  }

  private long slackNanos() {
    return properties.testSlack().toNanos() + TimeUnit.SECONDS.toNanos(1);
  }

  // ---- Reading events ----

  /** Why waiting for an event ended without it. */
  private static final class Stop extends Exception {
    enum Reason {
      ENDED,
      DEADLINE,
      BROKEN,
      OUTPUT
    }

    final Reason reason;

    Stop(Reason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }

  private JsonNode await(String type, int index, long deadline) throws Stop {
    while (true) {
      long left = deadline - System.nanoTime();
      Message message;
      try {
        message = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stop(Stop.Reason.BROKEN, "interrupted");
      }
      if (message == null) {
        throw new Stop(Stop.Reason.DEADLINE, "no " + type + " event in time");
      }
      if (message instanceof Stray s) {
        strayBytes += s.bytes();
        if (stray.length() < cap) {
          stray.append(s.text(), 0, Math.min(s.text().length(), cap - stray.length()));
        }
        if (strayBytes > cap) {
          throw new Stop(Stop.Reason.OUTPUT, "more than " + cap + " bytes written to stdout");
        }
      } else if (message instanceof End) {
        throw new Stop(Stop.Reason.ENDED, "the process ended");
      } else if (message instanceof Broken b) {
        throw new Stop(Stop.Reason.BROKEN, b.why());
      } else if (message instanceof Event e) {
        JsonNode event = e.json();
        String actual = event.path("type").asString("");
        if (actual.equals(type) && (index < 0 || event.path("index").asInt(-1) == index)) {
          return event;
        }
        throw new Stop(
            Stop.Reason.BROKEN, "expected a " + type + " event for " + index + ", got " + event);
      }
    }
  }

  private String takeStray() {
    String text = stray.toString();
    stray.setLength(0);
    strayBytes = 0;
    return text;
  }

  // ---- Turning events into reports ----

  private TestReport fromResult(int index, JsonNode result, TestCase test) {
    if (result.path("status").asString("").equals("error")) {
      return fromError(index, result.path("error"), result, "", result.path("wallNanos").asLong());
    }
    JsonNode actual = result.get("value");
    if (actual == null || !result.path("status").asString("").equals("returned")) {
      throw new IllegalStateException("result without a value or status: " + result);
    }
    long cpuMillis = result.path("cpuNanos").asLong() / 1_000_000;
    Verdict verdict;
    String message = "";
    if (cpuMillis > limits.cpuPerTest().toMillis()) {
      verdict = Verdict.TIME_LIMIT_EXCEEDED;
      message =
          "Used "
              + cpuMillis
              + " ms of CPU time; the limit is "
              + limits.cpuPerTest().toMillis()
              + " ms per test.";
      actual = null;
    } else if (test.expected() == null) {
      verdict = Verdict.COMPLETED;
    } else if (request.comparison().matches(test.expected(), actual)) {
      verdict = Verdict.PASSED;
    } else {
      verdict = Verdict.WRONG_ANSWER;
    }
    return report(index, verdict, actual, result, message, result.path("wallNanos").asLong());
  }

  private TestReport fromError(
      int index, JsonNode error, JsonNode event, String prefix, long wallNanos) {
    String kind = error.path("kind").asString("");
    Verdict verdict =
        switch (kind) {
          case "output_limit", "result_too_large" -> Verdict.OUTPUT_LIMIT_EXCEEDED;
          case "out_of_memory" -> Verdict.MEMORY_LIMIT_EXCEEDED;
          case "exception", "stack_overflow", "bad_return" -> Verdict.RUNTIME_ERROR;
          default -> throw new IllegalStateException("unknown error kind: " + error);
        };
    String message;
    if (kind.equals("output_limit")) {
      message = "Printed more than " + cap + " bytes to " + overflowingStream(event) + ".";
    } else if (kind.equals("bad_return") || kind.equals("result_too_large")) {
      message = capitalise(error.path("message").asString(""));
    } else {
      message = error.path("type").asString("") + ": " + error.path("message").asString("");
      String stack = error.path("stack").asString("");
      message = stack.isEmpty() ? message : message + "\n" + stack;
    }
    return report(index, verdict, null, event, prefix + message, wallNanos);
  }

  private static String overflowingStream(JsonNode event) {
    return event.path("stdoutTruncated").asBoolean() ? "stdout" : "stderr";
  }

  private TestReport report(
      int index, Verdict verdict, JsonNode actual, JsonNode event, String message, long wallNanos) {
    String stdoutPrefix = index == 0 ? loadStdout : "";
    String stderrPrefix = index == 0 ? loadStderr : "";
    Output out =
        Output.of(
            stdoutPrefix + event.path("stdout").asString("") + takeStray(),
            event.path("stdoutTruncated").asBoolean(),
            cap);
    Output err =
        Output.of(
            stderrPrefix + event.path("stderr").asString(""),
            event.path("stderrTruncated").asBoolean(),
            cap);
    return new TestReport(
        index,
        verdict,
        actual,
        out.text(),
        out.truncated(),
        err.text(),
        err.truncated(),
        wallNanos / 1_000_000,
        message);
  }

  /** Captured text cut to the cap, with a visible notice when anything was cut. */
  record Output(String text, boolean truncated) {
    static Output of(String text, boolean alreadyTruncated, int cap) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      boolean truncated = alreadyTruncated || bytes.length > cap;
      if (!truncated) {
        return new Output(text, false);
      }
      String kept = bytes.length > cap ? new String(bytes, 0, cap, StandardCharsets.UTF_8) : text;
      return new Output(kept + "\n[output truncated: more than " + cap + " bytes]", true);
    }
  }

  // ---- When a phase did not end with its event ----

  private ExecutionReport compileStopped(Stop stop) {
    SandboxExit exit = stopProcess(stop);
    if (exit != null && exit.memoryLimitExceeded()) {
      return compileFailure("The compiler ran out of memory on this code.");
    }
    long budgetMillis =
        Math.min(properties.compileTimeout().toMillis(), limits.wallPerRun().toMillis());
    if (stop.reason == Stop.Reason.DEADLINE
        && exit != null
        && exit.cpuMillis() >= budgetMillis / 2) {
      // It really worked on this code for that long: pathological code, not a busy machine.
      return compileFailure("Compilation did not finish within " + budgetMillis + " ms.");
    }
    log.warn(
        "harness stopped before compiling: {} ({}), exit {}", stop.reason, stop.getMessage(), exit);
    return internalError(0, stop.getMessage());
  }

  /** A test (or the load phase, as test {@code index}) did not deliver its result. */
  private ExecutionReport stopped(Stop stop, int index, boolean userCodeRunning) {
    SandboxExit exit = stopProcess(stop);
    String stderr = new String(process.stderr(), StandardCharsets.UTF_8);
    boolean runOver = System.nanoTime() >= runDeadline;
    if (!userCodeRunning && stop.reason == Stop.Reason.DEADLINE && runOver) {
      reports.add(
          new TestReport(
              index,
              Verdict.TIME_LIMIT_EXCEEDED,
              null,
              "",
              false,
              "",
              false,
              0,
              "The run's time limit of "
                  + limits.wallPerRun().toSeconds()
                  + " s ran out before this test started."));
      return finish(index + 1, "not run: the run's time limit ran out");
    }
    if (!userCodeRunning
        || stop.reason == Stop.Reason.BROKEN
        || (stop.reason == Stop.Reason.ENDED && exit == null)) {
      log.warn(
          "harness protocol broken at test {}: {} ({}), exit {}, stderr {}",
          index,
          stop.reason,
          stop.getMessage(),
          exit,
          abbreviate(stderr));
      return internalError(index, stop.getMessage());
    }
    Verdict verdict;
    String message;
    if (stop.reason == Stop.Reason.OUTPUT) {
      verdict = Verdict.OUTPUT_LIMIT_EXCEEDED;
      message = "Wrote more than " + cap + " bytes to stdout.";
    } else if (stop.reason == Stop.Reason.DEADLINE) {
      verdict = Verdict.TIME_LIMIT_EXCEEDED;
      message =
          runOver
              ? "The run's time limit of "
                  + limits.wallPerRun().toSeconds()
                  + " s ran out during this test."
              : "Took longer than the limit of " + limits.cpuPerTest().toMillis() + " ms.";
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
    String prefix = loading ? "While running the top-level code: " : "";
    boolean strayOverflow = strayBytes > cap;
    Output out = Output.of((index == 0 ? loadStdout : "") + takeStray(), strayOverflow, cap);
    Output err = Output.of(tail(stderr), false, cap);
    reports.add(
        new TestReport(
            index,
            verdict,
            null,
            out.text(),
            out.truncated(),
            err.text(),
            err.truncated(),
            (System.nanoTime() - phaseStartNanos) / 1_000_000,
            prefix + message));
    return finish(index + 1, "not run: test " + (index + 1) + " ended the run");
  }

  private SandboxExit stopProcess(Stop stop) {
    if (stop.reason != Stop.Reason.ENDED) {
      process.kill();
    }
    try {
      return process.awaitExit();
    } catch (RuntimeException e) {
      log.warn("awaiting the harness process failed", e);
      return null;
    }
  }

  private ExecutionReport compileError(JsonNode found) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (JsonNode d : found) {
      diagnostics.add(
          new Diagnostic(
              Math.max(0, d.path("line").asInt()),
              Math.max(0, d.path("column").asInt()),
              d.path("message").asString("")));
    }
    if (diagnostics.isEmpty()) {
      diagnostics.add(new Diagnostic(0, 0, "compilation failed"));
    }
    return compileReport(diagnostics);
  }

  private ExecutionReport compileFailure(String message) {
    return compileReport(List.of(new Diagnostic(0, 0, message)));
  }

  private ExecutionReport compileReport(List<Diagnostic> diagnostics) {
    List<TestReport> tests = new ArrayList<>();
    for (int i = 0; i < request.tests().size(); i++) {
      tests.add(notRun(i, "not run: the code did not compile"));
    }
    return new ExecutionReport(Verdict.COMPILE_ERROR, tests, diagnostics, wallMillis());
  }

  private ExecutionReport internalError(int index, String why) {
    while (reports.size() > index) {
      reports.remove(reports.size() - 1);
    }
    for (int i = reports.size(); i < index; i++) {
      reports.add(notRun(i, "not run"));
    }
    reports.add(
        new TestReport(
            index, Verdict.INTERNAL_ERROR, null, "", false, "", false, 0, INTERNAL_MESSAGE));
    log.warn("internal error in run at test {}: {}", index, why);
    return finish(index + 1, "not run: the runner failed");
  }

  private ExecutionReport finish(int from, String notRunMessage) {
    for (int i = from; i < request.tests().size(); i++) {
      reports.add(notRun(i, notRunMessage));
    }
    return new ExecutionReport(ExecutionReport.overall(reports), reports, List.of(), wallMillis());
  }

  private static TestReport notRun(int index, String message) {
    return new TestReport(index, Verdict.NOT_RUN, null, "", false, "", false, 0, message);
  }

  private long wallMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  // ---- The job ----

  private byte[] encodeJob() {
    ObjectNode job = json.createObjectNode();
    job.put("nonce", nonce);
    job.put("language", request.language().id());
    job.put("code", request.code());
    ObjectNode signature = job.putObject("signature");
    signature.put("function", request.signature().functionName(request.language()));
    ArrayNode params = signature.putArray("params");
    List<String> names = request.signature().paramNames(request.language());
    for (int i = 0; i < names.size(); i++) {
      Parameter param = request.signature().params().get(i);
      params.addObject().put("name", names.get(i)).put("type", param.type().toString());
    }
    signature.put("returns", request.signature().returns().toString());
    ArrayNode tests = job.putArray("tests");
    for (TestCase test : request.tests()) {
      // Arguments only: expected values never enter the sandbox.
      tests.addObject().set("args", test.args());
    }
    ObjectNode jobLimits = job.putObject("limits");
    jobLimits.put("outputBytesPerStream", cap);
    jobLimits.put("resultBytes", properties.resultBytes());
    jobLimits.put("stackBytes", properties.stackBytes());
    jobLimits.put("recursionLimit", properties.recursionLimit());
    return json.writeValueAsBytes(job);
  }

  private void writeJob(byte[] job) {
    try (OutputStream stdin = process.stdin()) {
      stdin.write(job);
    } catch (IOException e) {
      // The harness died or was killed; reading its stdout tells what happened.
      log.debug("writing the job failed: {}", e.getMessage());
    }
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String tail(String text) {
    return text.length() <= 4096 ? text : "..." + text.substring(text.length() - 4096);
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }
}
