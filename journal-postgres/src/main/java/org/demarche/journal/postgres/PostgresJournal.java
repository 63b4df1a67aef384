package org.demarche.journal.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.spi.DeliveryJournal;
import org.demarche.core.spi.Pace;

/**
 * The journal of one campaign on one channel in PostgreSQL, as one runner sees it. Every {@link #record} is one
 * committed transaction (durable before it returns, with the server's default {@code synchronous_commit}).
 *
 * <p>Several runners share a campaign through leases: {@link #claim} locks the letter's row
 * ({@code SELECT … FOR UPDATE SKIP LOCKED}: a row another runner is claiming right now is skipped, not waited for),
 * checks that its record is still what this runner read and that no other runner's lease on it is live, and leases
 * it to this runner until {@code now() + lease}. A daemon thread renews this runner's leases every third of the
 * lease. Recording any state but {@code SENDING} ends the lease; a runner that dies leaves its leases to expire, and
 * a letter whose lease expired while {@code SENDING} stays {@code SENDING}: in doubt, never claimed again unless a
 * run resends what is in doubt. Times of leases are the server's, so runners' clocks need not agree.
 *
 * <p>Thread-safe.
 */
public final class PostgresJournal implements DeliveryJournal {
  private final DataSource db;
  private final String campaign;
  private final String channel;
  private final String runner;
  private final Duration lease;
  private final ScheduledExecutorService renewer;

