package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-ins for the directories the server binds into sandboxes (the harness, the Java class
 * archive), under one fixed-name host directory. A bind's source path shows in the sandbox's {@code
 * /proc/self/mountinfo}; staged, it reads {@code <root>/<random>/<k>} instead of the host's temp
 * dir with its random names, the server's data dir or a user's home.
 *
 * <p>Only flat directories of regular files are staged, as hard links (nothing is copied) or, on
 * another file system, copies. Anything else is bound from where it is. A stage whose server has
 * exited or whose sandbox has closed (its owner directory is gone) is removed by the next one.
 */
final class BindStage implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BindStage.class);
  private static final String OWNER_FILE = "owner";
  private static final String NAME_PATTERN = "[0-9a-f]{16}";
  private static final Set<PosixFilePermission> READ_ONLY_DIR =
      PosixFilePermissions.fromString("r-xr-xr-x");

  private final Path root;
  private final Path owner;
  // Random rather than the server's pid: the name is seen inside, and says nothing of the host.
  private final String name = HexFormat.of().toHexDigits(new SecureRandom().nextLong());
  private final AtomicLong sequence = new AtomicLong();
  private final Map<Path, Staged> staged = new ConcurrentHashMap<>();
  private volatile boolean usable;
  private Path dir;

  private record Staged(List<String> fingerprint, Path dir) {}

  /**
   * @param root the fixed-name directory holding every stage on this host
   * @param owner while this directory exists the stage is in use (the sandbox's private dir)
   */
  BindStage(Path root, Path owner) {
    this.root = root;
    this.owner = owner;
    try {
      prepareRoot();
      removeStale();
      usable = true;
    } catch (IOException | RuntimeException e) {
      log.warn(
          "sandbox binds are not staged ({}): a sandbox's /proc/self/mountinfo shows the host paths"
              + " of the harness and the class archive. Set improview.sandbox.bind-stage-dir to a"
              + " directory this user may create or owns.",
          e.toString());
    }
  }

  /** Where {@code source} is bound from: its stand-in, or itself when it is not staged. */
  Path stage(Path source) {
    if (!usable) {
      return source;
    }
    List<String> fingerprint = fingerprint(source);
    if (fingerprint == null) {
      return source;
    }
    Staged current = staged.get(source);
    if (current != null && current.fingerprint().equals(fingerprint)) {
      return current.dir();
    }
    synchronized (this) {
      current = staged.get(source);
      if (current != null && current.fingerprint().equals(fingerprint)) {
        return current.dir();
      }
      try {
        Path copy = copyOf(source);
        staged.put(source, new Staged(fingerprint, copy));
        return copy;
      } catch (IOException | RuntimeException e) {
        log.warn("could not stage {}; it is bound from where it is: {}", source, e.toString());
        return source;
      }
    }
  }

  /** Removes this stage now (else the next stage on the host removes it once its owner is gone). */
  @Override
  public synchronized void close() {
    usable = false;
    if (dir != null) {
      deleteTree(dir);
    }
  }

  private void prepareRoot() throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(root);
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    // Another user's (or a world-writable) directory could swap the harness under a sandbox.
    BasicFileAttributes attributes =
        Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    int rootUid = (Integer) Files.getAttribute(root, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int ourUid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    Set<PosixFilePermission> permissions =
        Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isDirectory()
        || rootUid != ourUid
        || permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IllegalStateException(
          root + " is not a directory of uid " + ourUid + " writable by it alone");
    }
  }

  /** Stages of servers that exited, or of sandboxes whose private directory is gone. */
  private void removeStale() throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.toList()) {
        String entryName = entry.getFileName().toString();
        if (entryName.matches(NAME_PATTERN)
            && !entryName.equals(name)
            && ownerGone(entry.resolve(OWNER_FILE))) {
          deleteTree(entry);
        }
      }
    }
  }

  /** The owner file holds the server's pid and the owner directory, one a line. */
  private static boolean ownerGone(Path ownerFile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(ownerFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // Being created right now, or left half-made: only a stage without one for an hour goes.
      return modifiedBefore(ownerFile.getParent(), Duration.ofHours(1));
    }
    if (lines.size() != 2 || !lines.get(0).matches("\\d+")) {
      return true;
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0))).isEmpty()
        || !Files.exists(Path.of(lines.get(1)), LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean modifiedBefore(Path path, Duration age) {
    try {
      return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS)
          .toInstant()
          .isBefore(Instant.now().minus(age));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Names, sizes, times and inodes of a flat directory of regular files, or null when {@code
   * source} is anything else (a runtime's installation, a system directory).
   */
  private static List<String> fingerprint(Path source) {
    if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    List<String> fingerprint = new ArrayList<>();
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.sorted().toList()) {
        BasicFileAttributes attributes =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
          return null;
        }
        fingerprint.add(
            file.getFileName()
                + " "
                + attributes.size()
                + " "
                + attributes.lastModifiedTime().toMillis()
                + " "
                + attributes.fileKey());
      }
    } catch (IOException e) {
      return null;
    }
    return fingerprint;
  }

  private Path copyOf(Path source) throws IOException {
    if (dir == null) {
      Path created = Files.createDirectory(root.resolve(name));
      Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(
          created.resolve(OWNER_FILE),
          ProcessHandle.current().pid() + "\n" + owner + "\n",
          StandardCharsets.UTF_8);
      dir = created;
    }
    Path copy = Files.createDirectory(dir.resolve(Long.toString(sequence.getAndIncrement())));
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(file.getFileName().toString());
        try {
          Files.createLink(target, file);
        } catch (IOException | UnsupportedOperationException e) {
          // Another file system (or links refused): a copy, with the time a class archive checks.
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
    Files.setPosixFilePermissions(copy, READ_ONLY_DIR);
    return copy;
  }

  /** Deletes a tree of ours; links are removed, never followed; read-only directories opened. */
  private static void deleteTree(Path top) {
    try {
      FileTrees.delete(top, true);
    } catch (IOException e) {
      log.warn("could not remove the stage {}: {}", top, e.toString());
    }
  }
}
