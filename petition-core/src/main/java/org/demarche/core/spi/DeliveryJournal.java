package org.demarche.core.spi;

import java.util.Map;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.LetterStatus;

/**
 * The durable record of every letter's state in one campaign. {@link #record} returns only once the
 * entry would survive a crash of the process.
 */
public interface DeliveryJournal extends AutoCloseable {

  /** The last known status of every letter, by letter id. */
  Map<String, LetterStatus> statuses();

  /** Appends one state change durably. */
  void record(JournalEntry entry);

  /** Appends several state changes; an implementation may force them to disk together. */
  default void recordAll(java.util.List<JournalEntry> entries) {
    entries.forEach(this::record);
  }

  @Override
  void close();
}
