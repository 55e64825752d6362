package dev.improview.execution.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class SeccompFilterTest {

  private static final int RET_ALLOW = 0x7fff0000;
  private static final int RET_KILL_PROCESS = 0x80000000;

  @Test
  void programForEachArchitectureChecksTheArchitectureFirstAndAllowsLast() {
    for (SeccompFilter.Arch arch :
        new SeccompFilter.Arch[] {SeccompFilter.X86_64, SeccompFilter.AARCH64}) {
      byte[] program = SeccompFilter.compile(arch);
      ByteBuffer buffer = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
      int instructions = program.length / 8;

      assertThat(program.length % 8).isZero();
      // The kernel accepts at most 4096 instructions; jumps are 8-bit, so the program stays small.
      assertThat(instructions).isBetween(10, 255);
      assertThat(buffer.getInt(4)).as("first load: the architecture field").isEqualTo(4);
      assertThat(buffer.getInt(8 + 4)).isEqualTo(arch.auditArch());
      assertThat(buffer.getInt(16 + 4)).isEqualTo(RET_KILL_PROCESS);
      assertThat(buffer.getInt((instructions - 1) * 8 + 4)).isEqualTo(RET_ALLOW);
    }
  }

  @Test
  void thisMachinesArchitectureIsSupported() {
    assertThat(SeccompFilter.forThisMachine()).isPresent();
  }
}
