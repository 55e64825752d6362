package dev.improview.execution.internal.sandbox;

import static dev.improview.execution.internal.sandbox.SandboxRuns.generous;
import static dev.improview.execution.internal.sandbox.SandboxRuns.python;
import static dev.improview.execution.internal.sandbox.SandboxRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.sandbox.SandboxRuns.Outcome;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProcessSandboxIsolationTest {

  private static ProcessSandbox sandbox;
  private static Path harness;

  @BeforeAll
  static void start() {
    sandbox = ProcessSandbox.create(SandboxProperties.defaults().withMode("strict"));
    harness = SandboxRuns.harnessDir();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void probeFindsEveryIsolationLayerOnThisMachine() {
    IsolationReport report = sandbox.isolation();

    assertThat(report.backend()).isEqualTo("bubblewrap");
    assertThat(report.missing()).isEmpty();
    assertThat(report.checks())
        .extracting(IsolationReport.Check::layer)
        .contains(
            "namespaces", "network", "unprivileged", "seccomp", "cgroups", "read-only-runtime");
  }

  @Test
  void aProbeThatReportsNothingIsAskedAgainAndAtMostSoOften() {
    var properties = SandboxProperties.defaults().withMode("strict");
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    var checks =
        IsolationProbe.probeInside(
            properties,
            spec -> {
              if (calls.getAndIncrement() == 0) {
                throw new java.io.IOException("spawn failed once");
              }
              return sandbox.spawnActivated(spec);
            });
    assertThat(calls).hasValue(2);
    assertThat(checks)
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.available()).as(c.layer() + ": " + c.detail()).isTrue());

    var attempts = new java.util.concurrent.atomic.AtomicInteger();
    var missing =
        IsolationProbe.probeInside(
            properties,
            spec -> {
              attempts.incrementAndGet();
              throw new java.io.IOException("no spawn");
            });
    assertThat(attempts).hasValue(IsolationProbe.PROBE_ATTEMPTS);
    assertThat(missing)
        .allSatisfy(
            c ->
                assertThat(c.detail())
                    .isEqualTo(
                        "the probe process did not report it: java.io.IOException: no spawn"));
  }

  @Test
  void cannotConnectToAHostLoopbackPortOrTheInternet() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      String script =
          """
          import socket, sys
          for host, port in (("127.0.0.1", %d), ("1.1.1.1", 443)):
              try:
                  socket.create_connection((host, port), timeout=1).close()
                  print("connected", host)
              except OSError as e:
                  print("refused", host, e.errno)
          """
              .formatted(server.getLocalPort());

      Outcome outcome = run(sandbox, python(harness, script), generous());

      assertThat(outcome.stdout())
          .contains("refused 127.0.0.1", "refused 1.1.1.1")
          .doesNotContain("connected");
      // The seccomp filter denies the socket family itself: EAFNOSUPPORT (97).
      assertThat(outcome.stdout()).contains("refused 127.0.0.1 97");
    }
  }

  @Test
  void cannotSeeShadowRootOrTheServersEnvironment() {
    String script =
        """
        import os
        print("shadow", os.path.exists("/etc/shadow"))
        print("root", os.path.exists("/root"))
        print("env", sorted(k for k in os.environ if k not in ("PWD", "LC_CTYPE")))
        for pid in ("1", "2", "self"):
            try:
                print("environ", pid, open("/proc/%s/environ" % pid, "rb").read().replace(b"\\0", b" "))
            except OSError as e:
                print("environ", pid, "denied", e.errno)
        """;
    ProcessSpec spec =
        new ProcessSpec(
            "env-test",
            List.of(SandboxRuns.PYTHON, "-I", "-S", "-c", script),
            Map.of("GIVEN", "yes"),
            harness,
            List.of(),
            128 * SandboxRuns.MIB,
            32);

    Outcome outcome = run(sandbox, spec, generous());

    assertThat(outcome.stdout()).contains("shadow False", "root False", "env ['GIVEN']");
    for (String secret : System.getenv().keySet()) {
      if (secret.length() > 3) {
        assertThat(outcome.stdout()).doesNotContain(secret + "=");
      }
    }
  }

  @Test
  void runsUnprivilegedWithReadOnlyRuntimeAndProcSys() {
    String script =
        """
        import os
        status = open("/proc/self/status").read()
        print([l for l in status.splitlines() if l.startswith(("CapEff", "NoNewPrivs", "Seccomp:"))])
        print("uid", os.getuid())
        for path in ("/usr/improview-test", "/proc/sys/kernel/improview", "/harness/x"):
            try:
                open(path, "w").close()
                print("wrote", path)
            except OSError as e:
                print("denied", path)
        try:
            open("/proc/sys/vm/overcommit_memory", "w").write("1")
            print("wrote sysctl")
        except OSError as e:
            print("denied sysctl", e.errno)
        """;

    Outcome outcome = run(sandbox, python(harness, script), generous());

    assertThat(outcome.stdout())
        .contains("CapEff:\\t0000000000000000", "NoNewPrivs:\\t1", "Seccomp:\\t2", "uid 65534")
        .contains("denied /usr/improview-test", "denied /harness/x", "denied sysctl")
        .doesNotContain("wrote");
  }

  @Test
  void seccompDeniesNamespaceMountAndTraceCalls() {
    String script =
        """
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        for name, call in (("unshare", lambda: libc.unshare(0x20000)),
                           ("mount", lambda: libc.mount(b"none", b"/tmp", b"tmpfs", 0, None)),
                           ("ptrace", lambda: libc.ptrace(16, 1, None, None)),
                           ("keyctl", lambda: libc.syscall(250, 0, 0, 0, 0))):
            result = call()
            print(name, result, ctypes.get_errno())
        """;

    Outcome outcome = run(sandbox, python(harness, script), generous());

    assertThat(outcome.stdout())
        .contains("unshare -1 1", "mount -1 1", "ptrace -1 1", "keyctl -1 1");
  }

  @Test
  void filesWrittenByOneRunAreNotSeenByTheNext() {
    String script =
        """
        import os
        print("before", sorted(os.listdir("/tmp")))
        open("/tmp/left-behind", "w").write("x")
        """;

    Outcome first = run(sandbox, python(harness, script), generous());
    Outcome second = run(sandbox, python(harness, script), generous());

    assertThat(first.stdout()).contains("before []");
    assertThat(second.stdout()).contains("before []");
  }

  // --- Read-only root, sized /tmp and /dev/shm (issue 9, item 4) ---

  @Test
  void probeFindsTheRootReadOnlyAndTmpAndDevShmSizedAsConfigured() {
    IsolationReport report = sandbox.isolation();
    SandboxProperties defaults = SandboxProperties.defaults();

    assertThat(report.has("read-only-root")).as(report.describe()).isTrue();
    assertThat(report.checks())
        .filteredOn(check -> check.layer().equals("tmpfs"))
        .singleElement()
        .extracting(IsolationReport.Check::detail)
        .asString()
        .contains("/tmp " + defaults.tmpfsBytes() + " bytes")
        .contains("/dev/shm " + defaults.shmBytes() + " bytes");
  }

  @Test
  void remountingTheRootReadOnlyIsTheLastFilesystemOperation() {
    Path writable = SandboxRuns.harnessDir();
    ProcessSpec spec =
        new ProcessSpec(
            "arguments-test",
            List.of(SandboxRuns.PYTHON, "-c", "0"),
            Map.of("A", "b"),
            harness,
            List.of(Path.of("/etc/ssl"), writable),
            128 * SandboxRuns.MIB,
            32,
            writable);
    SandboxProperties properties = SandboxProperties.defaults();
    List<String> command;
    try (LaunchCommand launch =
        new LaunchCommand(properties, Path.of("/launcher.py"), Path.of("/filter.bpf"), true)) {
      command = launch.bubblewrap(spec, null);
    }

    List<String> operations = bubblewrapOperations(command, properties);

    assertThat(operations).contains("--tmpfs /dev/shm", "--remount-ro /dev");
    assertThat(operations).last().isEqualTo("--remount-ro /");
  }

  /**
   * The filesystem operations of bubblewrap's options, in order, each with its arguments. Options
   * that change no mount (namespaces, environment, the working directory) are left out; an option
   * this does not know fails the test, so a new one is classified rather than missed.
   */
  private static List<String> bubblewrapOperations(
      List<String> command, SandboxProperties properties) {
    Map<String, Integer> other =
        Map.ofEntries(
            Map.entry("--unshare-all", 0),
            Map.entry("--unshare-user", 0),
            Map.entry("--disable-userns", 0),
            Map.entry("--die-with-parent", 0),
            Map.entry("--new-session", 0),
            Map.entry("--clearenv", 0),
            Map.entry("--cap-drop", 1),
            Map.entry("--hostname", 1),
            Map.entry("--chdir", 1),
            Map.entry("--seccomp", 1),
            Map.entry("--setenv", 2));
    Map<String, Integer> filesystem =
        Map.ofEntries(
            Map.entry("--ro-bind", 2),
            Map.entry("--ro-bind-try", 2),
            Map.entry("--bind", 2),
            Map.entry("--bind-try", 2),
            Map.entry("--dev-bind", 2),
            Map.entry("--symlink", 2),
            Map.entry("--dir", 1),
            Map.entry("--tmpfs", 1),
            Map.entry("--size", 1),
            Map.entry("--proc", 1),
            Map.entry("--dev", 1),
            Map.entry("--mqueue", 1),
            Map.entry("--remount-ro", 1));
    List<String> operations = new ArrayList<>();
    int i = command.indexOf(properties.bwrap().toString()) + 1;
    while (!command.get(i).equals("--")) {
      String option = command.get(i);
      Integer arity = filesystem.containsKey(option) ? filesystem.get(option) : other.get(option);
      assertThat(arity).as("bubblewrap option " + option + " is classified here").isNotNull();
      if (filesystem.containsKey(option) && !option.equals("--size")) {
        operations.add(String.join(" ", command.subList(i, i + 1 + arity)));
      }
      i += 1 + arity;
    }
    return operations;
  }

  // --- What the mount table shows (issue 9, part of item 8) ---

  @Test
  void aBoundDirectoryIsSeenUnderANeutralNameWithoutItsHostPath() throws Exception {
    Path data = SandboxRuns.harnessDir();
    Path file = data.resolve("data.txt");
    Files.writeString(file, "hello");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    String script =
        """
        import sys
        print("read", open(sys.argv[1]).read())
        print("argv", sys.argv[1])
        print(open("/proc/self/mountinfo").read())
        """;
    ProcessSpec spec =
        new ProcessSpec(
            "bind-test",
            List.of(SandboxRuns.PYTHON, "-I", "-S", "-c", script, file.toString()),
            Map.of(),
            harness,
            List.of(data),
            128 * SandboxRuns.MIB,
            32);

    Outcome outcome = run(sandbox, spec, generous());

    assertThat(outcome.stdout())
        .as(outcome.stderr())
        .contains("read hello", "argv /mnt/0/data.txt", " /harness ", " /mnt/0 ")
        .doesNotContain(data.getFileName().toString(), harness.getFileName().toString())
        .doesNotContain(System.getProperty("java.io.tmpdir") + "/");
  }

  @Test
  void aHostPathInAnArgumentIsRewrittenOnlyWhereItNamesThatPath() {
    Map<String, String> renamed = new TreeMap<>(Comparator.reverseOrder());
    renamed.put("/tmp/cds", "/mnt/1");
    renamed.put("/tmp/cds/sub", "/mnt/2");

    assertThat(
            LaunchCommand.rename(
                List.of(
                    "/tmp/cds",
                    "-XX:SharedArchiveFile=/tmp/cds/harness.jsa",
                    "-cp",
                    "/a.jar:/tmp/cds:/tmp/cds/sub/x",
                    "/tmp/cdsx",
                    "/data/tmp/cds"),
                renamed))
        .containsExactly(
            "/mnt/1",
            "-XX:SharedArchiveFile=/mnt/1/harness.jsa",
            "-cp",
            "/a.jar:/mnt/1:/mnt/2/x",
            "/tmp/cdsx",
            "/data/tmp/cds");
  }
}
