package org.demarche.core.spi;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces events under a key (the messages on one SMTP server, the messages to one recipient domain): each
 * {@link #take} gets the next free slot, {@code spacing} after the previous slot under that key. Whoever shares one
 * pace shares its slots: the in-process pace serves one runner; a journal shared by several runners (PostgreSQL)
 * provides one that holds across all of them ({@link DeliveryJournal#pace()}). A channel takes one slot per message
 * and waits until it, so no number of threads or connections sends faster than the spacing.
 *
 * <p>Implementations are thread-safe.
 */
public interface Pace {

  /**
   * Takes the next slot under {@code key}: at least {@code spacing} after the last slot taken under it, and not
   * before {@code notBefore} from now. The slot is taken whether or not the caller uses it.
   *
   * @return how long from now until the slot (zero when it is now)
   */
  Duration take(String key, Duration spacing, Duration notBefore);

  /** A pace kept in this process, on {@link System#nanoTime()}. */
  static Pace inProcess() {
    return inProcess(System::nanoTime);
  }

  /** A pace kept in this process on the given clock of nanoseconds (tests pass a fake one). */
  static Pace inProcess(LongSupplier nanoTime) {
    return new InProcessPace(nanoTime);
  }
}
