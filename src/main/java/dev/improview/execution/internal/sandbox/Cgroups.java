package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/** One cgroup hierarchy flavour (v1 or v2) under which each sandboxed run gets its own group. */
interface Cgroups {

  /** "v1" or "v2". */
  String version();

  /** Creates the run's group with its limits; the launcher joins it before starting anything. */
  Group create(String name, long memoryBytes, int maxProcesses) throws IOException;

  /** Removes empty groups whose name {@code stale} accepts (left behind by a dead server). */
  void removeStaleGroups(java.util.function.Predicate<String> stale);

  /** A run's group (one directory per controller in v1, one directory in v2). */
  interface Group {

    /** The cgroup.procs files the launcher writes its pid into. */
    List<Path> procsFiles();

    /** CPU time used by every process that ever ran in the group. */
    long cpuNanos();

    /** True when the kernel's OOM killer killed a process of the group. */
    boolean oomKilled();

    long peakMemoryBytes();

    /** Pids of processes in the group now. */
    List<Long> pids();

    /** Kills every process of the group and waits until none is left; false on timeout. */
    boolean killAll(Duration timeout);

    /** Removes the group's directories; false when the kernel still refuses (retry later). */
    boolean remove();
  }

  /** Finds the flavour the machine offers for {@code setting} ("auto", "v1", "v2" or "none"). */
  static Detection detect(String setting, Path root, String name, double cpuCores) {
    if (setting.equals("none")) {
      return new Detection(Optional.empty(), "disabled by improview.sandbox.cgroups=none");
    }
    List<String> failures = new ArrayList<>();
    if (!setting.equals("v1") && Files.exists(root.resolve("cgroup.controllers"))) {
      try {
        return new Detection(
            Optional.of(CgroupsV2.open(root, name, cpuCores)), "cgroup v2 at " + root);
      } catch (IOException | RuntimeException e) {
        failures.add("v2: " + e.getMessage());
      }
    }
    if (!setting.equals("v2") && Files.isDirectory(root.resolve("memory"))) {
      try {
        return new Detection(
            Optional.of(CgroupsV1.open(root, name, cpuCores)), "cgroup v1 at " + root);
      } catch (IOException | RuntimeException e) {
        failures.add("v1: " + e.getMessage());
      }
    }
    if (failures.isEmpty()) {
      failures.add("no usable cgroup hierarchy under " + root);
    }
    return new Detection(Optional.empty(), String.join("; ", failures));
  }

  /** The outcome of {@link #detect}: the flavour, or why there is none. */
  record Detection(Optional<Cgroups> cgroups, String detail) {}

  static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "";
    }
  }

  static void write(Path file, String value) throws IOException {
    Files.writeString(file, value);
  }

  static long readLong(Path file) {
    String text = read(file);
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The number after {@code key} in a "key value" per line file (memory.events, cpu.stat...). */
  static long readKeyed(Path file, String key) {
    for (String line : read(file).split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 2 && parts[0].equals(key)) {
        try {
          return Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  static List<Long> readPids(Path procsFile) {
    List<Long> pids = new ArrayList<>();
    for (String line : read(procsFile).split("\n")) {
      if (!line.isBlank()) {
        pids.add(Long.parseLong(line.strip()));
      }
    }
    return pids;
  }

  /**
   * SIGKILLs the listed processes until the procs file is empty, then waits until each of them has
   * finished exiting (a process leaves its cgroup early in its exit, before it is a zombie); false
   * on timeout.
   */
  static boolean killUntilEmpty(Path procsFile, Duration timeout) {
    return killUntilEmpty(procsFile, timeout, new HashMap<>());
  }

  /**
   * The processes in the procs file now, by pid with their start time: taken before a group-wide
   * kill, since the killed leave the file before they have finished exiting.
   */
  static Map<Long, Long> snapshot(Path procsFile) {
    Map<Long, Long> seen = new HashMap<>();
    for (long pid : readPids(procsFile)) {
      seen.put(pid, startTime(pid));
    }
    return seen;
  }

  /**
   * As above, also waiting for the processes {@code seen} before the kill (see {@link #snapshot}).
   */
  static boolean killUntilEmpty(Path procsFile, Duration timeout, Map<Long, Long> seen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Backoff backoff = new Backoff();
    while (true) {
      List<Long> pids = readPids(procsFile);
      if (pids.isEmpty()) {
        break;
      }
      for (long pid : pids) {
        seen.computeIfAbsent(pid, Cgroups::startTime);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      if (!backoff.pause(deadline)) {
        return false;
      }
    }
    while (seen.entrySet().stream().anyMatch(e -> stillExiting(e.getKey(), e.getValue()))) {
      if (!backoff.pause(deadline)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits between looks at a dying tree: a SIGKILLed process is usually gone within a few tens of
   * microseconds, so the first pauses are short (every run's answer waits for its tree), doubling
   * up to a millisecond for the rare process the kernel takes longer over.
   */
  static final class Backoff {
    static final long FIRST_NANOS = 20_000;
    static final long LONGEST_NANOS = 1_000_000;
    private long next = FIRST_NANOS;

    boolean pause(long deadline) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(next);
      next = Math.min(LONGEST_NANOS, next * 2);
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
      return true;
    }
  }

  /** The start time (clock ticks after boot) in /proc/<pid>/stat, or -1 when it is gone. */
  static long startTime(long pid) {
    String[] fields = statFields(pid);
    return fields.length > 19 ? Long.parseLong(fields[19]) : -1;
  }

  // The same process (same start time: a reused pid is another one) and not yet a zombie.
  private static boolean stillExiting(long pid, long startTime) {
    String[] fields = statFields(pid);
    if (fields.length <= 19 || startTime < 0 || Long.parseLong(fields[19]) != startTime) {
      return false;
    }
    return !fields[0].equals("Z") && !fields[0].equals("X");
  }

  /** The fields of /proc/<pid>/stat after the command name: [0] is the state; empty when gone. */
  private static String[] statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return new String[0];
    }
  }

  static boolean removeDirectory(Path dir) {
    try {
      Files.deleteIfExists(dir);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
