package dev.improview.execution.internal.harness;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The harness directory on the host: the three harness programs copied from the classpath and
 * Harness.java compiled (for Java 17) at start-up. Sandboxes see it read-only at {@code /harness};
 * on the host it is owned by the server and read-only too, so nothing can change it after start.
 */
@Component
public class HarnessFiles implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HarnessFiles.class);
  private static final List<String> PROGRAMS = List.of("harness.js", "harness.py", "Harness.java");

  private final Path dir;
  private final boolean temporary;

  public HarnessFiles(ExecutionProperties properties) {
    this.temporary = properties.harnessDir().isBlank();
    try {
      this.dir =
          temporary
              ? Files.createTempDirectory("improview-harness-")
              : Files.createDirectories(Path.of(properties.harnessDir()));
      materialise();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the harness directory: " + e.getMessage(), e);
    }
    log.info("harness programs in {}", dir);
  }

  /** The directory holding harness.js, harness.py and Harness.class. */
  public Path dir() {
    return dir;
  }

  private void materialise() throws IOException {
    dir.toFile().setWritable(true, true);
    // A directory reused across restarts may hold read-only files from the last start.
    try (Stream<Path> old = Files.list(dir)) {
      for (Path file : old.toList()) {
        file.toFile().setWritable(true, true);
        Files.delete(file);
      }
    }
    for (String name : PROGRAMS) {
      try (InputStream in = HarnessFiles.class.getResourceAsStream("/harness/" + name)) {
        if (in == null) {
          throw new IllegalStateException("harness program missing from the classpath: " + name);
        }
        Files.copy(in, dir.resolve(name));
      }
    }
    compileJavaHarness();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
      }
    }
    // Readable by the sandbox's unprivileged uid; not writable by anyone but root.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
  }

  // Compiled here rather than in the Maven build: the harness stays one reviewable source file,
  // and --release 17 makes the classes run on any JDK the sandbox uses. Costs about a second.
  private void compileJavaHarness() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "the server runs on a JRE without javac; run it on a JDK (Java needs javac anyway)");
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            errors,
            errors,
            "--release",
            "17",
            "-nowarn",
            "-proc:none",
            "-d",
            dir.toString(),
            dir.resolve("Harness.java").toString());
    if (status != 0) {
      throw new IllegalStateException(
          "Harness.java does not compile (exit " + status + "): " + errors.toString(UTF_8));
    }
  }

  @Override
  public void close() {
    if (!temporary) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      dir.toFile().setWritable(true, true);
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      log.warn("could not remove the harness directory {}: {}", dir, e.getMessage());
    }
  }
}
