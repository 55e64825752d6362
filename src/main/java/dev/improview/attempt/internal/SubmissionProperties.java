package dev.improview.attempt.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.submissions.*}: how submissions survive a runner that dies (docs/api.md,
 * "Submissions").
 *
 * @param lease how long a runner's claim on a submission holds without renewal; renewed every third
 *     of it while the runner judges, so a lapsed lease means a dead runner
 * @param sweepInterval how often each instance looks for queued submissions and lapsed leases
 * @param maxClaims how many times a submission may be claimed before it is {@code failed_to_run}
 * @param sweepRunners how many submissions one instance judges at once from its sweeps (requests
 *     judge their own submission on their own thread)
 */
@ConfigurationProperties("improview.submissions")
record SubmissionProperties(
    @DefaultValue("30s") Duration lease,
    @DefaultValue("5s") Duration sweepInterval,
    @DefaultValue("3") int maxClaims,
    @DefaultValue("2") int sweepRunners) {

  SubmissionProperties {
    requirePositive(lease, "lease");
    requirePositive(sweepInterval, "sweep-interval");
    if (lease.toMillis() < 300) {
      throw new IllegalArgumentException(
          "improview.submissions.lease must be at least 300ms: " + lease);
    }
    if (maxClaims < 1) {
      throw new IllegalArgumentException(
          "improview.submissions.max-claims must be at least 1: " + maxClaims);
    }
    if (sweepRunners < 1) {
      throw new IllegalArgumentException(
          "improview.submissions.sweep-runners must be at least 1: " + sweepRunners);
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "improview.submissions." + key + " must be positive: " + value);
    }
  }
}
