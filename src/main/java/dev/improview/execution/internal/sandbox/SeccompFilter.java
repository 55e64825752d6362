package dev.improview.execution.internal.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A classic-BPF seccomp program, in the binary form bubblewrap's {@code --seccomp FD} reads. It
 * denies the system calls a judged program never needs and that widen the kernel's attack surface
 * (namespaces, mounts, tracing, BPF, keyrings, io_uring, perf), allows only AF_UNIX sockets, makes
 * clone3 fail with ENOSYS (so runtimes fall back to clone, whose flags bubblewrap already limits),
 * and kills a process that uses another architecture's calling convention.
 */
final class SeccompFilter {

  private static final int EPERM = 1;
  private static final int ENOSYS = 38;
  private static final int EAFNOSUPPORT = 97;
  private static final int AF_UNIX = 1;

  private static final int RET_KILL_PROCESS = 0x80000000;
  private static final int RET_ERRNO = 0x00050000;
  private static final int RET_ALLOW = 0x7fff0000;

  private static final short LD_W_ABS = 0x20;
  private static final short JEQ_K = 0x15;
  private static final short JGE_K = 0x35;
  private static final short RET_K = 0x06;

  private static final int OFFSET_NR = 0;
  private static final int OFFSET_ARCH = 4;
  private static final int OFFSET_ARG0_LOW = 16;

  /** One architecture's audit id and the numbers of the calls the filter treats specially. */
  record Arch(int auditArch, Map<String, Integer> denied, int clone3, int socket, int socketpair) {}

  private static final List<String> DENIED_NAMES =
      List.of(
          "ptrace",
          "mount",
          "umount2",
          "pivot_root",
          "chroot",
          "bpf",
          "keyctl",
          "add_key",
          "request_key",
          "unshare",
          "setns",
          "io_uring_setup",
          "io_uring_enter",
          "io_uring_register",
          "perf_event_open",
          "kexec_load",
          "kexec_file_load",
          "init_module",
          "finit_module",
          "delete_module",
          "swapon",
          "swapoff",
          "reboot",
          "acct",
          "syslog",
          "userfaultfd",
          "process_vm_readv",
          "process_vm_writev",
          "open_by_handle_at",
          "name_to_handle_at",
          "open_tree",
          "move_mount",
          "fsopen",
          "fsconfig",
          "fsmount",
          "fspick",
          "mount_setattr");

  static final Arch X86_64 =
      new Arch(
          0xC000003E,
          Map.ofEntries(
              Map.entry("ptrace", 101),
              Map.entry("mount", 165),
              Map.entry("umount2", 166),
              Map.entry("pivot_root", 155),
              Map.entry("chroot", 161),
              Map.entry("bpf", 321),
              Map.entry("keyctl", 250),
              Map.entry("add_key", 248),
              Map.entry("request_key", 249),
              Map.entry("unshare", 272),
              Map.entry("setns", 308),
              Map.entry("io_uring_setup", 425),
              Map.entry("io_uring_enter", 426),
              Map.entry("io_uring_register", 427),
              Map.entry("perf_event_open", 298),
              Map.entry("kexec_load", 246),
              Map.entry("kexec_file_load", 320),
              Map.entry("init_module", 175),
              Map.entry("finit_module", 313),
              Map.entry("delete_module", 176),
              Map.entry("swapon", 167),
              Map.entry("swapoff", 168),
              Map.entry("reboot", 169),
              Map.entry("acct", 163),
              Map.entry("syslog", 103),
              Map.entry("userfaultfd", 323),
              Map.entry("process_vm_readv", 310),
              Map.entry("process_vm_writev", 311),
              Map.entry("open_by_handle_at", 304),
              Map.entry("name_to_handle_at", 303),
              Map.entry("open_tree", 428),
              Map.entry("move_mount", 429),
              Map.entry("fsopen", 430),
              Map.entry("fsconfig", 431),
              Map.entry("fsmount", 432),
              Map.entry("fspick", 433),
              Map.entry("mount_setattr", 442)),
          435,
          41,
          53);

