package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.FileJournal;
import org.demarche.core.RunOptions;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.LetterStatus;
import org.demarche.journal.postgres.PostgresJournal;
import org.demarche.journal.postgres.PostgresJournals;

/**
 * What {@code --journal} names: a file (the file journal, one runner at a time) or
 * {@code jdbc:postgresql://HOST[:PORT]/DB} (the journal in PostgreSQL, which any number of runners share; user and
 * password from PGUSER and PGPASSWORD in the environment, never from the command line).
 */
final class JournalChoice implements AutoCloseable {
  private final Optional<Path> file;
  private final Optional<PostgresJournals> database;
  private final Optional<PostgresJournal> shared;
  private final String shown;

  private JournalChoice(Optional<Path> file, Optional<PostgresJournals> database, Optional<PostgresJournal> shared,
      String shown) {
    this.file = file;
    this.database = database;
    this.shared = shared;
    this.shown = shown;
  }

  /** The journal {@code option} names (null: the default file beside the campaign) for {@code channel}. */
  static JournalChoice of(String option, Campaign campaign, String channel, Map<String, String> environment) {
    if (option != null && PostgresJournals.isUrl(option)) {
      PostgresJournals db = connect(option, environment);
      try {
        return new JournalChoice(Optional.empty(), Optional.of(db), Optional.of(db.open(campaign.id(), channel, lease())),
            option + " (channel " + channel + ")");
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
    }
    Path path = option != null ? Path.of(option) : FileJournal.defaultFile(campaign, channel);
    return new JournalChoice(Optional.of(path), Optional.empty(), Optional.empty(),
        path.toAbsolutePath().normalize().toString());
  }

  /** The lease on each letter: 30 s, or -Ddemarche.journal.leaseMillis (tests that kill runners wait less). */
  private static java.time.Duration lease() {
    return java.time.Duration.ofMillis(Long.getLong("demarche.journal.leaseMillis",
        PostgresJournals.DEFAULT_LEASE.toMillis()));
  }

  private static PostgresJournals connect(String url, Map<String, String> environment) {
    try {
      return PostgresJournals.connect(url, environment);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // The pool wraps the server's reason (refused connection, wrong password, no such database): name it alone.
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new IllegalStateException("cannot open the journal at " + url + ": " + root.getMessage()
          + " (is the server running, and do PGUSER and PGPASSWORD name a user that may log in?)", e);
    }
  }

  /** Whether it is the journal in PostgreSQL. */
  boolean isShared() {
    return shared.isPresent();
  }

  /** The file, when it is one. */
  Optional<Path> file() {
    return file;
  }

  /** {@code options} journaling here. */
  RunOptions apply(RunOptions options) {
    return shared.isPresent() ? options.withJournal(shared.get()) : options.withJournal(file.orElseThrow());
  }

  /** What the journal knows, read without writing (a file is neither created, repaired nor locked). */
  Map<String, LetterStatus> statuses(String campaignId) {
    if (shared.isPresent()) {
      return shared.get().statuses();
    }
    try (FileJournal j = FileJournal.read(file.orElseThrow(), campaignId)) {
      return j.statuses();
    }
  }

  /** The journal in PostgreSQL, when it is that one (open to record: outcomes, reports). */
  Optional<org.demarche.core.spi.DeliveryJournal> shared() {
    return shared.map(j -> j);
  }

  /** How the summary names it: the absolute file, or the URL and channel. */
  String shown() {
    return shown;
  }

  @Override
  public void close() {
    shared.ifPresent(PostgresJournal::close);
    database.ifPresent(PostgresJournals::close);
  }
}
