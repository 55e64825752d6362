package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test helper: runs small real programs in a sandbox and collects what came out. */
final class SandboxRuns {

  static final String PYTHON = "/usr/bin/python3";
  static final String NODE = "/usr/bin/node";
  static final long MIB = 1024 * 1024;

  private SandboxRuns() {}

  /** What a run produced. */
  record Outcome(String stdout, String stderr, SandboxExit exit, long hostMillis) {}

  /** An empty directory the sandbox uid may read, standing in for the harness. */
  static Path harnessDir() {
    try {
      Path dir =
          Files.createTempDirectory(
              "sandbox-test-harness-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The processes behind these pids now, each as its pid and start time, so that {@link
   * #stillRunning} can tell them from a later process that was given a recycled pid (a busy machine
   * wraps its pids within minutes).
   */
  static Map<Long, Long> identities(List<Long> pids) {
    Map<Long, Long> identities = new java.util.HashMap<>();
    for (long pid : pids) {
      String[] fields = statFields(pid);
      if (fields.length > 19) {
        identities.put(pid, Long.parseLong(fields[19]));
      }
    }
    return identities;
  }

  /**
   * True while one of these processes (same pid, same start time) lives, is not a zombie and is not
   * inside its exit. The kernel flags a task PF_EXITING when it enters do_exit, from which it never
   * returns to its own code; bubblewrap's init can be seen there just after close(), still waiting
   * in the pid namespace's teardown for the last of its children to be released (it left
   * cgroup.procs before the server looked, killed by its parent-death signal).
   */
  static boolean stillRunning(Map<Long, Long> identities) {
    return identities.entrySet().stream()
        .anyMatch(
            e -> {
              String[] fields = statFields(e.getKey());
              return fields.length > 19
                  && Long.parseLong(fields[19]) == e.getValue()
                  && !fields[0].equals("Z")
                  && !fields[0].equals("X")
                  && (Long.parseLong(fields[6]) & PF_EXITING) == 0;
            });
  }

  /** include/linux/sched.h; field 9 of /proc/<pid>/stat holds the task's flags. */
  private static final long PF_EXITING = 0x4;

  /** The fields of /proc/<pid>/stat after the command name ([0] is the state); empty when gone. */
  private static String[] statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return new String[0];
    }
  }

  static ProcessSpec python(Path harness, String script) {
    return new ProcessSpec(
        "python-test",
        List.of(PYTHON, "-I", "-S", "-c", script),
        Map.of(),
        harness,
        List.of(),
        128 * MIB,
        32);
  }

  static ProcessSpec node(Path harness, String script) {
    return new ProcessSpec(
        "node-test", List.of(NODE, "-e", script), Map.of(), harness, List.of(), 256 * MIB, 32);
  }

  static SandboxLimits limits(Duration wall, Duration cpu) {
    return new SandboxLimits(wall, cpu, 64 * 1024, 64 * 1024);
  }

  static SandboxLimits generous() {
    return limits(Duration.ofSeconds(10), Duration.ofSeconds(5));
  }

  static Outcome run(Sandbox sandbox, ProcessSpec spec, SandboxLimits limits) {
    return run(sandbox, spec, limits, "");
  }

  static Outcome run(Sandbox sandbox, ProcessSpec spec, SandboxLimits limits, String stdin) {
    long start = System.nanoTime();
    try (SandboxProcess process = sandbox.acquire(spec, limits)) {
      try (OutputStream in = process.stdin()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The program may exit (or be killed) before reading its stdin.
      }
      String out;
      try {
        out = new String(process.stdout().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        out = "";
      }
      SandboxExit exit = process.awaitExit();
      String err = new String(process.stderr(), StandardCharsets.UTF_8);
      return new Outcome(out, err, exit, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
