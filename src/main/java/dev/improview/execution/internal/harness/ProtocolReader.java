package dev.improview.execution.internal.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Splits the harness's stdout into protocol events (lines starting with the nonce) and stray output
 * (anything else: user code writing to fd 1 directly), in order, onto a queue. Runs on its own
 * thread; never holds more than one bounded line in memory.
 */
final class ProtocolReader implements Runnable {

  /** What the reader saw, in stdout order. */
  sealed interface Message {}

  /** A protocol event and the bytes of its line (what it costs the run's result budget). */
  record Event(JsonNode json, long bytes) implements Message {}

  /** Stray output: the kept text and how many bytes there really were. */
  record Stray(String text, long bytes) implements Message {}

  /** A line that claimed to be protocol but was not, or was longer than a result may be. */
  record Broken(String why, boolean tooLong) implements Message {}

  /** Stdout ended (EOF, or the sandbox cut it at the cap). */
  record End() implements Message {}

  private final InputStream in;
  private final byte[] prefix;
  private final int maxProtocolLine;
  private final int maxStrayLine;
  private final ObjectMapper json;
  private final BlockingQueue<Message> queue;

  ProtocolReader(
      InputStream in,
      String nonce,
      int maxProtocolLine,
      int maxStrayLine,
      ObjectMapper json,
      BlockingQueue<Message> queue) {
    this.in = in;
    this.prefix = (nonce + " ").getBytes(StandardCharsets.US_ASCII);
    this.maxProtocolLine = maxProtocolLine;
    this.maxStrayLine = maxStrayLine;
    this.json = json;
    this.queue = queue;
  }

  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private long lineBytes;
  private Boolean lineIsProtocol;
  // Stray bytes since the last event; past the cap the run is over, so reading stops there and
  // a flood of short lines cannot pile up in the queue.
  private long strayWindow;

  @Override
  public void run() {
    byte[] buffer = new byte[64 * 1024];
    try {
      int n;
      while (strayWindow <= maxStrayLine && (n = in.read(buffer)) > 0) {
        int start = 0;
        for (int i = 0; i < n && strayWindow <= maxStrayLine; i++) {
          if (buffer[i] == '\n') {
            append(buffer, start, i - start);
            finish();
            start = i + 1;
          }
        }
        if (strayWindow <= maxStrayLine) {
          append(buffer, start, n - start);
        }
      }
    } catch (IOException e) {
      // The sandbox closes the pipe when it kills the run; what arrived so far still counts.
    } finally {
      if (lineBytes > 0 && strayWindow <= maxStrayLine) {
        finish();
      }
      queue.add(new End());
    }
  }

  /** Keeps at most the longest allowed line in memory, counting every byte. */
  private void append(byte[] data, int from, int length) {
    if (length == 0) {
      return;
    }
    long keep = Math.max(0, Math.min(length, (long) maxProtocolLine + 1 - line.size()));
    line.write(data, from, (int) keep);
    lineBytes += length;
    if (lineIsProtocol == null && line.size() >= prefix.length) {
      lineIsProtocol = startsWithPrefix(line.toByteArray());
    }
    if (Boolean.FALSE.equals(lineIsProtocol) && lineBytes > maxStrayLine) {
      // A long stray line without a newline: report its bytes now so the cap can act.
      stray(new Stray("", length));
    }
  }

  private void finish() {
    byte[] bytes = line.toByteArray();
    long total = lineBytes;
    line.reset();
    lineBytes = 0;
    lineIsProtocol = null;
    if (startsWithPrefix(bytes)) {
      if (total > maxProtocolLine) {
        queue.add(new Broken("a protocol line is longer than " + maxProtocolLine + " bytes", true));
        return;
      }
      try {
        JsonNode event = json.readTree(bytes, prefix.length, bytes.length - prefix.length);
        strayWindow = 0;
        queue.add(
            event.isObject() && event.has("type")
                ? new Event(event, total)
                : new Broken("a protocol line is not an event object", false));
      } catch (JacksonException e) {
        queue.add(new Broken("a protocol line is not JSON: " + e.getOriginalMessage(), false));
      }
      return;
    }
    if (total == 0) {
      return; // the harness starts every event on a fresh line
    }
    int kept = (int) Math.min(bytes.length, maxStrayLine);
    long counted = total > maxStrayLine ? 1 : total + 1;
    stray(new Stray(new String(bytes, 0, kept, StandardCharsets.UTF_8) + "\n", counted));
  }

  private void stray(Stray stray) {
    strayWindow += stray.bytes();
    queue.add(stray);
  }

  private boolean startsWithPrefix(byte[] bytes) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