  PostgresJournal(DataSource db, String campaign, String channel, String runner, Duration lease) {
    this.db = db;
    this.campaign = campaign;
    this.channel = channel;
    this.runner = runner;
    this.lease = lease;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "demarche-lease-renewer");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(100, lease.toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /** Who this runner is in the journal's leases and entries. */
  public String runner() {
    return runner;
  }

  /** The pace of this database: rate limits hold across every runner that uses it ({@link SharedPace}). */
  @Override
  public Pace pace() {
    return new SharedPace(db);
  }

  @Override
  public Map<String, LetterStatus> statuses() {
    return read("");
  }

  /** Every letter but those under another runner's live lease (that runner is sending them, or about to). */
  @Override
  public Map<String, LetterStatus> statusesForRun() {
    return read(" AND NOT (lease_owner IS NOT NULL AND lease_owner <> ? AND lease_until > clock_timestamp())");
  }

  private Map<String, LetterStatus> read(String condition) {
    Map<String, LetterStatus> all = new LinkedHashMap<>();
    String sql = "SELECT letter, state, at, attempts, message_id, detail FROM demarche_letter"
        + " WHERE campaign = ? AND channel = ?" + condition + " ORDER BY letter";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, campaign);
      s.setString(2, channel);
      if (!condition.isEmpty()) {
        s.setString(3, runner);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          all.put(r.getString(1), new LetterStatus(r.getString(1), LetterState.valueOf(r.getString(2)),
              r.getTimestamp(3).toInstant(), r.getInt(4), Optional.ofNullable(r.getString(5)),
              Optional.ofNullable(r.getString(6))));
        }
      }
    } catch (SQLException e) {
      throw failure("read the journal", e);
    }
    return Collections.unmodifiableMap(all);
  }

  @Override
  public void record(JournalEntry entry) {
    recordAll(List.of(entry));
  }

  /** Records every entry in one transaction: all of them or none. */
  @Override
  public void recordAll(List<JournalEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement log = c.prepareStatement(Sql.LOG); PreparedStatement upsert = c.prepareStatement(Sql.UPSERT);
          PreparedStatement plan = c.prepareStatement(Sql.PLAN)) {
        for (JournalEntry e : entries) {
          bind(log, e, 1);
          log.setString(9, runner);
          log.addBatch();
          PreparedStatement s = e.state() == LetterState.PLANNED ? plan : upsert;
          bind(s, e, 1);
          s.setString(9, e.state() == LetterState.SENDING ? runner : null);
          s.setLong(10, e.state() == LetterState.SENDING ? lease.toMillis() : 0);
          s.addBatch();
        }
        log.executeBatch();
        plan.executeBatch();
        upsert.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("record in the journal (nothing more is sent)", e);
    }
  }

  private void bind(PreparedStatement s, JournalEntry e, int from) throws SQLException {
    s.setString(from, campaign);
    s.setString(from + 1, channel);
    s.setString(from + 2, e.letterId());
    s.setString(from + 3, e.state().name());
    s.setTimestamp(from + 4, Timestamp.from(e.at()));
    s.setInt(from + 5, e.attempt());
    s.setString(from + 6, e.messageId().orElse(null));
    s.setString(from + 7, e.detail().map(d -> d.length() > 2000 ? d.substring(0, 2000) : d).orElse(null));
  }

  /** One committed insert (V2 of the schema): beside the letter's state, which it leaves as it is. */
  @Override
  public void recordOutcome(LetterOutcome o) {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(Sql.OUTCOME)) {
      s.setString(1, campaign);
      s.setString(2, channel);
      s.setString(3, o.letterId());
      s.setString(4, o.kind().name());
      s.setObject(5, o.on());
      s.setTimestamp(6, Timestamp.from(o.recordedAt()));
      s.setString(7, o.reference().orElse(null));
      s.setString(8, o.note().orElse(null));
      s.setString(9, runner);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure("record the outcome of letter " + o.letterId(), e);
    }
  }

  @Override
  public List<LetterOutcome> outcomes() {
    List<LetterOutcome> all = new java.util.ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(Sql.OUTCOMES)) {
      s.setString(1, campaign);
      s.setString(2, channel);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          all.add(new LetterOutcome(r.getString(1), LetterOutcome.Kind.valueOf(r.getString(2)),
              r.getObject(3, java.time.LocalDate.class), r.getTimestamp(4).toInstant(),
              Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6))));
        }
      }
    } catch (SQLException e) {
      throw failure("read the outcomes", e);
    }
    return List.copyOf(all);
  }

  @Override
  public boolean claim(String letterId, Optional<LetterStatus> expected) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean taken = claim(c, letterId, expected);
        c.commit();
        return taken;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("lease letter " + letterId, e);
    }
  }

  private boolean claim(Connection c, String letterId, Optional<LetterStatus> expected) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(Sql.LOCK)) {
      s.setString(1, campaign);
      s.setString(2, channel);
      s.setString(3, letterId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          // No row, or another runner is claiming it this instant (SKIP LOCKED): only a letter never recorded is
          // taken, by inserting its row already leased; a concurrent insert makes this one do nothing.
          return expected.isEmpty() && insertLeased(c, letterId);
        }
        // A letter the run saw unrecorded has since been planned (by this run's triage or another's): the same.
        String state = expected.map(x -> x.state().name()).orElse(LetterState.PLANNED.name());
        int attempts = expected.map(LetterStatus::attempts).orElse(0);
        boolean sameRecord = state.equals(r.getString(1)) && attempts == r.getInt(2);
        boolean heldByOther = r.getString(3) != null && !runner.equals(r.getString(3)) && r.getBoolean(4);
        if (!sameRecord || heldByOther) {
          return false;
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(Sql.LEASE)) {
      s.setString(1, runner);
      s.setLong(2, lease.toMillis());
      s.setString(3, campaign);
      s.setString(4, channel);
      s.setString(5, letterId);
      return s.executeUpdate() == 1;
    }
  }

  private boolean insertLeased(Connection c, String letterId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(Sql.INSERT_LEASED)) {
      s.setString(1, campaign);
      s.setString(2, channel);
      s.setString(3, letterId);
      s.setString(4, runner);
      s.setLong(5, lease.toMillis());
      return s.executeUpdate() == 1;
    }
  }

  /** Extends every lease this runner holds; a failure (the server away a moment) waits for the next turn. */
  private void renew() {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(Sql.RENEW)) {
      s.setLong(1, lease.toMillis());
      s.setString(2, runner);
      s.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      // The lease still runs until its expiry; the next renewal tries again.
    }
  }

  /** Leases this runner still holds (letters claimed but not yet settled); for tests and status. */
  public int leasesHeld() {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM demarche_letter WHERE lease_owner = ?")) {
      s.setString(1, runner);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("count leases", e);
    }
  }

  private IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("cannot " + what + " of campaign " + campaign + " on channel " + channel
        + " in PostgreSQL: " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
  }

  /** Stops renewing and gives up this runner's leases (a letter it left {@code SENDING} stays in doubt). */
  @Override
  public void close() {
    renewer.shutdownNow();
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(Sql.RELEASE)) {
      s.setString(1, runner);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure("give up the leases", e);
    }
  }
}
