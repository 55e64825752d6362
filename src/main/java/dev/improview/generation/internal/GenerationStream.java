package dev.improview.generation.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A generation's steps as server-sent events: the ones after the client's last seen {@code seq}
 * first, then each new one as the store gets it, until {@code ready} or {@code failed}. The steps
 * are read from the database, so a stream opened on any instance (or after a reconnect) sees the
 * same ones in the same order; each event's {@code id} is its {@code seq}. One scheduler thread
 * looks at every open stream each {@code stream-poll}; no stream holds a thread while it waits.
 */
@Component
class GenerationStream {

  private static final Logger log = LoggerFactory.getLogger(GenerationStream.class);

  private final Generations generations;
  private final GenerationProperties properties;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            var thread = new Thread(task, "generation-streams");
            thread.setDaemon(true);
            return thread;
          });

  GenerationStream(Generations generations, GenerationProperties properties) {
    this.generations = generations;
    this.properties = properties;
  }

  SseEmitter open(UUID id, UUID account, int afterSeq) {
    var emitter = new SseEmitter(properties.streamTimeout().toMillis());
    var follower = new Follower(id, account, afterSeq, emitter);
    emitter.onCompletion(follower::stop);
    emitter.onTimeout(
        () -> {
          follower.stop();
          emitter.complete();
        });
    emitter.onError(e -> follower.stop());
    follower.start();
    return emitter;
  }

  /** One open stream: sends what is new at each look, ends after the final step. */
  private final class Follower implements Runnable {
    private final UUID id;
    private final UUID account;
    private final SseEmitter emitter;
    private final AtomicInteger seq;
    private volatile ScheduledFuture<?> task;
    private volatile boolean over;

    Follower(UUID id, UUID account, int afterSeq, SseEmitter emitter) {
      this.id = id;
      this.account = account;
      this.emitter = emitter;
      this.seq = new AtomicInteger(afterSeq);
    }

    void start() {
      task =
          scheduler.scheduleWithFixedDelay(
              this, 0, properties.streamPoll().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
      over = true;
      var running = task;
      if (running != null) {
        running.cancel(false);
      }
    }

    @Override
    public void run() {
      if (over) {
        stop();
        return;
      }
      try {
        // The state before the events: a final state seen here has all its steps stored.
        var generation = generations.find(id, account);
        if (generation.isEmpty()) {
          finish();
          return;
        }
        for (var event : generations.events(id, seq.get())) {
          emitter.send(
              SseEmitter.event()
                  .id(Integer.toString(event.seq()))
                  .name(event.step().id())
                  .data(GenerationView.EventView.of(event), MediaType.APPLICATION_JSON));
          seq.set(event.seq());
        }
        if (generation.get().state().isFinal()) {
          finish();
        }
      } catch (IOException | IllegalStateException e) {
        // The client went away, or the emitter timed out: nothing is left to send to.
        log.debug("generation stream {} ended early: {}", id, e.toString());
        stop();
      } catch (RuntimeException e) {
        log.error("generation stream {} failed", id, e);
        stop();
        emitter.completeWithError(e);
      }
    }

    private void finish() {
      stop();
      emitter.complete();
    }
  }

  @PreDestroy
  void close() {
    scheduler.shutdownNow();
  }
}
