package dev.improview.platform;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.rate-limit.*} (docs/security.md, "Rate limits").
 *
 * @param enabled {@code false} turns every limit off (for a load test, never in production)
 * @param store {@code postgresql} (the default: buckets in the database every instance shares) or
 *     {@code memory} (this instance alone; for a single instance that would rather not write)
 * @param limits per limit id ({@code run}, {@code magic-link-email}, ...) a {@code capacity} and
 *     the {@code period} over which it refills; limits not named keep their defaults
 */
@ConfigurationProperties("improview.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("postgresql") String store,
    @DefaultValue Map<String, Limit> limits) {

  /**
   * One bucket's shape: at most {@code capacity} requests at once, refilled evenly over {@code
   * period}.
   */
  public record Limit(Integer capacity, Duration period) {
    public Limit {
      if (capacity != null && (capacity < 1 || capacity > 1_000_000)) {
        throw new IllegalArgumentException(
            "improview.rate-limit.limits.*.capacity must be between 1 and 1000000: " + capacity);
      }
      if (period != null
          && (period.isNegative() || period.isZero() || period.compareTo(Duration.ofDays(1)) > 0)) {
        throw new IllegalArgumentException(
            "improview.rate-limit.limits.*.period must be positive and at most 1d: " + period);
      }
    }
  }

  /** Where the buckets live. */
  public enum Store {
    POSTGRESQL,
    MEMORY
  }

  public RateLimitProperties {
    limits = Map.copyOf(limits);
    storeKind(store);
    limits.keySet().forEach(RateLimit::byId);
  }

  /** The defaults: every limit on, in PostgreSQL. */
  public static RateLimitProperties defaults() {
    return new RateLimitProperties(true, "postgresql", Map.of());
  }

  /** The same properties with one limit changed. */
  public RateLimitProperties with(RateLimit limit, int capacity, Duration period) {
    var changed = new java.util.HashMap<>(limits);
    changed.put(limit.id(), new Limit(capacity, period));
    return new RateLimitProperties(enabled, store, changed);
  }

  public Store storeKind() {
    return storeKind(store);
  }

  private static Store storeKind(String store) {
    return switch (store.strip().toLowerCase(Locale.ROOT)) {
      case "postgresql" -> Store.POSTGRESQL;
      case "memory" -> Store.MEMORY;
      default ->
          throw new IllegalArgumentException(
              "improview.rate-limit.store must be postgresql or memory: " + store);
    };
  }

  /** Every limit's capacity and period, defaults filled in. */
  public Map<RateLimit, Shape> shapes() {
    var shapes = new EnumMap<RateLimit, Shape>(RateLimit.class);
    var byLimit = new EnumMap<RateLimit, Limit>(RateLimit.class);
    limits.forEach((id, limit) -> byLimit.put(RateLimit.byId(id), limit));
    for (var limit : RateLimit.values()) {
      var configured = byLimit.get(limit);
      int capacity =
          configured == null || configured.capacity() == null
              ? limit.defaultCapacity()
              : configured.capacity();
      Duration period =
          configured == null || configured.period() == null
              ? limit.defaultPeriod()
              : configured.period();
      shapes.put(limit, new Shape(capacity, period));
    }
    return shapes;
  }

  /** A limit as it applies: {@code capacity} requests, refilled evenly over {@code period}. */
  public record Shape(int capacity, Duration period) {}
}
