package dev.improview.platform;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where {@link RateLimiter}'s buckets live: PostgreSQL for all instances, or this one's memory. */
interface RateLimitStore extends AutoCloseable {

  /**
   * Takes one token from the bucket {@code key}, creating it with {@code configuration} (or
   * carrying it over to that configuration when it was made under another {@code version}).
   */
  ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long version);

  @Override
  void close();
}
