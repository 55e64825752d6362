package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Deleting a directory tree the way the sandbox needs it: {@code walkFileTree} never follows links,
 * so a link planted in a run's directory is removed, never followed.
 */
public final class FileTrees {

  private FileTrees() {}

  /** Deletes {@code root} and everything under it; a missing root is nothing to do. */
  public static void delete(Path root) throws IOException {
    delete(root, false);
  }

  /**
   * As {@link #delete(Path)}; with {@code openDirectories}, each directory is made writable by its
   * owner first, for trees of the server's own that it made read-only (never a tree a run wrote).
   */
  static void delete(Path root, boolean openDirectories) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (openDirectories) {
              Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
