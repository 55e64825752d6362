package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** cgroup v2: one unified hierarchy; the parent group delegates memory, pids and cpu to runs. */
final class CgroupsV2 implements Cgroups {

  private static final long CPU_PERIOD_US = 100_000;

  private final Path parent;
  private final long cpuQuotaUs;

  private CgroupsV2(Path parent, long cpuQuotaUs) {
    this.parent = parent;
    this.cpuQuotaUs = cpuQuotaUs;
  }

  static CgroupsV2 open(Path root, String name, double cpuCores) throws IOException {
    String available = Cgroups.read(root.resolve("cgroup.controllers"));
    for (String controller : List.of("memory", "pids", "cpu")) {
      if (!(" " + available + " ").contains(" " + controller + " ")) {
        throw new IOException("controller " + controller + " not available in " + root);
      }
    }
    Path parent = root.resolve(name);
    Files.createDirectories(parent);
    // Controllers must be enabled on every level down to the runs' groups.
    Cgroups.write(root.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
    Cgroups.write(parent.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
    CgroupsV2 cgroups = new CgroupsV2(parent, Math.round(cpuCores * CPU_PERIOD_US));
    Group probe = cgroups.create("probe-" + ProcessHandle.current().pid(), 64L << 20, 8);
    if (!probe.remove()) {
      throw new IOException("cannot remove a probe group under " + parent);
    }
    return cgroups;
  }

  @Override
  public String version() {
    return "v2";
  }

  @Override
  public Group create(String name, long memoryBytes, int maxProcesses) throws IOException {
    Path dir = parent.resolve(name);
    Files.createDirectory(dir);
    V2Group group = new V2Group(dir);
    try {
      Cgroups.write(dir.resolve("memory.max"), Long.toString(memoryBytes));
      Path swap = dir.resolve("memory.swap.max");
      if (Files.exists(swap)) {
        Cgroups.write(swap, "0");
      }
      Cgroups.write(dir.resolve("pids.max"), Integer.toString(maxProcesses));
      Cgroups.write(dir.resolve("cpu.max"), cpuQuotaUs + " " + CPU_PERIOD_US);
      return group;
    } catch (IOException | RuntimeException e) {
      group.remove();
      throw e;
    }
  }

  @Override
  public void removeStaleGroups(java.util.function.Predicate<String> stale) {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, Files::isDirectory)) {
      for (Path child : children) {
        if (stale.test(child.getFileName().toString())
            && Cgroups.readPids(child.resolve("cgroup.procs")).isEmpty()) {
          Cgroups.removeDirectory(child);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: a stale empty group costs nothing but a directory entry.
    }
  }

  private record V2Group(Path dir) implements Group {

    @Override
    public List<Path> procsFiles() {
      return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public long cpuNanos() {
      return Cgroups.readKeyed(dir.resolve("cpu.stat"), "usage_usec") * 1000;
    }

    @Override
    public boolean oomKilled() {
      return Cgroups.readKeyed(dir.resolve("memory.events"), "oom_kill") > 0;
    }

    @Override
    public long peakMemoryBytes() {
      return Cgroups.readLong(dir.resolve("memory.peak"));
    }

    @Override
    public List<Long> pids() {
      return Cgroups.readPids(dir.resolve("cgroup.procs"));
    }

    @Override
    public boolean killAll(Duration timeout) {
      Path kill = dir.resolve("cgroup.kill");
      Path procs = dir.resolve("cgroup.procs");
      // Who is there before the kill: the killed leave cgroup.procs before they are zombies, and
      // close() promises the tree has finished exiting.
      Map<Long, Long> seen = Cgroups.snapshot(procs);
      if (Files.exists(kill)) {
        try {
          // One write kills the whole group atomically, forks in flight included (Linux 5.14+).
          Cgroups.write(kill, "1");
        } catch (IOException e) {
          // Fall through to killing pid by pid.
        }
      }
      return Cgroups.killUntilEmpty(procs, timeout, seen);
    }

    @Override
    public boolean remove() {
      return Cgroups.removeDirectory(dir);
    }
  }
}
