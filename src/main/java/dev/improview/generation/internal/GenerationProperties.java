package dev.improview.generation.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.generation.*}.
 *
 * @param dailyQuota generations one account may start per UTC day; past it, {@code 429}
 * @param staleAfter how long a running generation may go without its instance's heartbeat (sent
 *     every quarter of it) or a step before a reader reports it failed: its server stopped while it
 *     ran
 * @param streamPoll how often an open progress stream looks for new steps
 * @param streamTimeout how long a progress stream stays open without reaching the end
 * @param runners how many generations one server works on at once; the rest wait their turn
 * @param maxRounds drafts the model may write for one problem: the first and its repairs
 * @param largeTests hidden tests added to each draft from its own generator at scale large
 * @param poolSize proven, unserved problems kept per category and difficulty when a model is
 *     configured (0: none; every request is written live)
 * @param poolRefillEvery how often the pool is looked at and topped up
 * @param dailyBudgetUsd what the model may cost the whole server per UTC day; past it only the pool
 *     and the bank serve
 * @param alertAtFraction the share of the daily budget at which a warning is logged and the {@code
 *     improview.generation.budget.alert} gauge turns 1
 * @param inputUsdPerMillionTokens the model's price for prompt tokens, for the cost estimate
 * @param outputUsdPerMillionTokens the model's price for completion tokens
 * @param maxSimilarity how alike (0-1, trigram Jaccard of title and statement) a draft may be to a
 *     stored problem before it is sent back for a different one
 */
@ConfigurationProperties("improview.generation")
record GenerationProperties(
    @DefaultValue("20") int dailyQuota,
    @DefaultValue("2m") Duration staleAfter,
    @DefaultValue("200ms") Duration streamPoll,
    @DefaultValue("10m") Duration streamTimeout,
    @DefaultValue("2") int runners,
    @DefaultValue("3") int maxRounds,
    @DefaultValue("2") int largeTests,
    @DefaultValue("2") int poolSize,
    @DefaultValue("1m") Duration poolRefillEvery,
    @DefaultValue("5.00") BigDecimal dailyBudgetUsd,
    @DefaultValue("0.8") double alertAtFraction,
    @DefaultValue("2.50") BigDecimal inputUsdPerMillionTokens,
    @DefaultValue("10.00") BigDecimal outputUsdPerMillionTokens,
    @DefaultValue("0.6") double maxSimilarity) {

  GenerationProperties {
    atLeast("daily-quota", dailyQuota, 0);
    atLeast("runners", runners, 1);
    atLeast("max-rounds", maxRounds, 1);
    atLeast("large-tests", largeTests, 0);
    atLeast("pool-size", poolSize, 0);
    positive("stale-after", staleAfter);
    positive("stream-poll", streamPoll);
    positive("stream-timeout", streamTimeout);
    positive("pool-refill-every", poolRefillEvery);
    notNegative("daily-budget-usd", dailyBudgetUsd);
    notNegative("input-usd-per-million-tokens", inputUsdPerMillionTokens);
    notNegative("output-usd-per-million-tokens", outputUsdPerMillionTokens);
    if (!(alertAtFraction > 0 && alertAtFraction <= 1)) {
      throw new IllegalArgumentException(
          "improview.generation.alert-at-fraction must be in (0, 1]: " + alertAtFraction);
    }
    if (!(maxSimilarity > 0 && maxSimilarity <= 1)) {
      throw new IllegalArgumentException(
          "improview.generation.max-similarity must be in (0, 1]: " + maxSimilarity);
    }
  }

  /** The estimated cost of a call, in millionths of a US dollar. */
  long costMicros(long promptTokens, long completionTokens) {
    // USD per million tokens times tokens is micro-USD: the millions cancel.
    return inputUsdPerMillionTokens
        .multiply(BigDecimal.valueOf(promptTokens))
        .add(outputUsdPerMillionTokens.multiply(BigDecimal.valueOf(completionTokens)))
        .setScale(0, java.math.RoundingMode.CEILING)
        .longValueExact();
  }

  long dailyBudgetMicros() {
    return dailyBudgetUsd.movePointRight(6).setScale(0, java.math.RoundingMode.FLOOR).longValue();
  }

  private static void atLeast(String name, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(
          "improview.generation." + name + " must be " + least + " or more: " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "improview.generation." + name + " must be positive: " + value);
    }
  }

  private static void notNegative(String name, BigDecimal value) {
    if (value == null || value.signum() < 0) {
      throw new IllegalArgumentException(
          "improview.generation." + name + " must be 0 or more: " + value);
    }
  }
}
