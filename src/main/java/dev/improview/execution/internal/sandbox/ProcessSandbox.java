package dev.improview.execution.internal.sandbox;

import dev.improview.execution.Lane;
import dev.improview.execution.internal.sandbox.IsolationReport.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox on this machine: bubblewrap behind a launcher and a uid drop, with one cgroup per
 * run, or, in permissive mode without bubblewrap, plain processes with the same timeouts and caps.
 * Processes are single use. This class probes the machine, picks the backend and spawns; {@link
 * Admission} decides who may hold a process, {@link PrestartPool} keeps some started ahead of their
 * job, and {@link RunCleanup} removes what a closed run leaves behind.
 */
public final class ProcessSandbox implements Sandbox, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProcessSandbox.class);

  private final SandboxProperties properties;
  private final Path privateDir;
  private final Cgroups cgroups;
  private final LaunchCommand launch;
  private final boolean bubblewrap;
  private final IsolationReport report;
  private final Admission admission;
  private final int maxConcurrent;

  /** Sandboxes created in this JVM so far: tests and contexts may hold several at once. */
  private static final AtomicLong INSTANCES = new AtomicLong();

  // Unique per instance, not just per JVM: two sandboxes of one process must never share a group.
  private final String groupPrefix =
      "s" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet() + "-";
  private final AtomicLong sequence = new AtomicLong();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService stderrDrainers;
  private final ExecutorService reapers;
  private final RunCleanup cleanup;
  private final PrestartPool prestarted;
  private volatile boolean closed;

  private ProcessSandbox(
      SandboxProperties properties,
      Path privateDir,
      Cgroups cgroups,
      LaunchCommand launch,
      IsolationReport knownReport) {
    this.properties = properties;
    this.privateDir = privateDir;
    // The plain backend cannot put a process into a group before it runs, so it uses none.
    this.cgroups = launch == null ? null : cgroups;
    this.launch = launch;
    this.bubblewrap = launch != null;
    this.maxConcurrent = properties.effectiveMaxConcurrent();
    this.admission =
        new Admission(
            maxConcurrent,
            properties.queueWait(),
            properties.maxConcurrentBackground(),
            properties.backgroundQueueWait(),
            properties.maxQueued());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-watchdog"));
    this.stderrDrainers = Executors.newCachedThreadPool(daemon("sandbox-stderr"));
    this.reapers = Executors.newCachedThreadPool(daemon("sandbox-reaper"));
    this.cleanup = new RunCleanup(scheduler, properties.killTimeout());
    this.prestarted =
        new PrestartPool(
            properties.refillThreads(),
            daemon("sandbox-refill"),
            properties.killTimeout(),
            this::spawn);
    this.report = knownReport != null ? knownReport : probe(this.cgroups != null);
  }

  private IsolationReport probe(boolean cgroupsOk) {
    List<Check> checks = new ArrayList<>(staticChecks(properties, cgroupsOk));
    if (bubblewrap) {
      checks.addAll(IsolationProbe.probeInside(properties, this::spawnActivated));
    }
    boolean insideOk =
        bubblewrap
            && checks.stream()
                .filter(c -> INSIDE_LAYERS.contains(c.layer()))
                .allMatch(Check::available);
    return new IsolationReport(insideOk ? "bubblewrap" : "plain", checks);
  }

  private static final List<String> INSIDE_LAYERS =
      List.of("namespaces", "network", "unprivileged", "read-only-runtime", "clean-env", "tmpfs");

  /**
   * Probes the machine and builds the sandbox. In strict mode missing isolation is an error; in
   * permissive mode (and "auto", which the Spring configuration turns strict under the prod
   * profile) it is logged loudly once and the sandbox runs with what there is.
   *
   * @throws IllegalStateException in strict mode when any isolation layer is missing
   */
  public static ProcessSandbox create(SandboxProperties properties) {
    Path privateDir = createPrivateDir();
    Cgroups.Detection detection =
        Cgroups.detect(
            properties.cgroups(),
            properties.cgroupRoot(),
            properties.cgroupName(),
            properties.cpuCores());
    Cgroups cgroups = detection.cgroups().orElse(null);
    LaunchCommand launch = null;
    boolean root = isRoot();
    boolean launchable =
        Files.isExecutable(properties.bwrap())
            && Files.isExecutable(properties.launcherPython())
            && (!root || Files.isExecutable(properties.setpriv()));
    if (launchable) {
      Path launcher = privateDir.resolve("launcher.py");
      copyResource("launcher.py", launcher);
      Path filter =
          SeccompFilter.forThisMachine().map(arch -> writeFilter(privateDir, arch)).orElse(null);
      launch = new LaunchCommand(properties, launcher, filter, root);
    }
    ProcessSandbox sandbox = new ProcessSandbox(properties, privateDir, cgroups, launch, null);
    if (cgroups != null) {
      cgroups.removeStaleGroups(ProcessSandbox::isStaleGroup);
    }
    IsolationReport report = sandbox.report;
    if (!report.backend().equals("bubblewrap") && launch != null) {
      // bubblewrap is installed but the probe failed through it: run plain rather than broken.
      sandbox.close();
      List<Check> checks = new ArrayList<>();
      for (Check check : report.checks()) {
        checks.add(
            check.layer().equals("cgroups")
                ? new Check("cgroups", false, "not usable by the plain backend")
                : check);
      }
      report = new IsolationReport("plain", checks);
      sandbox = new ProcessSandbox(properties, createPrivateDir(), cgroups, null, report);
    }
    String cgroupLine = "\n  cgroups: " + detection.detail();
    if (report.complete()) {
      log.info("Sandbox isolation: {}{}", report.describe(), cgroupLine);
    } else if (properties.mode().equals("strict")) {
      sandbox.close();
      throw new IllegalStateException(
          "improview.sandbox.mode=strict and this machine lacks isolation layers: "
              + report.missing().stream().map(c -> c.layer() + " (" + c.detail() + ")").toList()
              + ". Install bubblewrap, run with cgroups available, or set improview.sandbox.mode=permissive"
              + " for local development only. "
              + report.describe());
    } else {
      log.warn(
          "\n!!!!!!!!!!\nSANDBOX IS DEGRADED: user code runs with missing isolation layers {}."
              + " Acceptable on a development machine only; production must use"
              + " improview.sandbox.mode=strict.\n{}{}\n!!!!!!!!!!",
          report.missing().stream().map(Check::layer).toList(),
          report.describe(),
          cgroupLine);
    }
    return sandbox;
  }

  static List<Check> staticChecks(SandboxProperties properties, boolean cgroupsOk) {
    List<Check> checks = new ArrayList<>();
    checks.add(IsolationProbe.executable("bubblewrap", properties.bwrap()));
    checks.add(IsolationProbe.executable("launcher", properties.launcherPython()));
    checks.add(
        isRoot()
            ? IsolationProbe.executable("uid-drop", properties.setpriv())
            : new Check("uid-drop", true, "server is not root"));
    checks.add(
        new Check(
            "seccomp-filter",
            SeccompFilter.forThisMachine().isPresent(),
            "classic BPF for " + System.getProperty("os.arch")));
    checks.add(
        new Check(
            "cgroups",
            cgroupsOk,
            cgroupsOk
                ? "memory, pids and cpu limits per run"
                : "no per-run memory/pids/cpu limits"));
    return checks;
  }

  @Override
  public IsolationReport isolation() {
    return report;
  }

  /** The number of runs that may hold a process at once. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  @Override
  public void prewarm(ProcessSpec spec, int size) {
    prestarted.prewarm(spec, size);
  }

  /** How many callers are waiting for an interactive slot now (an estimate). */
  int waiting() {
    return admission.waiting(Lane.INTERACTIVE);
  }

  /** How many pre-started processes of this spec are waiting now. */
  int ready(ProcessSpec spec) {
    return prestarted.ready(spec);
  }

  @Override
  public SandboxProcess acquire(ProcessSpec spec, SandboxLimits limits, Lane lane) {
    if (closed) {
      throw new IllegalStateException("sandbox is closed");
    }
    Runnable release = admission.admit(lane);
    try {
      SandboxedProcess process = prestarted.take(spec);
      if (process == null) {
        process = spawn(spec);
      }
      // The replacement starts once this run is over: on two cores a runtime starting beside the
      // run would take a good part of its CPU.
      process.activate(
          limits,
          properties.cpuPollInterval(),
          () -> {
            release.run();
            prestarted.refill(spec);
          });
      return process;
    } catch (IOException e) {
      release.run();
      throw new UncheckedIOException("cannot start a sandboxed process for " + spec.key(), e);
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
  }

  SandboxedProcess spawnActivated(ProcessSpec spec) throws IOException {
    SandboxedProcess process = spawn(spec);
    process.activate(
        new SandboxLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), 1 << 20, 1 << 20),
        properties.cpuPollInterval(),
        () -> {});
    return process;
  }

  private SandboxedProcess spawn(ProcessSpec spec) throws IOException {
    Cgroups.Group group =
        cgroups == null
            ? null
            : cgroups.create(
                groupPrefix + sequence.incrementAndGet(), spec.memoryBytes(), spec.maxProcesses());
    Path workDir = null;
    try {
      ProcessBuilder builder;
      if (spec.writableDir() != null) {
        handOver(spec.writableDir(), launch != null && launch.dropsUid());
      }
      if (bubblewrap) {
        builder =
            new ProcessBuilder(launch.bubblewrap(spec, group)).directory(Path.of("/").toFile());
        // Nothing of the server's environment reaches the launcher either.
        builder.environment().clear();
      } else {
        workDir = Files.createTempDirectory(privateDir, "run-");
        builder = new ProcessBuilder(LaunchCommand.plain(spec)).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.env());
      }
      Process process = builder.start();
      return new SandboxedProcess(
          process,
          group,
          workDir,
          properties.killTimeout(),
          scheduler,
          stderrDrainers,
          reapers,
          cleanup.forRun(spec.writableDir()));
    } catch (IOException | RuntimeException e) {
      // The same cleanup a run gets when it closes: a handed-over directory is taken back too.
      cleanup.forRun(spec.writableDir()).release(group, workDir);
      throw e;
    }
  }

  /** Makes a spec's writable directory the sandbox uid's while its process runs. */
  private void handOver(Path dir, boolean dropsUid) throws IOException {
    if (dropsUid) {
      Files.setAttribute(dir, "unix:uid", properties.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(dir, "unix:gid", properties.gid(), LinkOption.NOFOLLOW_LINKS);
    }
  }

  @Override
  public void close() {
    closed = true;
    // The pool and the runs being reaped first, while the scheduler still removes (and retries)
    // their cgroups.
    prestarted.close();
    reapers.shutdown();
    try {
      reapers.awaitTermination(2 * properties.killTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdown();
    stderrDrainers.shutdown();
    if (launch != null) {
      launch.close();
    }
    RunCleanup.deleteTree(privateDir);
  }

  static boolean isStaleGroup(String name) {
    // Ours are "s<server pid>-<sandbox instance>-<run>"; a group of a server that no longer runs
    // is stale.
    if (!name.matches("s\\d+-\\d+-\\d+")) {
      return name.startsWith("probe-") && isDeadPid(name.substring("probe-".length()));
    }
    return isDeadPid(name.substring(1, name.indexOf('-')));
  }

  private static boolean isDeadPid(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean isRoot() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static Path createPrivateDir() {
    try {
      return Files.createTempDirectory(
          "improview-sandbox-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sandbox's private directory", e);
    }
  }

  private static void copyResource(String name, Path target) {
    try (InputStream in = ProcessSandbox.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the build: " + name);
      }
      Files.copy(in, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static Path writeFilter(Path dir, SeccompFilter.Arch arch) {
    Path filter = dir.resolve("seccomp.bpf");
    try {
      Files.write(filter, SeccompFilter.compile(arch));
      return filter;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + filter, e);
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
