package org.demarche.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterStatus;

/**
 * The durable record of every letter's state in one campaign. {@link #record} returns only once the
 * entry would survive a crash of the process. Every implementation passes {@code DeliveryJournalContract}
 * (in petition-core's test-jar).
 *
 * <p>A journal that several runners share (the PostgreSQL one) hands each letter to one runner at a time
 * through {@link #claim}; a journal that one runner holds alone (the file journal's lock) takes the default,
 * which grants every claim.
 */
public interface DeliveryJournal extends AutoCloseable {

  /** The last known status of every letter, by letter id. */
  Map<String, LetterStatus> statuses();

  /**
   * What a run starts from: {@link #statuses()}, less the letters another live runner holds in a shared journal
   * (it is sending them, or about to: they are that runner's to report, not in doubt). A journal one runner holds
   * alone returns {@link #statuses()}.
   */
  default Map<String, LetterStatus> statusesForRun() {
    return statuses();
  }

  /** Appends one state change durably. */
  void record(JournalEntry entry);

  /** Appends several state changes; an implementation may force them to disk together. */
  default void recordAll(java.util.List<JournalEntry> entries) {
    entries.forEach(this::record);
  }

  /**
   * Takes {@code letterId} for this runner before it is rendered and sent, when its record is still
   * {@code expected} (what this run read from {@link #statuses()}, empty for a letter not yet recorded) and no
   * other live runner holds it. A shared journal keeps the letter leased to this runner, renewing the lease
   * while the runner lives, until it records a state other than {@code SENDING}; a lease that expires while the
   * letter is {@code SENDING} leaves it in doubt, never free to be sent again.
   *
   * @return false when another runner holds the letter or changed its record since: this run leaves it alone
   */
  default boolean claim(String letterId, Optional<LetterStatus> expected) {
    return true;
  }

  /**
   * The pace that rate limits take their slots from. The default is a new in-process pace (it holds within this
   * runner); a journal shared by several runners returns one shared by all of them, so that a channel's
   * {@code perMinute} holds across every runner.
   */
  default Pace pace() {
    return Pace.inProcess();
  }

  /**
   * Appends durably what happened to a letter after it left (posted, replied, refused, returned, bounced). It
   * changes no letter's state: a run neither sends it again nor counts it otherwise.
   *
   * @throws UnsupportedOperationException from a journal that keeps no outcomes (one written before they existed)
   */
  default void recordOutcome(LetterOutcome outcome) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no outcomes of letters");
  }

  /** Every outcome recorded, oldest first. */
  default List<LetterOutcome> outcomes() {
    return List.of();
  }

  @Override
  void close();
}
