package dev.improview.execution.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.harness.ProtocolReader.Broken;
import dev.improview.execution.internal.harness.ProtocolReader.End;
import dev.improview.execution.internal.harness.ProtocolReader.Event;
import dev.improview.execution.internal.harness.ProtocolReader.Message;
import dev.improview.execution.internal.harness.ProtocolReader.Stray;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProtocolReaderTest {

  static List<Message> read(String stdout, int maxProtocolLine, int maxStrayLine) {
    LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    new ProtocolReader(
            new ByteArrayInputStream(stdout.getBytes(StandardCharsets.UTF_8)),
            "n0nce",
            maxProtocolLine,
            maxStrayLine,
            JsonMapper.builder().build(),
            queue)
        .run();
    return new ArrayList<>(queue);
  }

  @Test
  void separatesEventsFromStrayOutputInOrder() {
    List<Message> messages =
        read(
            "\nn0nce {\"type\":\"start\",\"index\":0}\nhello n0nce {\"type\":\"result\"}\n"
                + "nonce {\"type\":\"done\"}\n\nn0nce {\"type\":\"done\"}\n",
            1000,
            1000);
    assertThat(messages).hasSize(5);
    assertThat(((Event) messages.get(0)).json().get("type").asString()).isEqualTo("start");
    assertThat(((Stray) messages.get(1)).text()).isEqualTo("hello n0nce {\"type\":\"result\"}\n");
    assertThat(((Stray) messages.get(2)).text()).startsWith("nonce ");
    assertThat(((Event) messages.get(3)).json().get("type").asString()).isEqualTo("done");
    assertThat(messages.get(4)).isInstanceOf(End.class);
  }

  @Test
  void reportsLinesThatClaimTheNonceButAreNotEventsAsBroken() {
    List<Message> messages = read("n0nce {oops\nn0nce [1]\n", 1000, 1000);
    assertThat(messages.get(0)).isInstanceOf(Broken.class);
    assertThat(messages.get(1)).isInstanceOf(Broken.class);
    assertThat(messages.get(2)).isInstanceOf(End.class);
  }

  @Test
  void countsEveryByteOfAnOverlongStrayLineWithoutKeepingIt() {
    String flood = "x".repeat(100_000);
    List<Message> messages = read(flood, 1000, 500);
    long bytes =
        messages.stream().filter(m -> m instanceof Stray).mapToLong(m -> ((Stray) m).bytes()).sum();
    long kept =
        messages.stream()
            .filter(m -> m instanceof Stray)
            .mapToLong(m -> ((Stray) m).text().length())
            .sum();
    assertThat(bytes).isGreaterThan(500);
    assertThat(kept).isLessThanOrEqualTo(501);
    assertThat(messages.get(messages.size() - 1)).isInstanceOf(End.class);
  }

  @Test
  void stopsReadingOnceStrayOutputSinceTheLastEventPassesTheCap() {
    String flood = "n0nce {\"type\":\"start\",\"index\":0}\n" + "x\n".repeat(1_000_000);
    List<Message> messages = read(flood, 1000, 500);
    long strays = messages.stream().filter(m -> m instanceof Stray).count();
    assertThat(strays).isBetween(250L, 260L);
    assertThat(messages.get(0)).isInstanceOf(Event.class);
    assertThat(messages.get(messages.size() - 1)).isInstanceOf(End.class);
  }

  @Test
  void refusesProtocolLinesOverTheirCap() {
    List<Message> messages =
        read("n0nce {\"type\":\"result\",\"value\":\"" + "y".repeat(2000) + "\"}\n", 1000, 100);
    assertThat(messages.get(0)).isInstanceOf(Broken.class);
    assertThat(((Broken) messages.get(0)).why()).contains("longer than 1000");
  }
}
