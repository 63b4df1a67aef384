package org.demarche.core.spi;

import java.util.Map;
import org.demarche.core.JournalEntry;
import org.demarche.core.LetterStatus;

/**
 * The durable record of every letter's state in one campaign. {@link #record} returns only once the
 * entry would survive a crash of the process.
 */
public interface DeliveryJournal extends AutoCloseable {

  /** The last known status of every letter, by letter id. */
  Map<String, LetterStatus> statuses();

  /** Appends one state change durably. */
  void record(JournalEntry entry);

  @Override
  void close();
}
