package dev.improview.execution.internal.sandbox;

import static dev.improview.execution.internal.sandbox.SandboxRuns.generous;
import static dev.improview.execution.internal.sandbox.SandboxRuns.python;
import static dev.improview.execution.internal.sandbox.SandboxRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.sandbox.SandboxRuns.Outcome;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
}
