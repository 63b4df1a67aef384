package org.demarche.journal.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.demarche.core.spi.Pace;

/**
 * A rate limit that holds across every runner of one database: each message under a key (the channel, a recipient
 * domain) takes the next free slot, one {@code spacing} after the previous one, whichever runner sends it. A slot
 * is taken in one statement on a row of {@code demarche_pace}, so two runners never get the same one.
 *
 * <p>Thread-safe.
 */
public final class SharedPace implements Pace {
  // next_at is the first free slot; the slot taken is GREATEST(next_at, now + notBefore), and next_at moves one
  // spacing past it. The server's clock is the only one, so runners' clocks need not agree.
  private static final String TAKE = "INSERT INTO demarche_pace AS p (key, next_at)"
      + " VALUES (?, clock_timestamp() + (?::bigint + ?::bigint) * interval '1 ms')"
      + " ON CONFLICT (key) DO UPDATE SET next_at = GREATEST(p.next_at, clock_timestamp() + ?::bigint * interval '1 ms')"
      + " + ?::bigint * interval '1 ms'"
      + " RETURNING next_at - ?::bigint * interval '1 ms', clock_timestamp()";

  private final DataSource db;

  SharedPace(DataSource db) {
    this.db = db;
  }

  /**
   * Takes the next slot under {@code key}, {@code spacing} after the last one taken by any runner.
   *
   * @return how long to wait from now until the slot (zero when it is now)
   */
  public Duration take(String key, Duration spacing) {
    return take(key, spacing, Duration.ZERO);
  }

  /** Takes the next slot under {@code key}, {@code spacing} after the last one and not before {@code notBefore}. */
  @Override
  public Duration take(String key, Duration spacing, Duration notBefore) {
    long ms = spacing.toMillis();
    long after = notBefore.toMillis();
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(TAKE)) {
      s.setString(1, key);
      s.setLong(2, after);
      s.setLong(3, ms);
      s.setLong(4, after);
      s.setLong(5, ms);
      s.setLong(6, ms);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        Instant slot = r.getTimestamp(1).toInstant();
        Instant now = r.getTimestamp(2).toInstant();
        return slot.isAfter(now) ? Duration.between(now, slot) : Duration.ZERO;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take a sending slot for " + key + " in PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** Takes the next slot under {@code key} and sleeps until it comes. */
  public void await(String key, Duration spacing) throws InterruptedException {
    Duration wait = take(key, spacing);
    if (!wait.isZero()) {
      Thread.sleep(wait.toMillis());
    }
  }
}
