package dev.improview.execution.internal.harness;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.improview.execution.internal.sandbox.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The harness directory on the host: the three harness programs copied from the classpath (with the
 * Java harness's other sources and the ListNode and TreeNode sources it compiles with a solution),
 * the Java harness compiled (for Java 17) into {@value #JAVA_HARNESS_JAR} and the Python harness
 * compiled into {@value #PYTHON_HARNESS_BYTECODE} at start-up. Sandboxes see it read-only at {@code
 * /harness}; on the host it is owned by the server and read-only too, so nothing can change it
 * after start.
 */
@Component
public class HarnessFiles implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HarnessFiles.class);
  private static final List<String> PROGRAMS =
      List.of("harness.js", "harness.py", "harness_types.py", "Harness.java");

  /**
   * The Python harness compiled to bytecode at start-up, run in place of harness.py when present: a
   * main script given as source is compiled on every start ({@code -B} or not), a .pyc is not.
   */
  public static final String PYTHON_HARNESS_BYTECODE = "harness.pyc";

  /** The compiled Java harness; a jar because a JVM class archive cannot record a directory. */
  public static final String JAVA_HARNESS_JAR = "harness.jar";

  // The Java harness's other sources (value types; declarations), compiled into the jar with
  // Harness.java, and the node classes it compiles with a solution whose signature names them.
  private static final List<String> JAVA_HARNESS_SOURCES =
      List.of("HarnessTypes.java", "HarnessEntry.java");
  private static final List<String> JAVA_PROVIDED = List.of("ListNode.java", "TreeNode.java");

  // Entries and the jar itself carry a fixed time: a class archive checks the jar's mtime.
  private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

  private final Path dir;
  private final boolean temporary;
  private final Path python;

  public HarnessFiles(ExecutionProperties properties) {
    this.temporary = properties.harnessDir().isBlank();
    this.python = properties.pythonPath();
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

  /** The directory holding harness.js, harness.py, Harness.java and harness.jar. */
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
    for (String name : concat(PROGRAMS, JAVA_HARNESS_SOURCES, JAVA_PROVIDED)) {
      try (InputStream in = HarnessFiles.class.getResourceAsStream("/harness/" + name)) {
        if (in == null) {
          throw new IllegalStateException("harness program missing from the classpath: " + name);
        }
        Files.copy(in, dir.resolve(name));
      }
    }
    compileJavaHarness();
    compilePythonHarness();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
      }
    }
    // Readable by the sandbox's unprivileged uid; not writable by anyone but root.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    return Stream.of(a, b, c).flatMap(List::stream).toList();
  }

  // With the sandbox's own python, so the bytecode's magic number is the one that runs it. Its
  // tracebacks name /harness/harness.py, as the source would. Without it the source still runs.
  private void compilePythonHarness() throws IOException {
    Path source = dir.resolve("harness.py");
    Path bytecode = dir.resolve(PYTHON_HARNESS_BYTECODE);
    String script =
        "import py_compile, sys\n"
            + "py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile='/harness/harness.py',"
            + " doraise=True)\n";
    List<String> argv =
        List.of(
            python.toString(), "-I", "-S", "-c", script, source.toString(), bytecode.toString());
    Path errors = Files.createTempFile("improview-pycompile-", ".txt");
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectOutput(errors.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      boolean done = process.waitFor(60, TimeUnit.SECONDS);
      if (!done) {
        process.destroyForcibly();
      }
      if (!done || process.exitValue() != 0) {
        Files.deleteIfExists(bytecode);
        log.warn(
            "python harness not precompiled (Python jobs run its source): {}",
            done ? Files.readString(errors, UTF_8).strip() : "py_compile took over 60 s");
      }
    } catch (IOException e) {
      Files.deleteIfExists(bytecode);
      log.warn("python harness not precompiled (Python jobs run its source): {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Files.deleteIfExists(bytecode);
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  // Compiled here rather than in the Maven build: the harness stays plain source files, and
  // --release 17 makes the classes run on any JDK the sandbox uses. Costs about a second.
  private void compileJavaHarness() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "the server runs on a JRE without javac; run it on a JDK (Java needs javac anyway)");
    }
    Path classes = Files.createTempDirectory("improview-harness-classes-");
    try {
      ByteArrayOutputStream errors = new ByteArrayOutputStream();
      List<String> args =
          new ArrayList<>(
              List.of("--release", "17", "-nowarn", "-proc:none", "-d", classes.toString()));
      args.add(dir.resolve("Harness.java").toString());
      for (String source : JAVA_HARNESS_SOURCES) {
        args.add(dir.resolve(source).toString());
      }
      int status = javac.run(null, errors, errors, args.toArray(new String[0]));
      if (status != 0) {
        throw new IllegalStateException(
            "the Java harness does not compile (exit " + status + "): " + errors.toString(UTF_8));
      }
      writeJar(classes, dir.resolve(JAVA_HARNESS_JAR));
    } finally {
      deleteTree(classes);
    }
  }

  private static void writeJar(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path file : files) {
        JarEntry entry = new JarEntry(classes.relativize(file).toString().replace('\\', '/'));
        entry.setLastModifiedTime(FIXED_TIME);
        out.putNextEntry(entry);
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    Files.setLastModifiedTime(jar, FIXED_TIME);
  }

  /** Removes a directory tree of ours (links are removed, never followed). */
  static void deleteTree(Path root) throws IOException {
    FileTrees.delete(root);
  }

  @Override
  public void close() {
    if (!temporary) {
      return;
    }
    try {
      dir.toFile().setWritable(true, true);
      deleteTree(dir);
    } catch (IOException e) {
      log.warn("could not remove the harness directory {}: {}", dir, e.getMessage());
    }
  }
}
