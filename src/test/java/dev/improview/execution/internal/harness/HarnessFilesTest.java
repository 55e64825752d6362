package dev.improview.execution.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.Language;
import dev.improview.execution.RunLimits;
import dev.improview.execution.internal.sandbox.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HarnessFilesTest {

  @Test
  void writesTheHarnessesCompilesJavaAndLeavesEverythingReadOnly() throws Exception {
    Path dir;
    try (HarnessFiles files = new HarnessFiles(ExecutionProperties.defaults())) {
      dir = files.dir();
      try (Stream<Path> entries = Files.list(dir)) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder(
                "harness.js",
                "harness.py",
                "harness_types.py",
                "Harness.java",
                "HarnessTypes.java",
                "HarnessEntry.java",
                "ListNode.java",
                "TreeNode.java",
                "harness.jar",
                "harness.pyc");
      }
      // Python jobs run the bytecode (not compiled again on every start), named as the source.
      assertThat(
              new LanguageRuntimes(ExecutionProperties.defaults(), dir)
                  .spec(Language.PYTHON, RunLimits.defaults())
                  .argv())
          .contains(ProcessSpec.HARNESS + "/harness.pyc")
          .doesNotContain(ProcessSpec.HARNESS + "/harness.py");
      String traceback =
          new String(
              new ProcessBuilder(
                      "/usr/bin/python3",
                      "-I",
                      "-S",
                      "-B",
                      dir.resolve(HarnessFiles.PYTHON_HARNESS_BYTECODE).toString(),
                      "not-a-number")
                  .redirectErrorStream(true)
                  .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                  .start()
                  .getInputStream()
                  .readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(traceback).contains("File \"/harness/harness.py\"");
      Path jar = dir.resolve(HarnessFiles.JAVA_HARNESS_JAR);
      try (JarFile classes = new JarFile(jar.toFile())) {
        assertThat(classes.getEntry("Harness.class")).isNotNull();
        assertThat(classes.getEntry("Harness$Run.class")).isNotNull();
        assertThat(classes.getEntry("HarnessTypes$Type.class")).isNotNull();
        // The node classes are the solution's, compiled with it: never in the harness's jar.
        assertThat(classes.getEntry("ListNode.class")).isNull();
      }
      // A class archive records the jar's mtime: it must be the same on every start.
      assertThat(Files.getLastModifiedTime(jar).toInstant())
          .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
      for (String name :
          new String[] {"harness.js", "harness.py", "harness.pyc", "Harness.java", "harness.jar"}) {
        Path file = dir.resolve(name);
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .isEqualTo("r--r--r--");
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("r-xr-xr-x");
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void bindsTheDirectoriesAJdkLinksToOutsideUsr() throws Exception {
    Path home = Files.createTempDirectory("fake-jdk");
    Path outside = Files.createTempDirectory("fake-etc");
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(outside.resolve("jvm.cfg"), "-server KNOWN\n");
    Files.createSymbolicLink(home.resolve("conf/jvm.cfg"), outside.resolve("jvm.cfg"));
    Files.createSymbolicLink(home.resolve("conf/dangling"), outside.resolve("missing"));
    try {
      assertThat(LanguageRuntimes.outsideLinks(home))
          .containsExactly(outside.getRoot().resolve(outside.subpath(0, 2)));
    } finally {
      for (Path path :
          List.of(
              home.resolve("conf/jvm.cfg"),
              home.resolve("conf/dangling"),
              home.resolve("conf"),
              home,
              outside.resolve("jvm.cfg"),
              outside)) {
        Files.deleteIfExists(path);
      }
    }
  }
}
