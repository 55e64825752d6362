package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the argument list that starts a spec: launcher (cgroups, rlimits, seccomp fd), then
 * setpriv (drop root before bubblewrap), then bubblewrap, then the spec's argv. No shell anywhere.
 */
final class LaunchCommand implements AutoCloseable {

  static final String HARNESS_INSIDE = "/harness";
  static final String WORK_DIR_INSIDE = "/tmp";
  static final String SHM_INSIDE = "/dev/shm";
  // Staged extra binds appear as /mnt/<index in the spec's list>.
  static final String STAGED_INSIDE = "/mnt";
  private static final String SECCOMP_FD_TOKEN = "{seccomp-fd}";
  private static final List<String> MERGED_USR_LINKS =
      List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32");
  private static final List<String> ETC_FILES = List.of("/etc/alternatives", "/etc/ld.so.cache");

  private final SandboxProperties properties;
  private final Path launcher;
  private final Path seccompFilter;
  private final boolean dropUid;
  private final List<String> etcFiles;
  private final BindStage stage;

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
    // The launcher lives in the sandbox's private directory, gone once the sandbox is closed.
    this.stage = new BindStage(properties.bindStageDir(), launcher.toAbsolutePath().getParent());
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
    command.addAll(List.of("--ro-bind", stage.stage(spec.harnessDir()).toString(), HARNESS_INSIDE));
    // Host path -> inside path of the binds that are staged: their host names stay outside.
    Map<String, String> renamed = new TreeMap<>(Comparator.reverseOrder());
    List<Path> binds = spec.extraReadOnlyBinds();
    for (int i = 0; i < binds.size(); i++) {
      Path bind = binds.get(i);
      if (etcFiles.contains(bind.toString())) {
        continue;
      }
      Path source = stage.stage(bind);
      String inside = source.equals(bind) ? bind.toString() : STAGED_INSIDE + "/" + i;
      if (!source.equals(bind)) {
        renamed.put(bind.toString(), inside);
      }
      command.addAll(List.of("--ro-bind", source.toString(), inside));
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
    command.addAll(rename(substitute(spec.argv(), HARNESS_INSIDE), renamed));
    return command;
  }

  /**
   * Rewrites a staged bind's host path where an argument names it: the whole argument, or after
   * {@code =} or {@code :} ({@code -XX:SharedArchiveFile=<dir>/harness.jsa}), up to a {@code /},
   * {@code :} or its end. In reverse order, so a path is rewritten before any prefix of it is.
   */
  static List<String> rename(List<String> argv, Map<String, String> renamed) {
    if (renamed.isEmpty()) {
      return argv;
    }
    List<String> result = new ArrayList<>();
    for (String arg : argv) {
      for (Map.Entry<String, String> entry : renamed.entrySet()) {
        arg =
            Pattern.compile("(?<![^=:])" + Pattern.quote(entry.getKey()) + "(?=$|[/:])")
                .matcher(arg)
                .replaceAll(Matcher.quoteReplacement(entry.getValue()));
      }
      result.add(arg);
    }
    return result;
  }

  /** Removes this command's staged binds (no sandbox of it may still run). */
  @Override
  public void close() {
    stage.close();
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
