package dev.improview.generation.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The whole server's daily budget for the model, counted from {@code llm_call} (so every instance
 * sees the same spend): spent once today's calls reach {@code daily-budget-usd}. Crossing {@code
 * alert-at-fraction} of it logs a warning once a day. Exported: {@code
 * improview.generation.cost.usd}, {@code improview.generation.calls} and {@code
 * improview.generation.tokens} by kind (counters), and gauges {@code
 * improview.generation.budget.spent.usd} and {@code improview.generation.budget.alert} (1 past the
 * alert threshold).
 */
@Component
class Budget {

  private static final Logger log = LoggerFactory.getLogger(Budget.class);

  private final LlmCalls calls;
  private final GenerationProperties properties;
  private final Clock clock;
  private final Counter cost;
  private final Counter made;
  private final Counter promptTokens;
  private final Counter completionTokens;
  private final AtomicReference<LocalDate> alerted = new AtomicReference<>();

  Budget(LlmCalls calls, GenerationProperties properties, Clock clock, MeterRegistry meters) {
    this.calls = calls;
    this.properties = properties;
    this.clock = clock;
    this.cost =
        Counter.builder("improview.generation.cost.usd")
            .description("Estimated cost of the calls to the model")
            .register(meters);
    this.made =
        Counter.builder("improview.generation.calls")
            .description("Calls to the model")
            .register(meters);
    this.promptTokens =
        Counter.builder("improview.generation.tokens")
            .tag("kind", "prompt")
            .description("Tokens the model was sent")
            .register(meters);
    this.completionTokens =
        Counter.builder("improview.generation.tokens")
            .tag("kind", "completion")
            .description("Tokens the model wrote")
            .register(meters);
    Gauge.builder("improview.generation.budget.spent.usd", this, b -> b.spentToday() / 1e6)
        .description("What today's calls to the model cost, all instances")
        .register(meters);
    Gauge.builder("improview.generation.budget.alert", this, b -> b.alerting() ? 1 : 0)
        .description("1 once today's spend passes the alert threshold")
        .register(meters);
  }

  /** True once today's calls have cost the daily budget. */
  boolean spent() {
    return spentToday() >= properties.dailyBudgetMicros();
  }

  /** A call was made with these tokens at this cost: counted, and the alert looked at. */
  void spend(long prompt, long completion, long costMicros) {
    cost.increment(costMicros / 1e6);
    made.increment();
    promptTokens.increment(prompt);
    completionTokens.increment(completion);
    if (alerting()) {
      var today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
      var before = alerted.getAndSet(today);
      if (!today.equals(before)) {
        log.warn(
            "generation: today's model spend is {} USD of a daily budget of {} USD (alert at {}%)",
            String.format(java.util.Locale.ROOT, "%.4f", spentToday() / 1e6),
            properties.dailyBudgetUsd(),
            Math.round(properties.alertAtFraction() * 100));
      }
    }
  }

  long spentToday() {
    return calls.spentSince(Generations.dayStart(clock.instant()));
  }

  private boolean alerting() {
    return spentToday() >= properties.alertAtFraction() * properties.dailyBudgetMicros();
  }
}
