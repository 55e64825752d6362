package dev.improview.platform;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The server's rate limits (docs/security.md, "Rate limits"): Bucket4j token buckets, one per
 * {@link RateLimit} and subject, kept in PostgreSQL so every instance counts against the same
 * bucket (or in this instance's memory with {@code improview.rate-limit.store=memory}). Subjects
 * are stored as SHA-256 digests: the table holds no email or address.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  private final RateLimitProperties properties;
  private final Map<RateLimit, RateLimitProperties.Shape> shapes;
  private final RateLimitStore store;

  RateLimiter(RateLimitProperties properties, DataSource dataSource) {
    this.properties = properties;
    this.shapes = properties.shapes();
    this.store =
        switch (properties.storeKind()) {
          case POSTGRESQL -> new PostgresRateLimitStore(dataSource);
          case MEMORY -> new MemoryRateLimitStore();
        };
    log.info(
        "Rate limits {} ({}): {}",
        properties.enabled() ? "on" : "OFF",
        properties.storeKind().name().toLowerCase(java.util.Locale.ROOT),
        shapes);
  }

  /**
   * Takes one request from {@code subject}'s bucket for {@code limit}.
   *
   * @throws RateLimitedException when the bucket is empty ({@code 429} with {@code Retry-After})
   */
  public void consume(RateLimit limit, String subject) {
    if (!properties.enabled()) {
      return;
    }
    var shape = shapes.get(limit);
    ConsumptionProbe probe =
        store.tryConsume(key(limit, subject), configuration(shape), version(shape));
    if (!probe.isConsumed()) {
      throw new RateLimitedException(
          limit, shape, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  /** The capacity and period {@code limit} applies, defaults filled in. */
  public RateLimitProperties.Shape shape(RateLimit limit) {
    return shapes.get(limit);
  }

  // The limit's id stays readable (an operator can count rows per limit); the subject does not.
  static String key(RateLimit limit, String subject) {
    return limit.id() + ":" + Sha256.hex(subject.getBytes(StandardCharsets.UTF_8));
  }

  private static BucketConfiguration configuration(RateLimitProperties.Shape shape) {
    return BucketConfiguration.builder()
        .addLimit(
            bandwidth ->
                bandwidth.capacity(shape.capacity()).refillGreedy(shape.capacity(), shape.period()))
        .build();
  }

  // A stored bucket made under another shape is carried over to the configured one (tokens kept in
  // proportion), so changing a limit takes effect without clearing the table.
  private static long version(RateLimitProperties.Shape shape) {
    return ((long) shape.capacity() << 40) ^ shape.period().toMillis();
  }

  static final TokensInheritanceStrategy INHERITANCE = TokensInheritanceStrategy.PROPORTIONALLY;

  @Override
  @jakarta.annotation.PreDestroy
  public void close() {
    store.close();
  }
}
