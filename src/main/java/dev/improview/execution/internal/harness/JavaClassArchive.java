package dev.improview.execution.internal.harness;

import dev.improview.execution.Lane;
import dev.improview.execution.internal.sandbox.ProcessSpec;
import dev.improview.execution.internal.sandbox.Sandbox;
import dev.improview.execution.internal.sandbox.SandboxExit;
import dev.improview.execution.internal.sandbox.SandboxLimits;
import dev.improview.execution.internal.sandbox.SandboxProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class-data archive (JDK dynamic AppCDS) of what a Java run loads: javac, the harness and the
 * JDK classes both use, already parsed and verified. Every sandboxed JVM maps it read-only, which
 * takes a Java run from about 1.0 s of CPU to 0.4 s on these machines (docs/benchmarks.md).
 *
 * <p>It is made once per server start, off the critical path: a training run of the harness in the
 * sandbox with its own job (no user code ever runs in it) and {@code -XX:ArchiveClassesAtExit},
 * then a check run with {@code -Xshare:on}, which refuses to start unless the archive maps and
 * matches this JVM, the flags and the harness jar. Only then do Java runs use it; until then, or if
 * either run fails, they run without it, exactly as before.
 */
public final class JavaClassArchive implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JavaClassArchive.class);
  static final String FILE = "harness.jsa";
  private static final SandboxLimits LIMITS =
      new SandboxLimits(Duration.ofSeconds(60), Duration.ofSeconds(30), 1 << 20, 1 << 20);

  private final Sandbox sandbox;
  private final LanguageRuntimes runtimes;
  private volatile Path dir;

  public JavaClassArchive(Sandbox sandbox, LanguageRuntimes runtimes) {
    this.sandbox = sandbox;
    this.runtimes = runtimes;
  }

  /**
   * Makes and checks the archive on a background thread. The future holds its path once it is ready
   * to use, or is empty when it could not be made (logged; Java runs go on without it).
   */
  public CompletableFuture<Optional<Path>> prepare() {
    CompletableFuture<Optional<Path>> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(make());
              } catch (RuntimeException | Error e) {
                log.warn("Java class archive not made; Java runs go on without it", e);
                result.complete(Optional.empty());
              }
            },
            "java-class-archive");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  private Optional<Path> make() {
    long start = System.nanoTime();
    try {
      dir =
          Files.createTempDirectory(
              "improview-cds-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Path archive = dir.resolve(FILE);
      String training = run(runtimes.javaTrainingSpec(archive), "training");
      if (training != null) {
        log.warn(
            "Java class archive: the training run failed ({}); Java runs without it", training);
        return Optional.empty();
      }
      BasicFileAttributes file =
          Files.readAttributes(archive, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!file.isRegularFile() || file.size() == 0) {
        log.warn("Java class archive: the training run wrote no archive; Java runs without it");
        return Optional.empty();
      }
      Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("r--r--r--"));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
      String check = run(runtimes.javaArchiveCheckSpec(archive), "check");
      if (check != null) {
        log.warn("Java class archive: the JVM cannot use it ({}); Java runs without it", check);
        return Optional.empty();
      }
      log.info(
          "Java class archive ready: {} ({} MiB) in {} ms",
          archive,
          file.size() >> 20,
          (System.nanoTime() - start) / 1_000_000);
      return Optional.of(archive);
    } catch (IOException e) {
      log.warn("Java class archive not made ({}); Java runs go on without it", e.toString());
      return Optional.empty();
    }
  }

  /** Runs {@code spec} to its end; null when it exited 0, else what went wrong. */
  private String run(ProcessSpec spec, String what) throws IOException {
    try (SandboxProcess process = sandbox.acquire(spec, LIMITS, Lane.BACKGROUND)) {
      process.stdin().close();
      try (InputStream out = process.stdout()) {
        out.transferTo(OutputStream.nullOutputStream());
      }
      SandboxExit exit = process.awaitExit();
      if (exit.exitCode() == 0 && !exit.limitExceeded()) {
        return null;
      }
      String stderr = new String(process.stderr(), StandardCharsets.UTF_8).strip();
      return what
          + " run exited "
          + exit.exitCode()
          + (exit.limitExceeded() ? " at a limit" : "")
          + (stderr.isEmpty() ? "" : ": " + abbreviate(stderr));
    } catch (RuntimeException e) {
      return what + " run could not start: " + e.getMessage();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }

  /** Removes the archive's directory (its file is mapped by no JVM once the sandbox is closed). */
  @Override
  public void close() {
    Path current = dir;
    if (current == null) {
      return;
    }
    try {
      current.toFile().setWritable(true, true);
      HarnessFiles.deleteTree(current);
    } catch (IOException e) {
      log.warn("could not remove the Java class archive {}: {}", current, e.getMessage());
    }
  }
}
