package dev.improview.platform;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Buckets in this instance's memory ({@code improview.rate-limit.store=memory}): right for one
 * instance only, since another would count apart. Full buckets are dropped every minute, so the map
 * holds only subjects that have asked lately.
 */
final class MemoryRateLimitStore implements RateLimitStore {

  private record Entry(Bucket bucket, long capacity) {}

  private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("rate-limit-sweeper"));

  MemoryRateLimitStore() {
    sweeper.scheduleWithFixedDelay(this::dropFull, 1, 1, TimeUnit.MINUTES);
  }

  @Override
  public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long version) {
    var entry =
        buckets.computeIfAbsent(
            key,
            k ->
                new Entry(
                    Bucket.builder().addLimit(configuration.getBandwidths()[0]).build(),
                    configuration.getBandwidths()[0].getCapacity()));
    return entry.bucket().tryConsumeAndReturnRemaining(1);
  }

  /** Forgets the buckets that are full again; returns how many are left. */
  int dropFull() {
    buckets.values().removeIf(entry -> entry.bucket().getAvailableTokens() >= entry.capacity());
    return buckets.size();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
