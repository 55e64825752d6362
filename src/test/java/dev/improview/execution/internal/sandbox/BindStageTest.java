package dev.improview.execution.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindStageTest {

  @TempDir Path temp;

  @Test
  void aFlatDirectoryOfFilesIsStagedAsLinksUnderTheRoot() throws Exception {
    Path root = temp.resolve("binds");
    Path source = Files.createDirectory(temp.resolve("improview-harness-123"));
    Files.writeString(source.resolve("harness.py"), "print(1)");

    try (BindStage stage = new BindStage(root, temp)) {
      Path staged = stage.stage(source);

      assertThat(staged.getParent().getParent()).isEqualTo(root);
      assertThat(staged.toString()).doesNotContain("improview-harness-123");
      assertThat(Files.readString(staged.resolve("harness.py"))).isEqualTo("print(1)");
      assertThat(Files.isSameFile(staged.resolve("harness.py"), source.resolve("harness.py")))
          .as("a hard link, not a copy")
          .isTrue();
      assertThat(stage.stage(source)).as("staged once").isEqualTo(staged);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged)))
          .isEqualTo("r-xr-xr-x");
    }
    try (var left = Files.list(root)) {
      assertThat(left).as("closed stages are removed").isEmpty();
    }
  }

  @Test
  void aChangedSourceIsStagedAgain() throws Exception {
    Path source = Files.createDirectory(temp.resolve("source"));
    Files.writeString(source.resolve("a"), "one");

    try (BindStage stage = new BindStage(temp.resolve("binds"), temp)) {
      Path first = stage.stage(source);
      Files.delete(source.resolve("a"));
      Files.writeString(source.resolve("a"), "two!");
      Path second = stage.stage(source);

      assertThat(second).isNotEqualTo(first);
      assertThat(Files.readString(second.resolve("a"))).isEqualTo("two!");
    }
  }

  @Test
  void directoriesWithSubdirectoriesOrLinksAndFilesAreBoundFromWhereTheyAre() throws Exception {
    Path nested = Files.createDirectories(temp.resolve("runtime/bin"));
    Path linked = Files.createDirectory(temp.resolve("linked"));
    Files.createSymbolicLink(linked.resolve("npm"), Path.of("/usr/bin/true"));
    Path file = Files.writeString(temp.resolve("file"), "x");

    try (BindStage stage = new BindStage(temp.resolve("binds"), temp)) {
      assertThat(stage.stage(nested.getParent())).isEqualTo(nested.getParent());
      assertThat(stage.stage(linked)).isEqualTo(linked);
      assertThat(stage.stage(file)).isEqualTo(file);
      assertThat(stage.stage(Path.of("/usr"))).isEqualTo(Path.of("/usr"));
    }
  }

  @Test
  void aStageWhoseOwnerDirectoryIsGoneIsRemovedByTheNext() throws Exception {
    Path root = temp.resolve("binds");
    Path owner = Files.createDirectory(temp.resolve("private"));
    Path source = Files.createDirectory(temp.resolve("source"));
    Files.writeString(source.resolve("a"), "x");
    BindStage first = new BindStage(root, owner);
    Path staged = first.stage(source);
    Files.delete(owner);

    try (BindStage next = new BindStage(root, temp)) {
      assertThat(staged.getParent()).doesNotExist();
    }
  }

  @Test
  void aRootThatOthersMayWriteIsNotUsed() throws Exception {
    Path root = Files.createDirectory(temp.resolve("binds"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path source = Files.createDirectory(temp.resolve("source"));

    try (BindStage stage = new BindStage(root, temp)) {
      assertThat(stage.stage(source)).isEqualTo(source);
    }
  }
}
