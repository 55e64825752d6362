package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the argument list that starts a spec: launcher (cgroups, rlimits, seccomp fd), then
 * setpriv (drop root before bubblewrap), then bubblewrap, then the spec's argv. No shell anywhere.
 */
final class LaunchCommand {

  static final String HARNESS_INSIDE = "/harness";
  static final String WORK_DIR_INSIDE = "/tmp";
  static final String SHM_INSIDE = "/dev/shm";
  private static final String SECCOMP_FD_TOKEN = "{seccomp-fd}";
  private static final List<String> MERGED_USR_LINKS =
      List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32");
  private static final List<String> ETC_FILES = List.of("/etc/alternatives", "/etc/ld.so.cache");

  private final SandboxProperties properties;
  private final Path launcher;
  private final Path seccompFilter;
  private final boolean dropUid;
  private final List<String> etcFiles;

  /**
   * @param seccompFilter the compiled filter, or null when this machine's architecture has none
   * @param dropUid whether to drop to the sandbox uid before bubblewrap (the server runs as root)
   */
  LaunchCommand(SandboxProperties properties, Path launcher, Path seccompFilter, boolean dropUid) {
    this.properties = properties;
    this.launcher = launcher;
    this.seccompFilter = seccompFilter;
    this.dropUid = dropUid;
    this.etcFiles = new ArrayList<>(ETC_FILES);
    // Debian's JDKs keep conf/security/java.security etc. as symlinks into /etc/java-<n>-openjdk.
    try (var entries = Files.newDirectoryStream(Path.of("/etc"), "java*")) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          etcFiles.add(entry.toString());
        }
      }
    } catch (IOException e) {
      // No /etc to scan (not Linux): nothing to add.
    }
  }

  List<String> bubblewrap(ProcessSpec spec, Cgroups.Group group) {
    List<String> command = new ArrayList<>();
    command.add(properties.launcherPython().toString());
    command.addAll(List.of("-I", "-S", "-B", launcher.toString()));
    if (group != null) {
      for (Path procs : group.procsFiles()) {
        command.addAll(List.of("--cgroup-procs", procs.toString()));
      }
    }
    command.addAll(List.of("--rlimit", "fsize=" + properties.maxFileBytes()));
    command.addAll(List.of("--rlimit", "nofile=" + properties.maxOpenFiles()));
    command.addAll(List.of("--rlimit", "core=0"));
    // A backstop only: the exact CPU limit is the watchdog's, counted from acquire.
    command.addAll(List.of("--rlimit", "cpu=" + properties.cpuBackstopSeconds()));
    if (seccompFilter != null) {
      command.addAll(List.of("--seccomp", seccompFilter.toString()));
    }
    command.add("--");
    if (dropUid) {
      // Started by root, bubblewrap's sandbox would be host uid 0 (able to write /proc/sys).
      command.addAll(
          List.of(
              properties.setpriv().toString(),
              "--reuid=" + properties.uid(),
              "--regid=" + properties.gid(),
              "--clear-groups",
              "--inh-caps=-all",
              "--bounding-set=-all",
              "--no-new-privs"));
    }
    command.add(properties.bwrap().toString());
    command.addAll(
        List.of(
            "--unshare-all",
            "--unshare-user",
            "--disable-userns",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--cap-drop",
            "ALL",
            "--hostname",
            "sandbox",
            "--ro-bind",
            "/usr",
            "/usr"));
    for (String link : MERGED_USR_LINKS) {
      Path path = Path.of(link);
      if (Files.isSymbolicLink(path)) {
        command.addAll(List.of("--symlink", readLink(path), link));
      } else if (Files.isDirectory(path)) {
        command.addAll(List.of("--ro-bind", link, link));
      }
    }
    for (String file : etcFiles) {
      command.addAll(List.of("--ro-bind-try", file, file));
    }
    command.addAll(
        List.of(
            "--proc",
            "/proc",
            "--ro-bind",
            "/proc/sys",
            "/proc/sys",
            "--dev",
            "/dev",
            "--size",
            Long.toString(properties.shmBytes()),
            "--tmpfs",
            SHM_INSIDE,
            // Not recursive: the device nodes, /dev/pts and /dev/shm are mounts of their own and
            // stay writable; the tmpfs holding them no longer takes new files.
            "--remount-ro",
            "/dev",
            "--size",
            Long.toString(properties.tmpfsBytes()),
            "--tmpfs",
            WORK_DIR_INSIDE));
    command.addAll(List.of("--ro-bind", spec.harnessDir().toString(), HARNESS_INSIDE));
    for (Path bind : spec.extraReadOnlyBinds()) {
      command.addAll(List.of("--ro-bind", bind.toString(), bind.toString()));
    }
    if (spec.writableDir() != null) {
      command.addAll(
          List.of("--bind", spec.writableDir().toString(), spec.writableDir().toString()));
    }
    // Last of the filesystem operations: every mount point and link above lives in bwrap's root
    // tmpfs, which has no size limit; afterwards only /tmp and /dev/shm (both sized) take writes.
    command.addAll(List.of("--remount-ro", "/"));
    command.addAll(List.of("--chdir", WORK_DIR_INSIDE));
    if (seccompFilter != null) {
      command.addAll(List.of("--seccomp", SECCOMP_FD_TOKEN));
    }
    for (Map.Entry<String, String> variable : new TreeMap<>(spec.env()).entrySet()) {
      command.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
    }
    command.add("--");
    command.addAll(substitute(spec.argv(), HARNESS_INSIDE));
    return command;
  }

  /** Whether processes drop to the sandbox uid before bubblewrap (the server runs as root). */
  boolean dropsUid() {
    return dropUid;
  }

  /** Degraded mode: the spec's argv as is, the harness at its host path. */
  static List<String> plain(ProcessSpec spec) {
    return substitute(spec.argv(), spec.harnessDir().toString());
  }

  private static List<String> substitute(List<String> argv, String harness) {
    return argv.stream().map(arg -> arg.replace(ProcessSpec.HARNESS, harness)).toList();
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read symlink " + link, e);
    }
  }
}
