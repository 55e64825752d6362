package dev.improview.generation.internal;

import dev.improview.attempt.AttemptedProblems;
import dev.improview.generation.GenerationSource;
import dev.improview.generation.GenerationStep;
import dev.improview.generation.internal.llm.LlmSetup;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts generations and runs them off the request's thread, on {@code runners} threads. With a
 * model configured, a generation takes a proven problem from the pool, or has the broker write one
 * live; with none, it searches the bank. Either way never a problem the account has tried. While it
 * works, this instance sends a heartbeat for it every quarter of {@code stale-after}.
 */
@Service
class Generations {

  private static final Logger log = LoggerFactory.getLogger(Generations.class);

  /** The one sentence a user reads when the bank has nothing left for them. */
  static final String NOTHING_LEFT =
      "You have tried all %d %s %s problems in the built-in bank; pick another category or"
          + " difficulty, or reopen one you tried from the problem list.";

  static final String NO_MATCH =
      "The built-in bank has no %s problem in %s yet; pick another category or difficulty.";

  /** What a user whose generation failed can do meanwhile. */
  static final String BANK_OFFER = "A problem from the built-in bank is one click away.";

  static final String INTERRUPTED =
      "The server stopped while it prepared this problem; start another generation.";

  private final GenerationStore store;
  private final BankPick bank;
  private final LlmSetup llm;
  private final LlmBroker broker;
  private final GeneratedProblems generated;
  private final Budget budget;
  private final Set<UUID> working = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeats;
  private final AttemptedProblems attempted;
  private final GenerationProperties properties;
  private final Clock clock;
  private final ExecutorService runners;