  // The generic (asm-generic/unistd.h) numbering used by arm64.
  static final Arch AARCH64 =
      new Arch(
          0xC00000B7,
          Map.ofEntries(
              Map.entry("ptrace", 117),
              Map.entry("mount", 40),
              Map.entry("umount2", 39),
              Map.entry("pivot_root", 41),
              Map.entry("chroot", 51),
              Map.entry("bpf", 280),
              Map.entry("keyctl", 219),
              Map.entry("add_key", 217),
              Map.entry("request_key", 218),
              Map.entry("unshare", 97),
              Map.entry("setns", 268),
              Map.entry("io_uring_setup", 425),
              Map.entry("io_uring_enter", 426),
              Map.entry("io_uring_register", 427),
              Map.entry("perf_event_open", 241),
              Map.entry("kexec_load", 104),
              Map.entry("kexec_file_load", 294),
              Map.entry("init_module", 105),
              Map.entry("finit_module", 273),
              Map.entry("delete_module", 106),
              Map.entry("swapon", 224),
              Map.entry("swapoff", 225),
              Map.entry("reboot", 142),
              Map.entry("acct", 89),
              Map.entry("syslog", 116),
              Map.entry("userfaultfd", 282),
              Map.entry("process_vm_readv", 270),
              Map.entry("process_vm_writev", 271),
              Map.entry("open_by_handle_at", 265),
              Map.entry("name_to_handle_at", 264),
              Map.entry("open_tree", 428),
              Map.entry("move_mount", 429),
              Map.entry("fsopen", 430),
              Map.entry("fsconfig", 431),
              Map.entry("fsmount", 432),
              Map.entry("fspick", 433),
              Map.entry("mount_setattr", 442)),
          435,
          198,
          199);

  private SeccompFilter() {}

  /** The architecture of this JVM, if the filter supports it. */
  static Optional<Arch> forThisMachine() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> Optional.of(X86_64);
      case "aarch64", "arm64" -> Optional.of(AARCH64);
      default -> Optional.empty();
    };
  }

  /** The program as the kernel's {@code struct sock_filter[]}: 8 bytes per instruction. */
  static byte[] compile(Arch arch) {
    if (!arch.denied().keySet().containsAll(DENIED_NAMES)) {
      throw new IllegalStateException("arch table misses a denied call: " + arch.denied().keySet());
    }
    List<long[]> program = new ArrayList<>();
    // Wrong architecture (e.g. 32-bit entry on a 64-bit kernel): numbers mean other calls; kill.
    program.add(ins(LD_W_ABS, 0, 0, OFFSET_ARCH));
    program.add(ins(JEQ_K, 1, 0, arch.auditArch()));
    program.add(ins(RET_K, 0, 0, RET_KILL_PROCESS));
    program.add(ins(LD_W_ABS, 0, 0, OFFSET_NR));
    if (arch == X86_64) {
      // The x32 ABI sets bit 30 of the number; nothing we run uses it.
      program.add(ins(JGE_K, 0, 1, 0x40000000));
      program.add(ins(RET_K, 0, 0, RET_ERRNO | EPERM));
    }
    for (String name : DENIED_NAMES) {
      program.add(ins(JEQ_K, 0, 1, arch.denied().get(name)));
      program.add(ins(RET_K, 0, 0, RET_ERRNO | EPERM));
    }
    program.add(ins(JEQ_K, 0, 1, arch.clone3()));
    program.add(ins(RET_K, 0, 0, RET_ERRNO | ENOSYS));
    // socket and socketpair: only the AF_UNIX family (first argument) is allowed.
    program.add(ins(JEQ_K, 1, 0, arch.socket()));
    program.add(ins(JEQ_K, 0, 3, arch.socketpair()));
    program.add(ins(LD_W_ABS, 0, 0, OFFSET_ARG0_LOW));
    program.add(ins(JEQ_K, 1, 0, AF_UNIX));
    program.add(ins(RET_K, 0, 0, RET_ERRNO | EAFNOSUPPORT));
    program.add(ins(RET_K, 0, 0, RET_ALLOW));

    ByteArrayOutputStream out = new ByteArrayOutputStream(program.size() * 8);
    ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
    for (long[] instruction : program) {
      buffer.clear();
      buffer.putShort((short) instruction[0]);
      buffer.put((byte) instruction[1]);
      buffer.put((byte) instruction[2]);
      buffer.putInt((int) instruction[3]);
      out.write(buffer.array(), 0, 8);
    }
    return out.toByteArray();
  }

  private static long[] ins(short code, int jumpIfTrue, int jumpIfFalse, int k) {
    return new long[] {code, jumpIfTrue, jumpIfFalse, k & 0xFFFFFFFFL};
  }
}
