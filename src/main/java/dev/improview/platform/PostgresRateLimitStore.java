package dev.improview.platform;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in {@code rate_limit_bucket} (V11), each read and written under a transaction-scoped
 * advisory lock on its key, so two instances taking from one bucket at once take two tokens. A row
 * expires a minute after its bucket would be full again, and is deleted then: a full bucket is the
 * same as none.
 */
final class PostgresRateLimitStore implements RateLimitStore {

  private static final Logger log = LoggerFactory.getLogger(PostgresRateLimitStore.class);
  private static final int CLEAN_BATCH = 1_000;

  private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;
  private final ScheduledExecutorService cleaner =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("rate-limit-cleaner"));

  PostgresRateLimitStore(DataSource dataSource) {
    this.buckets =
        Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .lockColumn("explicit_lock")
            // The key ends with the subject's SHA-256; 64 bits of it name the lock.
            .lockIdSupplier(PostgresRateLimitStore::lockId)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
    cleaner.scheduleWithFixedDelay(this::removeExpired, 1, 5, TimeUnit.MINUTES);
  }

  static long lockId(String key) {
    return Long.parseUnsignedLong(key.substring(key.length() - 16), 16);
  }

  @Override
  public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long version) {
    return buckets
        .builder()
        .withImplicitConfigurationReplacement(version, RateLimiter.INHERITANCE)
        .build(key, () -> configuration)
        .tryConsumeAndReturnRemaining(1);
  }

  /** Deletes the rows of buckets that have been full for a while; returns how many. */
  int removeExpired() {
    int removed = 0;
    try {
      int batch;
      do {
        batch = buckets.removeExpired(CLEAN_BATCH);
        removed += batch;
      } while (batch == CLEAN_BATCH);
    } catch (RuntimeException e) {
      // The next round tries again; a stale row only means a bucket that is already full.
      log.warn("Could not delete expired rate-limit buckets: {}", e.getMessage());
    }
    return removed;
  }

  @Override
  public void close() {
    cleaner.shutdownNow();
  }
}
