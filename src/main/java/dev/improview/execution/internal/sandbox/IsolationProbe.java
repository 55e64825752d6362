package dev.improview.execution.internal.sandbox;

import dev.improview.execution.internal.sandbox.IsolationReport.Check;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one real sandboxed process through the full launch chain and asks it, from inside, what it
 * can see and do. Static checks say what is installed; only this says what actually holds.
 */
final class IsolationProbe {

  // Runs inside the sandbox; reads state only and writes nothing outside stdout.
  private static final String INSIDE =
      """
      import os, socket, resource
      status = dict(l.split(":", 1) for l in open("/proc/self/status").read().splitlines() if ":" in l)
      def out(key, ok, detail):
          print(key + "=" + ("1" if ok else "0") + " " + detail)
      cap_eff = int(status["CapEff"].strip(), 16)
      nnp = status.get("NoNewPrivs", "0").strip()
      out("unprivileged", os.getuid() != 0 and cap_eff == 0 and nnp == "1",
          "uid %d CapEff %x NoNewPrivs %s" % (os.getuid(), cap_eff, nnp))
      out("seccomp", status.get("Seccomp", "0").strip() == "2", "Seccomp mode " + status.get("Seccomp", "?").strip())
      try:
          socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
          inet = "AF_INET socket allowed"
      except OSError as e:
          inet = ""
      ifaces = [l.split(":")[0].strip() for l in open("/proc/net/dev").read().splitlines()[2:]]
      out("network", ifaces == ["lo"], "interfaces " + ",".join(ifaces) + (" " + inet if inet else ""))
      out("namespaces", os.getpid() < 10 and not os.path.exists("/root") and not os.path.exists("/etc/shadow"),
          "pid %d, /root and /etc/shadow absent" % os.getpid())
      ro = not os.access("/usr", os.W_OK) and not os.access("/proc/sys/kernel", os.W_OK) and not os.access("/proc/sys/vm/overcommit_memory", os.W_OK)
      out("read-only-runtime", ro, "/usr and /proc/sys not writable")
      extra = sorted(k for k in os.environ if k not in ("LC_CTYPE", "PWD", "PROBE_MARK"))
      out("clean-env", not extra and os.environ.get("PROBE_MARK") == "1", "variables " + ",".join(sorted(os.environ)))
      # access() answers EROFS for a read-only mount without writing anything.
      writable = [p for p in ("/", "/etc", "/dev", "/harness") if os.access(p, os.W_OK)]
      devices = all(os.access(d, os.W_OK) for d in ("/dev/null", "/dev/zero"))
      out("read-only-root", not writable and devices,
          ("writable: " + ",".join(writable) if writable else "/, /etc, /dev, /harness read-only")
          + ("" if devices else ", /dev/null not writable"))
      page = os.sysconf("SC_PAGE_SIZE")
      def sized(path, limit):
          st = os.statvfs(path)
          size = st.f_blocks * st.f_frsize
          # tmpfs rounds its size up to whole pages.
          return 0 < size <= -(-limit // page) * page and os.access(path, os.W_OK), "%s %d bytes" % (path, size)
      tmp_ok, tmp_detail = sized("/tmp", TMPFS_LIMIT)
      shm_ok, shm_detail = sized("/dev/shm", SHM_LIMIT)
      out("tmpfs", tmp_ok and shm_ok, tmp_detail + ", " + shm_detail)
      fsize = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
      out("rlimits", fsize == FSIZE_LIMIT and resource.getrlimit(resource.RLIMIT_CORE)[0] == 0, "RLIMIT_FSIZE %d" % fsize)
      """;

  /** How often the in-sandbox probe is run when it reports nothing at all. */
  static final int PROBE_ATTEMPTS = 3;

  private IsolationProbe() {}

  /** The in-sandbox checks, each a layer of the report. */
  static List<Check> probeInside(SandboxProperties properties, SpawnFunction spawner) {
    List<Check> checks = new ArrayList<>();
    String script =
        INSIDE
            .replace("TMPFS_LIMIT", Long.toString(properties.tmpfsBytes()))
            .replace("SHM_LIMIT", Long.toString(properties.shmBytes()))
            .replace("FSIZE_LIMIT", Long.toString(properties.maxFileBytes()));
    ProcessSpec spec =
        new ProcessSpec(
            "isolation-probe",
            List.of(properties.launcherPython().toString(), "-I", "-S", "-c", script),
            Map.of("PROBE_MARK", "1"),
            Path.of("/usr"),
            List.of(),
            64L << 20,
            16);
    Map<String, Check> found = new HashMap<>();
    String error = "";
    // A probe that reports nothing at all says nothing about the machine (it was not scheduled in
    // time, or its spawn failed transiently): asked again, up to PROBE_ATTEMPTS times.
    for (int attempt = 1; attempt <= PROBE_ATTEMPTS && found.isEmpty(); attempt++) {
      String output = "";
      try (SandboxedProcess process = spawner.spawn(spec)) {
        process.stdin().close();
        try (InputStream in = process.stdout()) {
          output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        process.awaitExit();
        error = new String(process.stderr(), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        error = e.toString();
      }
      for (String line : output.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0 && line.length() > eq + 1) {
          String layer = line.substring(0, eq);
          String detail = line.length() > eq + 2 ? line.substring(eq + 2).strip() : "";
          found.put(layer, new Check(layer, line.charAt(eq + 1) == '1', detail));
        }
      }
    }
    for (String layer :
        List.of(
            "namespaces",
            "network",
            "unprivileged",
            "seccomp",
            "read-only-runtime",
            "read-only-root",
            "clean-env",
            "tmpfs",
            "rlimits")) {
      checks.add(
          found.getOrDefault(
              layer,
              new Check(
                  layer,
                  false,
                  "the probe process did not report it" + (error.isEmpty() ? "" : ": " + error))));
    }
    return checks;
  }

  static Check executable(String layer, Path path) {
    boolean ok = Files.isRegularFile(path) && Files.isExecutable(path);
    return new Check(layer, ok, ok ? path.toString() : path + " not found or not executable");
  }

  /** Starts a spec the way the sandbox would, already activated with probe limits. */
  interface SpawnFunction {
    SandboxedProcess spawn(ProcessSpec spec) throws IOException;
  }
}