  Generations(
      GenerationStore store,
      BankPick bank,
      LlmSetup llm,
      LlmBroker broker,
      GeneratedProblems generated,
      Budget budget,
      AttemptedProblems attempted,
      GenerationProperties properties,
      Clock clock) {
    this.store = store;
    this.bank = bank;
    this.llm = llm;
    this.broker = broker;
    this.generated = generated;
    this.budget = budget;
    this.attempted = attempted;
    this.properties = properties;
    this.clock = clock;
    var count = new AtomicInteger();
    this.runners =
        Executors.newFixedThreadPool(
            properties.runners(),
            task -> {
              var thread = new Thread(task, "generation-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              var thread = new Thread(task, "generation-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(1, properties.staleAfter().toMillis() / 4);
    heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Stores a queued generation and starts it.
   *
   * @throws QuotaExceededException past the account's daily quota
   */
  Generation start(UUID account, GenerationStore.Request request) {
    var now = clock.instant();
    Generation generation;
    try {
      generation = store.create(account, request, now, dayStart(now), properties.dailyQuota());
    } catch (GenerationStore.QuotaExceeded e) {
      throw new QuotaExceededException(properties.dailyQuota(), now, quotaResets(now));
    }
    // Its heartbeat starts now: a generation waiting for a free runner is not a stalled one.
    working.add(generation.id());
    try {
      runners.execute(() -> run(generation));
    } catch (RuntimeException e) {
      working.remove(generation.id());
      throw e;
    }
    return generation;
  }

  int dailyQuota() {
    return properties.dailyQuota();
  }

  /** How many generations the account has started since midnight UTC. */
  int usedToday(UUID account) {
    return store.countSince(account, dayStart(clock.instant()));
  }

  /** Its steps after {@code afterSeq}, in order. */
  List<Generation.Event> events(UUID id, int afterSeq) {
    return store.events(id, afterSeq);
  }

  /** The generation as a reader should see it: one left unfinished too long has failed. */
  Optional<Generation> find(UUID id, UUID account) {
    var found = store.find(id, account);
    if (found.isPresent() && !found.get().state().isFinal() && stale(found.get())) {
      store.finishFailed(id, INTERRUPTED, clock.instant());
      return store.find(id, account);
    }
    return found;
  }

  // Its runner reports a step at least every staleAfter while it works (the bank search at once);
  // silence past that means the server that ran it stopped.
  private boolean stale(Generation generation) {
    var last = store.lastActivity(generation.id()).orElse(generation.createdAt());
    return last.plus(properties.staleAfter()).isBefore(clock.instant());
  }

  /** Midnight UTC of the day {@code now} is in: where the daily quota starts counting. */
  static Instant dayStart(Instant now) {
    return now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
  }

  /** When the quota counted from {@code now}'s day frees up again. */
  static Instant quotaResets(Instant now) {
    return dayStart(now).plus(1, ChronoUnit.DAYS);
  }

  private void run(Generation generation) {
    var id = generation.id();
    try {
      if (!store.start(id)) {
        return;
      }
      var client = llm.client();
      if (client.isEmpty()) {
        serveFromBank(generation, true);
        return;
      }
      var excluded = new HashSet<>(attempted.problemIds(generation.account()));
      excluded.addAll(store.servedProblemIds(generation.account()));
      var pooled =
          generated.takeFromPool(
              generation.category(), generation.difficulty(), excluded, clock.instant());
      if (pooled.isPresent()) {
        store.finishReady(
            id,
            GenerationSource.LLM,
            pooled.get(),
            "Ready: proven earlier, written by " + client.get().model(),
            clock.instant());
        return;
      }
      if (budget.spent()) {
        store.event(
            id,
            GenerationStep.SEARCHING_BANK,
            "The server's daily budget for the model is spent and the pool has none left: the"
                + " built-in bank serves until midnight UTC",
            null,
            clock.instant());
        serveFromBank(generation, false);
        return;
      }
      var result =
          broker.write(
              client.get(),
              new LlmBroker.Spec(
                  generation.category(),
                  generation.difficulty(),
                  generation.language(),
                  generation.topicHint(),
                  id),
              LlmCalls.Purpose.REQUEST,
              clock.instant(),
              (step, outcome, message) ->
                  store.event(id, step, outcome, message, null, clock.instant()));
      if (result instanceof LlmBroker.Written written) {
        store.finishReady(
            id,
            GenerationSource.LLM,
            written.problemId(),
            "Ready: "
                + written.title()
                + ", proven in "
                + written.rounds()
                + (written.rounds() == 1 ? " round" : " rounds"),
            clock.instant());
      } else {
        store.finishFailed(
            id, ((LlmBroker.NotWritten) result).reason() + " " + BANK_OFFER, clock.instant());
      }
    } catch (RuntimeException e) {
      log.error("Generation {} failed on the server's side", id, e);
      store.finishFailed(
          id,
          "Something went wrong on the server while preparing this problem; start another"
              + " generation.",
          clock.instant());
    } finally {
      working.remove(id);
    }
  }

  private void serveFromBank(Generation generation, boolean announce) {
    var id = generation.id();
    if (announce) {
      store.event(
          id,
          GenerationStep.SEARCHING_BANK,
          "Looking for "
              + article(generation.difficulty().label().toLowerCase(Locale.ROOT))
              + " "
              + generation.category().label()
              + " problem you have not tried in the built-in bank",
          null,
          clock.instant());
    }
    var outcome =
        bank.pick(
            generation.category(),
            generation.difficulty(),
            generation.topicHint(),
            attempted.problemIds(generation.account()),
            store.servedProblemIds(generation.account()));
    if (outcome.problem().isPresent()) {
      var problem = outcome.problem().get();
      store.finishReady(
          id,
          GenerationSource.BANK,
          problem.id(),
          "Ready: " + problem.title() + ", from the built-in bank",
          clock.instant());
      return;
    }
    var difficulty = generation.difficulty().label().toLowerCase(Locale.ROOT);
    var category = generation.category().label();
    var reason =
        outcome.matching() == 0
            ? NO_MATCH.formatted(difficulty, category)
            : NOTHING_LEFT.formatted(outcome.matching(), difficulty, category);
    store.finishFailed(id, reason, clock.instant());
  }

  // Tells the database, every quarter of stale-after, which generations this instance works on.
  private void beat() {
    try {
      store.heartbeat(Set.copyOf(working), clock.instant());
    } catch (RuntimeException e) {
      log.warn("generation heartbeat failed: {}", e.toString());
    }
  }

  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  @PreDestroy
  void stop() {
    heartbeats.shutdownNow();
    runners.shutdownNow();
  }
}
