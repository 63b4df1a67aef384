package org.demarche.journal.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.demarche.core.model.Values;
import org.flywaydb.core.Flyway;

/**
 * The journals of every campaign in one PostgreSQL database: connects (a HikariCP pool), brings the schema up to
 * date (Flyway, history in {@code demarche_schema_history}, so an app's own Flyway history is left alone), and
 * opens one {@link PostgresJournal} per campaign and channel. Any number of runners, in one process or many, on
 * one machine or many, may open the same campaign's journal at once: each letter is leased to one of them.
 *
 * <p>Thread-safe. Credentials never travel in the URL: {@link #connect(String, Map)} takes them from the
 * environment ({@code PGUSER}, {@code PGPASSWORD}, as {@code psql} does).
 */
public final class PostgresJournals implements AutoCloseable {
  /** How long a runner's lease on a letter lasts unless renewed (renewed every third of it while the runner lives). */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final Optional<HikariDataSource> owned;

  private PostgresJournals(DataSource dataSource, Optional<HikariDataSource> owned) {
    this.dataSource = dataSource;
    this.owned = owned;
    migrate(dataSource);
  }

  // Any number to call the schema's own: pg_advisory_lock keys are database-wide.
  private static final long MIGRATION_LOCK = 0x64656d6172636865L; // "demarche"

  /**
   * Brings the schema up to date, one runner at a time: two workers that start together on a fresh database would
   * otherwise both see no history, one creating the table while the other tries to baseline it ("already exists,
   * and is empty"). The lock is held on a connection of its own, so migrating takes two of the pool's connections.
   */
  private static void migrate(DataSource dataSource) {
    try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
      try {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/demarche").table("demarche_schema_history")
            .baselineOnMigrate(true).baselineVersion("0").load().migrate();
      } finally {
        s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot bring the journal's schema up to date in PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * Connects to {@code url} ({@code jdbc:postgresql://HOST[:PORT]/DB}) as the user and password the environment
   * names in {@code PGUSER} and {@code PGPASSWORD}, and brings the schema up to date.
   *
   * @throws IllegalArgumentException when the URL is no PostgreSQL JDBC URL or carries a password or user
   */
  public static PostgresJournals connect(String url, Map<String, String> environment) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(requireUrl(url));
    Optional.ofNullable(environment.get("PGUSER")).ifPresent(config::setUsername);
    Optional.ofNullable(environment.get("PGPASSWORD")).ifPresent(config::setPassword);
    config.setPoolName("demarche-journal");
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(10_000);
    // Fail at once with the server's reason (wrong password, no such database) rather than at the first record.
    config.setInitializationFailTimeout(1);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      return new PostgresJournals(pool, Optional.of(pool));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** Uses an app's own pool (closed by the app, not here) and brings the schema up to date in it. */
  public static PostgresJournals using(DataSource dataSource) {
    return new PostgresJournals(Objects.requireNonNull(dataSource, "dataSource"), Optional.empty());
  }

  /** Whether {@code journal} names a PostgreSQL journal rather than a file ({@code --journal jdbc:postgresql://…}). */
  public static boolean isUrl(String journal) {
    return journal.startsWith("jdbc:postgresql:");
  }

  static String requireUrl(String url) {
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("a PostgreSQL journal is named jdbc:postgresql://HOST[:PORT]/DATABASE, not '"
          + url + "'");
    }
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("password=") || lower.contains("user=") || url.substring("jdbc:postgresql://".length()).contains("@")) {
      throw new IllegalArgumentException("the journal URL carries credentials, which a command line shows to every"
          + " user of the machine: give them in the environment as PGUSER and PGPASSWORD instead");
    }
    return url;
  }

  /** Opens the journal of {@code campaignId} on {@code channel}, as a runner of its own, with the default lease. */
  public PostgresJournal open(String campaignId, String channel) {
    return open(campaignId, channel, DEFAULT_LEASE);
  }

  /** Like {@link #open(String, String)} with a lease of {@code lease} (at least 300 ms; renewed every third). */
  public PostgresJournal open(String campaignId, String channel, Duration lease) {
    if (lease.compareTo(Duration.ofMillis(300)) < 0) {
      throw new IllegalArgumentException("a lease must last at least 300 ms, not " + lease);
    }
    return new PostgresJournal(dataSource, Values.id(campaignId, "campaignId"), Values.id(channel, "channel"),
        runnerId(), lease);
  }

  /** Paces messages across every runner of this database: see {@link SharedPace}. */
  public SharedPace pace() {
    return new SharedPace(dataSource);
  }

  /** Runners that leave no trace of who they were make a journal hard to read: the host, process and a nonce. */
  private static String runnerId() {
    return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    owned.ifPresent(HikariDataSource::close);
  }
}
