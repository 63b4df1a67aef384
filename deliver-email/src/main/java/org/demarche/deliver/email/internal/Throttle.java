package org.demarche.deliver.email.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.demarche.core.spi.Pace;

/**
 * Spaces messages evenly: at most {@code perMinute} a minute on the channel and {@code perDomainPerMinute}
 * a minute to one recipient domain, with no bursts (a mission's spam filter sees a steady trickle).
 * A limit of 0 switches that limit off. The slots come from a {@link Pace}: in-process by default, shared by
 * every runner of a PostgreSQL journal. Each message takes one slot of each limit, so any number of threads
 * (one per pooled connection) together keep to the limits. Time and sleeping are injected so that tests need
 * not wait. Thread-safe: threads wait for their own slots at the same time.
 */
public final class Throttle {

  /** Waits; the real one is {@link Thread#sleep}. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
  }

  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  private final Duration channelGap;
  private final Duration domainGap;
  private final Pace pace;
  private final String server;
  private final Sleeper sleeper;
  private final int perMinute;
  private final int perDomainPerMinute;

  /** A throttle on an in-process pace of the given clock (tests). */
  public Throttle(int perMinute, int perDomainPerMinute, LongSupplier nanoTime, Sleeper sleeper) {
    this(perMinute, perDomainPerMinute, Pace.inProcess(nanoTime), "smtp", sleeper);
  }

  /**
   * A throttle taking its slots from {@code pace} under keys of {@code server} (host:port): runners sending through
   * one server share its limits.
   */
  public Throttle(int perMinute, int perDomainPerMinute, Pace pace, String server, Sleeper sleeper) {
    if (perMinute < 0 || perDomainPerMinute < 0) {
      throw new IllegalArgumentException("rates must be 0 (off) or more");
    }
    this.perMinute = perMinute;
    this.perDomainPerMinute = perDomainPerMinute;
    this.channelGap = Duration.ofNanos(perMinute == 0 ? 0 : MINUTE_NANOS / perMinute);
    this.domainGap = Duration.ofNanos(perDomainPerMinute == 0 ? 0 : MINUTE_NANOS / perDomainPerMinute);
    this.pace = pace;
    this.server = server;
    this.sleeper = sleeper;
  }

  public static Throttle real(int perMinute, int perDomainPerMinute) {
    return real(perMinute, perDomainPerMinute, Pace.inProcess(), "smtp");
  }

  public static Throttle real(int perMinute, int perDomainPerMinute, Pace pace, String server) {
    return new Throttle(perMinute, perDomainPerMinute, pace, server, Sleeper.REAL);
  }

  /** True when neither limit is on. */
  public boolean off() {
    return channelGap.isZero() && domainGap.isZero();
  }

  /**
   * Blocks until a message to {@code domain} may go, then counts it as sent now.
   *
   * @return how long it waited
   * @throws InterruptedException when interrupted while waiting (its slots are spent)
   */
  public Duration await(String domain) throws InterruptedException {
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
  public Duration await(String domain, Announcer announcer) throws InterruptedException {
    if (off()) {
      return Duration.ZERO;
    }
    String key = domain.toLowerCase(Locale.ROOT);
    // The domain's slot first, then the channel's slot not before it: the message goes at the channel's slot,
    // so messages on the channel are never closer than its spacing, whichever domain they go to.
    Duration byDomain = domainGap.isZero() ? Duration.ZERO
        : pace.take(server + " domain " + key, domainGap, Duration.ZERO);
    Duration wait = channelGap.isZero() ? byDomain : pace.take(server, channelGap, byDomain);
    if (!wait.isZero() && !wait.isNegative()) {
      boolean domainHolds = !domainGap.isZero() && byDomain.compareTo(wait) >= 0;
      announcer.waiting(domainHolds ? "the per-domain limit of " + key + " (" + perDomainPerMinute + " a minute)"
          : "the limit of " + perMinute + " messages a minute", wait);
      sleeper.sleep(wait);
    }
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
