package org.demarche.core.spi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/** {@link Pace#inProcess()}: the next free slot of each key, in nanoseconds of one clock. */
final class InProcessPace implements Pace {
  /** Keys whose next slot is this far in the past are forgotten (a campaign may reach thousands of domains). */
  private static final int FORGET_ABOVE = 10_000;
  private final LongSupplier nanoTime;
  private final Map<String, Long> next = new HashMap<>();

  InProcessPace(LongSupplier nanoTime) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  @Override
  public synchronized Duration take(String key, Duration spacing, Duration notBefore) {
    Objects.requireNonNull(key, "key");
    if (spacing.isNegative() || notBefore.isNegative()) {
      throw new IllegalArgumentException("spacing and notBefore must not be negative");
    }
    long now = nanoTime.getAsLong();
    long slot = now + notBefore.toNanos();
    Long free = next.get(key);
    if (free != null && free - slot > 0) {
      slot = free;
    }
    next.put(key, slot + spacing.toNanos());
    if (next.size() > FORGET_ABOVE) {
      next.values().removeIf(t -> t - now <= 0);
    }
    return Duration.ofNanos(slot - now);
  }
}
