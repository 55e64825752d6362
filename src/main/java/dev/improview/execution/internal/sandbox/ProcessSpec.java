package dev.improview.execution.internal.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to start in a sandbox. {@code argv} and {@code env} are as seen inside; the token {@value
 * #HARNESS} in an argv element is replaced by the path where {@code harnessDir} is visible inside
 * ({@code /harness} under bubblewrap, the host path when degraded). {@code harnessDir} and every
 * extra bind must be readable by the unprivileged sandbox uid (directories 0755, files 0644). An
 * extra bind is visible at its own path, unless it is a flat directory of files: those are staged
 * under a neutral name (docs/sandbox.md) and argv elements naming their host path are rewritten.
 * Equal specs share one pool of pre-started processes; {@code key} names the pool in logs.
 *
 * <p>{@code writableDir} (usually null) is a host directory the process may write, visible at the
 * same path inside. It is for the server's own runs that produce a file (the Java class archive's
 * training run), never for user code; such a spec is never pooled. The sandbox hands the directory
 * to the run's uid while the process lives and takes it back when it is closed.
 */
public record ProcessSpec(
    String key,
    List<String> argv,
    Map<String, String> env,
    Path harnessDir,
    List<Path> extraReadOnlyBinds,
    long memoryBytes,
    int maxProcesses,
    Path writableDir) {

  /** The argv token replaced by the harness directory as seen inside the sandbox. */
  public static final String HARNESS = "{harness}";

  public ProcessSpec {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("key is blank");
    }
    if (argv == null || argv.isEmpty()) {
      throw new IllegalArgumentException("argv is empty");
    }
    if (argv.stream().anyMatch(arg -> arg == null || arg.indexOf('\0') >= 0)) {
      throw new IllegalArgumentException("argv has a null or NUL-containing element: " + argv);
    }
    if (env == null) {
      throw new IllegalArgumentException("env is null");
    }
    env.forEach(
        (name, value) -> {
          if (name == null || name.isEmpty() || name.contains("=") || value == null) {
            throw new IllegalArgumentException("env has an invalid entry: " + name);
          }
        });
    if (harnessDir == null || !harnessDir.isAbsolute()) {
      throw new IllegalArgumentException("harnessDir is not an absolute path: " + harnessDir);
    }
    if (extraReadOnlyBinds == null
        || extraReadOnlyBinds.stream().anyMatch(p -> p == null || !p.isAbsolute())) {
      throw new IllegalArgumentException(
          "extraReadOnlyBinds must be absolute paths: " + extraReadOnlyBinds);
    }
    if (memoryBytes < 16L * 1024 * 1024) {
      throw new IllegalArgumentException("memoryBytes < 16 MiB: " + memoryBytes);
    }
    if (maxProcesses < 1) {
      throw new IllegalArgumentException("maxProcesses < 1: " + maxProcesses);
    }
    if (writableDir != null && (!writableDir.isAbsolute() || !Files.isDirectory(writableDir))) {
      throw new IllegalArgumentException(
          "writableDir is not an absolute directory: " + writableDir);
    }
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
    extraReadOnlyBinds = List.copyOf(extraReadOnlyBinds);
  }

  /** A spec without a writable directory: every run of user code. */
  public ProcessSpec(
      String key,
      List<String> argv,
      Map<String, String> env,
      Path harnessDir,
      List<Path> extraReadOnlyBinds,
      long memoryBytes,
      int maxProcesses) {
    this(key, argv, env, harnessDir, extraReadOnlyBinds, memoryBytes, maxProcesses, null);
  }
}
