package dev.improview.execution.internal.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the process sandbox ({@code improview.sandbox.*}); every limit is explicit here and
 * documented in docs/sandbox.md.
 */
@ConfigurationProperties("improview.sandbox")
public record SandboxProperties(
    @DefaultValue("auto") String mode,
    @DefaultValue("/usr/bin/bwrap") Path bwrap,
    @DefaultValue("/usr/bin/setpriv") Path setpriv,
    @DefaultValue("/usr/bin/python3") Path launcherPython,
    @DefaultValue("65534") int uid,
    @DefaultValue("65534") int gid,
    @DefaultValue("16777216") long tmpfsBytes,
    @DefaultValue("16777216") long maxFileBytes,
    @DefaultValue("256") int maxOpenFiles,
    @DefaultValue("60") int cpuBackstopSeconds,
    @DefaultValue("auto") String cgroups,
    @DefaultValue("/sys/fs/cgroup") Path cgroupRoot,
    @DefaultValue("improview") String cgroupName,
    @DefaultValue("1.0") double cpuCores,
    @DefaultValue("0") int maxConcurrent,
    @DefaultValue("10s") Duration queueWait,
    @DefaultValue("32") int maxQueued,
    @DefaultValue("1") int maxConcurrentBackground,
    @DefaultValue("60s") Duration backgroundQueueWait,
    @DefaultValue("1") int refillThreads,
    @DefaultValue("10ms") Duration cpuPollInterval,
    @DefaultValue("2s") Duration killTimeout,
    @DefaultValue("8388608") long shmBytes,
    @DefaultValue("/run/improview-binds") Path bindStageDir) {

  public SandboxProperties {
    mode = mode == null ? "auto" : mode.strip().toLowerCase(java.util.Locale.ROOT);
    if (!mode.equals("auto") && !mode.equals("strict") && !mode.equals("permissive")) {
      throw new IllegalArgumentException("mode is not auto, strict or permissive: " + mode);
    }
    cgroups = cgroups == null ? "auto" : cgroups.strip().toLowerCase(java.util.Locale.ROOT);
    if (!java.util.Set.of("auto", "v1", "v2", "none").contains(cgroups)) {
      throw new IllegalArgumentException("cgroups is not auto, v1, v2 or none: " + cgroups);
    }
    requirePath("bwrap", bwrap);
    requirePath("setpriv", setpriv);
    requirePath("launcherPython", launcherPython);
    requirePath("cgroupRoot", cgroupRoot);
    requirePath("bindStageDir", bindStageDir);
    if (uid <= 0) {
      throw new IllegalArgumentException("uid <= 0: " + uid);
    }
    if (gid <= 0) {
      throw new IllegalArgumentException("gid <= 0: " + gid);
    }
    if (tmpfsBytes < 1024 * 1024) {
      throw new IllegalArgumentException("tmpfsBytes < 1 MiB: " + tmpfsBytes);
    }
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes <= 0: " + maxFileBytes);
    }
    if (maxOpenFiles < 16) {
      throw new IllegalArgumentException("maxOpenFiles < 16: " + maxOpenFiles);
    }
    if (cpuBackstopSeconds <= 0) {
      throw new IllegalArgumentException("cpuBackstopSeconds <= 0: " + cpuBackstopSeconds);
    }
    if (cgroupName == null || !cgroupName.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("cgroupName is not a plain name: " + cgroupName);
    }
    if (!(cpuCores > 0)) {
      throw new IllegalArgumentException("cpuCores <= 0: " + cpuCores);
    }
    if (maxConcurrent < 0) {
      throw new IllegalArgumentException("maxConcurrent < 0: " + maxConcurrent);
    }
    requirePositive("queueWait", queueWait, true);
    if (maxQueued < 0) {
      throw new IllegalArgumentException("maxQueued < 0: " + maxQueued);
    }
    if (maxConcurrentBackground < 1) {
      throw new IllegalArgumentException("maxConcurrentBackground < 1: " + maxConcurrentBackground);
    }
    requirePositive("backgroundQueueWait", backgroundQueueWait, true);
    if (refillThreads < 1) {
      throw new IllegalArgumentException("refillThreads < 1: " + refillThreads);
    }
    requirePositive("cpuPollInterval", cpuPollInterval, false);
    requirePositive("killTimeout", killTimeout, false);
    if (shmBytes < 1024 * 1024) {
      throw new IllegalArgumentException("shmBytes < 1 MiB: " + shmBytes);
    }
  }

  /** The defaults, as Spring would bind them with no property set. */
  public static SandboxProperties defaults() {
    return new SandboxProperties(
        "auto",
        Path.of("/usr/bin/bwrap"),
        Path.of("/usr/bin/setpriv"),
        Path.of("/usr/bin/python3"),
        65534,
        65534,
        16L * 1024 * 1024,
        16L * 1024 * 1024,
        256,
        60,
        "auto",
        Path.of("/sys/fs/cgroup"),
        "improview",
        1.0,
        0,
        Duration.ofSeconds(10),
        32,
        1,
        Duration.ofSeconds(60),
        1,
        Duration.ofMillis(10),
        Duration.ofSeconds(2),
        8L * 1024 * 1024,
        Path.of("/run/improview-binds"));
  }

  /** The capacity: {@code maxConcurrent}, or the number of cores when it is 0. */
  int effectiveMaxConcurrent() {
    return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
  }

  public SandboxProperties withMode(String newMode) {
    return copy(c -> c.mode = newMode);
  }

  public SandboxProperties withBwrap(Path newBwrap) {
    return copy(c -> c.bwrap = newBwrap);
  }

  public SandboxProperties withCapacity(int newMaxConcurrent, Duration newQueueWait) {
    return copy(
        c -> {
          c.maxConcurrent = newMaxConcurrent;
          c.queueWait = newQueueWait;
        });
  }

  public SandboxProperties withMaxQueued(int newMaxQueued) {
    return copy(c -> c.maxQueued = newMaxQueued);
  }

  /** The same properties with another background lane: its slots and how long it waits for one. */
  public SandboxProperties withBackgroundCapacity(int slots, Duration wait) {
    return copy(
        c -> {
          c.maxConcurrentBackground = slots;
          c.backgroundQueueWait = wait;
        });
  }

  /** The same properties with another CPU quota per run. */
  public SandboxProperties withCpuCores(double cores) {
    return copy(c -> c.cpuCores = cores);
  }

  // One copy with some fields changed: the positional list is written here once, not per method.
  private SandboxProperties copy(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy of every field, for the {@code with*} methods. */
  private static final class Copy {
    String mode;
    Path bwrap;
    Path setpriv;
    Path launcherPython;
    int uid;
    int gid;
    long tmpfsBytes;
    long maxFileBytes;
    int maxOpenFiles;
    int cpuBackstopSeconds;
    String cgroups;
    Path cgroupRoot;
    String cgroupName;
    double cpuCores;
    int maxConcurrent;
    Duration queueWait;
    int maxQueued;
    int maxConcurrentBackground;
    Duration backgroundQueueWait;
    int refillThreads;
    Duration cpuPollInterval;
    Duration killTimeout;
    long shmBytes;
    Path bindStageDir;

    Copy(SandboxProperties p) {
      mode = p.mode();
      bwrap = p.bwrap();
      setpriv = p.setpriv();
      launcherPython = p.launcherPython();
      uid = p.uid();
      gid = p.gid();
      tmpfsBytes = p.tmpfsBytes();
      maxFileBytes = p.maxFileBytes();
      maxOpenFiles = p.maxOpenFiles();
      cpuBackstopSeconds = p.cpuBackstopSeconds();
      cgroups = p.cgroups();
      cgroupRoot = p.cgroupRoot();
      cgroupName = p.cgroupName();
      cpuCores = p.cpuCores();
      maxConcurrent = p.maxConcurrent();
      queueWait = p.queueWait();
      maxQueued = p.maxQueued();
      maxConcurrentBackground = p.maxConcurrentBackground();
      backgroundQueueWait = p.backgroundQueueWait();
      refillThreads = p.refillThreads();
      cpuPollInterval = p.cpuPollInterval();
      killTimeout = p.killTimeout();
      shmBytes = p.shmBytes();
      bindStageDir = p.bindStageDir();
    }

    SandboxProperties build() {
      return new SandboxProperties(
          mode,
          bwrap,
          setpriv,
          launcherPython,
          uid,
          gid,
          tmpfsBytes,
          maxFileBytes,
          maxOpenFiles,
          cpuBackstopSeconds,
          cgroups,
          cgroupRoot,
          cgroupName,
          cpuCores,
          maxConcurrent,
          queueWait,
          maxQueued,
          maxConcurrentBackground,
          backgroundQueueWait,
          refillThreads,
          cpuPollInterval,
          killTimeout,
          shmBytes,
          bindStageDir);
    }
  }

  private static void requirePath(String name, Path path) {
    if (path == null || !path.isAbsolute()) {
      throw new IllegalArgumentException(name + " is not an absolute path: " + path);
    }
  }

  private static void requirePositive(String name, Duration value, boolean zeroAllowed) {
    if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(name + (zeroAllowed ? " < 0: " : " <= 0: ") + value);
    }
  }
}
