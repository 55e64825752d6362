package dev.improview.execution.internal.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** cgroup v1: separate memory, pids, cpu and cpuacct hierarchies (some may be co-mounted). */
final class CgroupsV1 implements Cgroups {

  private static final long CPU_PERIOD_US = 100_000;

  private final Path memory;
  private final Path pids;
  private final Path cpu;
  private final Path cpuacct;
  private final long cpuQuotaUs;

  private CgroupsV1(Path memory, Path pids, Path cpu, Path cpuacct, long cpuQuotaUs) {
    this.memory = memory;
    this.pids = pids;
    this.cpu = cpu;
    this.cpuacct = cpuacct;
    this.cpuQuotaUs = cpuQuotaUs;
  }

  static CgroupsV1 open(Path root, String name, double cpuCores) throws IOException {
    Path memory = parent(root, "memory", name);
    Path pids = parent(root, "pids", name);
    Path cpu = parent(root, "cpu", name);
    Path cpuacct = parent(root, "cpuacct", name);
    CgroupsV1 cgroups =
        new CgroupsV1(memory, pids, cpu, cpuacct, Math.round(cpuCores * CPU_PERIOD_US));
    // Prove the hierarchy accepts a group with our limits before relying on it.
    Group probe = cgroups.create("probe-" + ProcessHandle.current().pid(), 64L << 20, 8);
    if (!probe.remove()) {
      throw new IOException("cannot remove a probe group under " + memory);
    }
    return cgroups;
  }

  private static Path parent(Path root, String controller, String name) throws IOException {
    Path hierarchy = root.resolve(controller);
    if (!Files.isDirectory(hierarchy)) {
      throw new IOException("no " + controller + " hierarchy at " + hierarchy);
    }
    Path parent = hierarchy.toRealPath().resolve(name);
    Files.createDirectories(parent);
    return parent;
  }

  @Override
  public String version() {
    return "v1";
  }

  @Override
  public Group create(String name, long memoryBytes, int maxProcesses) throws IOException {
    Set<Path> dirs =
        new LinkedHashSet<>(
            List.of(
                memory.resolve(name),
                pids.resolve(name),
                cpu.resolve(name),
                cpuacct.resolve(name)));
    V1Group group =
        new V1Group(
            memory.resolve(name),
            pids.resolve(name),
            cpu.resolve(name),
            cpuacct.resolve(name),
            List.copyOf(dirs));
    try {
      for (Path dir : dirs) {
        Files.createDirectory(dir);
      }
      Cgroups.write(group.memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
      Path memsw = group.memory.resolve("memory.memsw.limit_in_bytes");
      if (Files.exists(memsw)) {
        // Swap would let a memory bomb outlive the limit; memsw caps memory plus swap.
        Cgroups.write(memsw, Long.toString(memoryBytes));
      }
      Path swappiness = group.memory.resolve("memory.swappiness");
      if (Files.exists(swappiness)) {
        Cgroups.write(swappiness, "0");
      }
      Cgroups.write(group.pids.resolve("pids.max"), Integer.toString(maxProcesses));
      Cgroups.write(group.cpu.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_US));
      Cgroups.write(group.cpu.resolve("cpu.cfs_quota_us"), Long.toString(cpuQuotaUs));
      return group;
    } catch (IOException | RuntimeException e) {
      group.remove();
      throw e;
    }
  }

  @Override
  public void removeStaleGroups(java.util.function.Predicate<String> stale) {
    for (Path parent : new LinkedHashSet<>(List.of(memory, pids, cpu, cpuacct))) {
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
  }

  private static final class V1Group implements Group {
    private final Path memory;
    private final Path pids;
    private final Path cpu;
    private final Path cpuacct;
    private final List<Path> dirs;

    private V1Group(Path memory, Path pids, Path cpu, Path cpuacct, List<Path> dirs) {
      this.memory = memory;
      this.pids = pids;
      this.cpu = cpu;
      this.cpuacct = cpuacct;
      this.dirs = dirs;
    }

    @Override
    public List<Path> procsFiles() {
      List<Path> files = new ArrayList<>();
      for (Path dir : dirs) {
        files.add(dir.resolve("cgroup.procs"));
      }
      return files;
    }

    @Override
    public long cpuNanos() {
      return Cgroups.readLong(cpuacct.resolve("cpuacct.usage"));
    }

    @Override
    public boolean oomKilled() {
      return Cgroups.readKeyed(memory.resolve("memory.oom_control"), "oom_kill") > 0;
    }

    @Override
    public long peakMemoryBytes() {
      return Cgroups.readLong(memory.resolve("memory.max_usage_in_bytes"));
    }

    @Override
    public List<Long> pids() {
      return Cgroups.readPids(pids.resolve("cgroup.procs"));
    }

    @Override
    public boolean killAll(Duration timeout) {
      // The pids hierarchy holds every task of the run, so it is the one to empty.
      return Cgroups.killUntilEmpty(pids.resolve("cgroup.procs"), timeout);
    }

    @Override
    public boolean remove() {
      boolean removed = true;
      for (Path dir : dirs) {
        removed &= Cgroups.removeDirectory(dir);
      }
      return removed;
    }
  }
}
