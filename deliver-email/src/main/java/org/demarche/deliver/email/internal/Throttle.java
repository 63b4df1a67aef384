package org.demarche.deliver.email.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces messages evenly: at most {@code perMinute} a minute on the channel and {@code perDomainPerMinute}
 * a minute to one recipient domain, with no bursts (a mission's spam filter sees a steady trickle).
 * A limit of 0 switches that limit off. Time and sleeping are injected so that tests need not wait.
 */
public final class Throttle {

  /** Waits; the real one is {@link Thread#sleep}. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
  }

  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  private final long channelGap;
  private final long domainGap;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final Map<String, Long> lastByDomain = new HashMap<>();
  private long lastSend;
  private boolean sentAny;

  public Throttle(int perMinute, int perDomainPerMinute, LongSupplier nanoTime, Sleeper sleeper) {
    if (perMinute < 0 || perDomainPerMinute < 0) {
      throw new IllegalArgumentException("rates must be 0 (off) or more");
    }
    this.channelGap = perMinute == 0 ? 0 : MINUTE_NANOS / perMinute;
    this.domainGap = perDomainPerMinute == 0 ? 0 : MINUTE_NANOS / perDomainPerMinute;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  public static Throttle real(int perMinute, int perDomainPerMinute) {
    return new Throttle(perMinute, perDomainPerMinute, System::nanoTime, Sleeper.REAL);
  }

  /** True when neither limit is on. */
  public boolean off() {
    return channelGap == 0 && domainGap == 0;
  }

  /**
   * Blocks until a message to {@code domain} may go, then counts it as sent now.
   *
   * @return how long it waited
   * @throws InterruptedException when interrupted while waiting (nothing is counted)
   */
  public synchronized Duration await(String domain) throws InterruptedException {
    if (off()) {
      return Duration.ZERO;
    }
    String key = domain.toLowerCase(Locale.ROOT);
    long now = nanoTime.getAsLong();
    long earliest = now;
    if (sentAny && channelGap > 0) {
      earliest = Math.max(earliest, lastSend + channelGap);
    }
    Long lastToDomain = lastByDomain.get(key);
    if (lastToDomain != null && domainGap > 0) {
      earliest = Math.max(earliest, lastToDomain + domainGap);
    }
    long waited = earliest - now;
    if (waited > 0) {
      sleeper.sleep(Duration.ofNanos(waited));
    }
    long sentAt = Math.max(earliest, nanoTime.getAsLong());
    lastSend = sentAt;
    sentAny = true;
    if (domainGap > 0) {
      lastByDomain.put(key, sentAt);
      if (lastByDomain.size() > 10_000) {
        lastByDomain.values().removeIf(t -> sentAt - t >= domainGap);
      }
    }
    return Duration.ofNanos(Math.max(0, waited));
  }
}
