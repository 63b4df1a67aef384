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
  private final int perMinute;
  private final int perDomainPerMinute;
  private long lastSend;
  private boolean sentAny;

  public Throttle(int perMinute, int perDomainPerMinute, LongSupplier nanoTime, Sleeper sleeper) {
    if (perMinute < 0 || perDomainPerMinute < 0) {
      throw new IllegalArgumentException("rates must be 0 (off) or more");
    }
    this.perMinute = perMinute;
    this.perDomainPerMinute = perDomainPerMinute;
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
    return await(domain, (reason, wait) -> { });
  }

  /** Told, before a wait begins, which limit it is for and how long it lasts. */
  @FunctionalInterface
  public interface Announcer {
    void waiting(String reason, Duration wait);
  }

  /**
   * As {@link #await(String)}, telling {@code announcer} before it waits which limit holds the message back:
   * {@code the limit of 6 messages a minute} or {@code the per-domain limit of example.org (2 a minute)}.
   */
  public synchronized Duration await(String domain, Announcer announcer) throws InterruptedException {
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
      boolean byDomain = lastToDomain != null && domainGap > 0 && earliest == lastToDomain + domainGap;
      announcer.waiting(byDomain ? "the per-domain limit of " + key + " (" + perDomainPerMinute + " a minute)"
          : "the limit of " + perMinute + " messages a minute", Duration.ofNanos(waited));
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
