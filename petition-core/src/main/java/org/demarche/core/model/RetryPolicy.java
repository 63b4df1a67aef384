package org.demarche.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for transient delivery failures, bounded by a number of
 * attempts and a total time.
 *
 * @param maxAttempts attempts per letter in one run, including the first (1 = no retry)
 * @param initialBackoff the wait before the second attempt (before jitter)
 * @param maxBackoff the longest single wait
 * @param maxTotal the most time one letter may spend retrying in one run
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {
  /** The most attempts per letter in one run. */
  public static final int MAX_ATTEMPTS = 100;
  /** The longest single wait: longer is no retry but a stalled run (an hour is what a greylisting server asks at most). */
  public static final Duration MAX_BACKOFF = Duration.ofHours(1);
  /** The most time one letter may spend retrying in one run. */
  public static final Duration MAX_TOTAL = Duration.ofDays(1);

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("delivery.retry.maxAttempts must be between 1 and " + MAX_ATTEMPTS + ", not "
          + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxTotal, "maxTotal");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxTotal.isNegative()) {
      throw new IllegalArgumentException("retry durations must be positive and maxBackoff >= initialBackoff");
    }
    if (maxBackoff.compareTo(MAX_BACKOFF) > 0 || maxTotal.compareTo(MAX_TOTAL) > 0) {
      throw new IllegalArgumentException("retry waits must be at most " + MAX_BACKOFF.toSeconds() + " s each and "
          + MAX_TOTAL.toSeconds() + " s in all, not " + maxBackoff.toSeconds() + " s and " + maxTotal.toSeconds() + " s");
    }
  }

  /** Five attempts, from 2 s up to 60 s apart, at most 5 minutes a letter. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(5));
  }

  /** The ceiling of the wait after failed attempt number {@code attempt} (1-based): initial × 2^(attempt-1), capped. */
  public Duration ceilingAfter(int attempt) {
    long base = initialBackoff.toMillis();
    long shifted = attempt >= 31 ? Long.MAX_VALUE : base << Math.max(0, attempt - 1);
    if (shifted < 0 || shifted > maxBackoff.toMillis()) {
      shifted = maxBackoff.toMillis();
    }
    return Duration.ofMillis(shifted);
  }

  /** The wait after failed attempt {@code attempt}: uniformly random between half the ceiling and the ceiling. */
  public Duration backoffAfter(int attempt) {
    long ceiling = ceilingAfter(attempt).toMillis();
    long half = ceiling / 2;
    return Duration.ofMillis(half + (ceiling > half ? ThreadLocalRandom.current().nextLong(ceiling - half + 1) : 0));
  }
}
