package dev.improview.generation.internal;

import dev.improview.generation.internal.llm.LlmSetup;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code pool-size} proven, unserved problems per category and difficulty when a model is
 * configured, so that most requests are answered at once. Every {@code pool-refill-every} one
 * instance (the one holding a PostgreSQL advisory lock) writes at most one problem for the first
 * category and difficulty short of its pool, then looks again; it stops while the day's budget is
 * spent. Nothing runs with no model or a pool size of 0.
 */
@Component
class PoolRefill {

  private static final Logger log = LoggerFactory.getLogger(PoolRefill.class);

  /** The advisory lock key: "improview pool" as a number, one refiller across instances. */
  static final long LOCK = 0x1A9_0001L;

  private final LlmSetup llm;
  private final LlmBroker broker;
  private final GeneratedProblems generated;
  private final Budget budget;
  private final GenerationProperties properties;
  private final DataSource dataSource;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            var thread = new Thread(task, "generation-pool");
            thread.setDaemon(true);
            return thread;
          });

  PoolRefill(
      LlmSetup llm,
      LlmBroker broker,
      GeneratedProblems generated,
      Budget budget,
      GenerationProperties properties,
      DataSource dataSource) {
    this.llm = llm;
    this.broker = broker;
    this.generated = generated;
    this.budget = budget;
    this.properties = properties;
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void schedule() {
    if (llm.client().isEmpty() || properties.poolSize() == 0) {
      return;
    }
    long every = properties.poolRefillEvery().toMillis();
    scheduler.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
  }

  // One pass under the lock: the first set short of its pool gets one problem.
  private void pass() {
    try (Connection connection = dataSource.getConnection()) {
      if (!lock(connection, true)) {
        return;
      }
      try {
        for (var category : Category.values()) {
          for (var difficulty : Difficulty.values()) {
            if (budget.spent()) {
              return;
            }
            if (generated.pooled(category, difficulty) < properties.poolSize()) {
              refill(category, difficulty);
              return;
            }
          }
        }
      } finally {
        lock(connection, false);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("generation pool: a refill pass failed: {}", e.toString());
    }
  }

  /** Writes one problem of this category and difficulty into the pool; false if none came. */
  boolean refill(Category category, Difficulty difficulty) {
    var client = llm.client();
    if (client.isEmpty()) {
      return false;
    }
    var result =
        broker.write(
            client.get(),
            new LlmBroker.Spec(category, difficulty, null, null, null),
            LlmCalls.Purpose.POOL,
            null,
            (step, outcome, message) ->
                log.debug(
                    "generation pool {} {}: {} {}", category.id(), difficulty.id(), step, message));
    if (result instanceof LlmBroker.NotWritten notWritten) {
      log.info(
          "generation pool: no {} {} problem this time: {}",
          category.id(),
          difficulty.id(),
          notWritten.reason());
      return false;
    }
    return true;
  }

  private static boolean lock(Connection connection, boolean take) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            take ? "select pg_try_advisory_lock(?)" : "select pg_advisory_unlock(?)")) {
      statement.setLong(1, LOCK);
      try (var result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }
}
