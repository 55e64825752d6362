package dev.improview.platform;

import java.time.Duration;

/**
 * The server's rate limits (docs/security.md, "Rate limits"): each a token bucket of {@code
 * capacity} requests refilled evenly over {@code period}, kept per subject (an email, an address,
 * an account). Each is configurable under {@code improview.rate-limit.limits.<id>}.
 */
public enum RateLimit {
  /** Sign-in links mailed to one address, whoever asks: nobody's inbox is flooded. */
  MAGIC_LINK_EMAIL("magic-link-email", 5, Duration.ofMinutes(15), "sign-in links for this email"),
  /** Sign-in links asked for from one client address, for any emails. */
  MAGIC_LINK_IP("magic-link-ip", 20, Duration.ofMinutes(15), "sign-in links from your address"),
  /** Sign-in attempts (a link's token, a passkey assertion) from one client address. */
  SIGN_IN_IP("sign-in-ip", 30, Duration.ofMinutes(15), "sign-in attempts from your address"),
  /** Runs of public or custom tests by one account: each costs a sandbox. */
  RUN("run", 30, Duration.ofMinutes(1), "runs"),
  /** Submissions against the hidden tests by one account. */
  SUBMISSION("submission", 10, Duration.ofMinutes(1), "submissions"),
  /** Problem generations started by one account (the daily quota is counted apart). */
  GENERATION("generation", 5, Duration.ofMinutes(10), "generations"),
  /**
   * Draft saves and resets by one account: the page sends one a second at most while typing, the
   * server does not rely on it.
   */
  DRAFT("draft", 120, Duration.ofMinutes(1), "draft saves");

  private final String id;
  private final int defaultCapacity;
  private final Duration defaultPeriod;
  private final String what;

  RateLimit(String id, int defaultCapacity, Duration defaultPeriod, String what) {
    this.id = id;
    this.defaultCapacity = defaultCapacity;
    this.defaultPeriod = defaultPeriod;
    this.what = what;
  }

  /** The name in configuration and in stored bucket keys. */
  public String id() {
    return id;
  }

  int defaultCapacity() {
    return defaultCapacity;
  }

  Duration defaultPeriod() {
    return defaultPeriod;
  }

  /** What is being counted, for the {@code 429}'s detail ("Too many runs: ..."). */
  String what() {
    return what;
  }

  // Environment variables cannot carry a dash (IMPROVIEW_RATELIMIT_LIMITS_MAGICLINKEMAIL_CAPACITY
  // binds the key "magiclinkemail"), so ids match without their dashes too.
  static RateLimit byId(String id) {
    var wanted = id.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    for (var limit : values()) {
      if (limit.id.replace("-", "").equals(wanted)) {
        return limit;
      }
    }
    throw new IllegalArgumentException(
        "improview.rate-limit.limits has no limit named '"
            + id
            + "'; the limits are "
            + java.util.Arrays.stream(values()).map(RateLimit::id).toList());
  }
}
