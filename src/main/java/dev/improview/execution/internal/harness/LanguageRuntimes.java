package dev.improview.execution.internal.harness;

import dev.improview.execution.Language;
import dev.improview.execution.RunLimits;
import dev.improview.execution.internal.sandbox.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How each language's harness is started: argv, environment, memory. Specs are value objects and
 * equal limits give equal specs, which is what lets the sandbox pool pre-started processes.
 */
public final class LanguageRuntimes {

  private static final Map<String, String> ENV =
      Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp", "LANG", "C.UTF-8", "TMPDIR", "/tmp");
  private static final long MIB = 1024 * 1024;

  private final ExecutionProperties properties;
  private final Path harnessDir;
  private final List<Path> javaBinds;
  private final String pythonHarness;
  private volatile Path javaClassArchive;

  /** {@code harnessDir} is complete ({@link HarnessFiles} has written and compiled it). */
  public LanguageRuntimes(ExecutionProperties properties, Path harnessDir) {
    this.properties = properties;
    this.harnessDir = harnessDir;
    // The precompiled harness when start-up made it; its source otherwise.
    this.pythonHarness =
        Files.isRegularFile(harnessDir.resolve(HarnessFiles.PYTHON_HARNESS_BYTECODE))
            ? HarnessFiles.PYTHON_HARNESS_BYTECODE
            : "harness.py";
    this.javaBinds = outsideLinks(Path.of(properties.javaHome()));
  }

  /**
   * Directories outside /usr that a runtime's symlinks point into: Debian's JDK links its
   * configuration (jvm.cfg, security) to /etc/java-17-openjdk, which the sandbox must see.
   */
  static List<Path> outsideLinks(Path home) {
    Set<Path> dirs = new TreeSet<>();
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.filter(Files::isSymbolicLink).toList()) {
        Path target;
        try {
          target = file.toRealPath();
        } catch (IOException dangling) {
          continue;
        }
        if (!target.startsWith("/usr") && target.getNameCount() >= 2) {
          dirs.add(target.getRoot().resolve(target.subpath(0, 2)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect the runtime at " + home, e);
    }
    return List.copyOf(dirs);
  }

  /** The process to start for {@code language} under {@code limits}. */
  public ProcessSpec spec(Language language, RunLimits limits) {
    long heapMiB = Math.max(16, limits.memoryBytes() / MIB);
    List<String> argv = new ArrayList<>();
    List<Path> binds = new ArrayList<>();
    long memory;
    switch (language) {
      case JAVASCRIPT -> {
        argv.add(properties.nodePath().toString());
        argv.add("--max-old-space-size=" + heapMiB);
        argv.add("--stack-size=" + properties.nodeStackKib());
        argv.add(ProcessSpec.HARNESS + "/harness.js");
        memory = limits.memoryBytes() + properties.javascriptRuntimeMemory();
        bindUnlessUnderUsr(properties.nodePath().getParent(), binds);
      }
      case PYTHON -> {
        argv.addAll(List.of(properties.pythonPath().toString(), "-I", "-S", "-B"));
        argv.add(ProcessSpec.HARNESS + "/" + pythonHarness);
        // The solution thread's stack: the harness makes that thread before its job arrives.
        argv.add(Long.toString(properties.stackBytes()));
        memory = limits.memoryBytes() + properties.pythonRuntimeMemory();
        bindUnlessUnderUsr(properties.pythonPath().getParent(), binds);
      }
      case JAVA -> {
        return javaSpec(limits, javaClassArchive, List.of(), List.of("Harness"), null);
      }
      default -> throw new IllegalArgumentException("unsupported language: " + language);
    }
    return new ProcessSpec(
        language.id() + "-" + heapMiB + "m",
        argv,
        ENV,
        harnessDir,
        binds,
        memory,
        limits.maxProcesses());
  }

  /**
   * From now on Java runs map this class archive (a file in a directory of its own, bound read-only
   * at the same path); null goes back to running without one.
   */
  public void useJavaClassArchive(Path archive) {
    this.javaClassArchive = archive;
  }

  /** The archive Java runs map now, or null. */
  public Path javaClassArchive() {
    return javaClassArchive;
  }

  /**
   * The class archive's training run: the harness's own job (no user code) in a JVM that writes the
   * classes it loaded to {@code archive} at exit. Its directory is the spec's writable one.
   */
  ProcessSpec javaTrainingSpec(Path archive) {
    return javaSpec(
        RunLimits.defaults(),
        null,
        List.of("-XX:ArchiveClassesAtExit=" + archive),
        List.of("Harness", "--train"),
        archive.getParent());
  }

  /** A JVM that refuses to start unless it can map {@code archive} (-Xshare:on), then exits. */
  ProcessSpec javaArchiveCheckSpec(Path archive) {
    return javaSpec(
        RunLimits.defaults(), archive, List.of("-Xshare:on"), List.of("-version"), null);
  }

  private ProcessSpec javaSpec(
      RunLimits limits, Path archive, List<String> extraOptions, List<String> main, Path writable) {
    long heapMiB = Math.max(16, limits.memoryBytes() / MIB);
    Path javaHome = Path.of(properties.javaHome());
    List<String> argv = new ArrayList<>();
    argv.add(javaHome.resolve("bin/java").toString());
    argv.addAll(properties.javaOptions());
    List<Path> binds = new ArrayList<>();
    bindUnlessUnderUsr(javaHome, binds);
    binds.addAll(javaBinds);
    if (archive != null) {
      argv.add("-XX:SharedArchiveFile=" + archive);
      binds.add(archive.getParent());
    }
    argv.addAll(extraOptions);
    argv.add("-Xmx" + heapMiB + "m");
    argv.addAll(List.of("-cp", ProcessSpec.HARNESS + "/" + HarnessFiles.JAVA_HARNESS_JAR));
    argv.addAll(main);
    String key = Language.JAVA.id() + "-" + heapMiB + "m" + (archive != null ? "-cds" : "");
    return new ProcessSpec(
        key,
        argv,
        ENV,
        harnessDir,
        binds,
        limits.memoryBytes() + properties.javaRuntimeMemory(),
        limits.maxProcesses(),
        writable);
  }

  private static void bindUnlessUnderUsr(Path dir, List<Path> binds) {
    if (dir != null && !dir.normalize().startsWith("/usr")) {
      binds.add(dir.normalize());
    }
  }
}
