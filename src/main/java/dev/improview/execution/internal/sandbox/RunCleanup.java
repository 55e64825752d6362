package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is left of a run once its process tree is gone: the cgroup (removed off the caller's path,
 * retried while the kernel refuses), the host work dir of the plain backend, and a spec's writable
 * directory, given back to the server's uid.
 */
final class RunCleanup {

  private static final Logger log = LoggerFactory.getLogger(RunCleanup.class);
  private static final int CGROUP_REMOVE_ATTEMPTS = 50;

  private final ScheduledExecutorService scheduler;
  private final Duration killTimeout;

  RunCleanup(ScheduledExecutorService scheduler, Duration killTimeout) {
    this.scheduler = scheduler;
    this.killTimeout = killTimeout;
  }

  /** The cleanup for a run of a spec with this writable directory (null: none). */
  SandboxedProcess.Cleanup forRun(Path writableDir) {
    if (writableDir == null) {
      return this::release;
    }
    return (group, workDir) -> {
      release(group, workDir);
      takeBack(writableDir);
    };
  }

  /** Removes a closed run's cgroup (the kernel may refuse briefly: retried) and host work dir. */
  void release(Cgroups.Group group, Path workDir) {
    if (workDir != null) {
      deleteTree(workDir);
    }
    if (group != null) {
      // The group is empty by now; removing its directories is kept off the caller's path.
      try {
        scheduler.execute(
            () -> {
              if (!group.remove()) {
                retryRemove(group, 1);
              }
            });
      } catch (RejectedExecutionException e) {
        group.remove();
      }
    }
  }

  private void retryRemove(Cgroups.Group group, int attempt) {
    if (attempt > CGROUP_REMOVE_ATTEMPTS || scheduler.isShutdown()) {
      log.warn("cgroup of a finished run could not be removed: {}", group.procsFiles());
      return;
    }
    scheduler.schedule(
        () -> {
          group.killAll(killTimeout);
          if (!group.remove()) {
            retryRemove(group, attempt + 1);
          }
        },
        10L * attempt,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Gives a writable directory and everything the run left in it back to the server's uid (the
   * process tree is gone by now). Links are changed, never followed.
   */
  private static void takeBack(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      int gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
      for (Path file : files.toList()) {
        Files.setAttribute(file, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(file, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("could not take back the writable directory {}: {}", dir, e.toString());
    }
  }

  /** Deletes a directory tree, logging rather than failing when something cannot be deleted. */
  static void deleteTree(Path root) {
    try {
      FileTrees.delete(root);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", root, e.toString());
    }
  }
}
