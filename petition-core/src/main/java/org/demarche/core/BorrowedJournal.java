package org.demarche.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.spi.DeliveryJournal;
import org.demarche.core.spi.Pace;

/** A journal the caller lent to a run: closing it at the end of the run leaves it open for the caller. */
record BorrowedJournal(DeliveryJournal journal) implements DeliveryJournal {
  @Override
  public Map<String, LetterStatus> statuses() {
    return journal.statuses();
  }

  @Override
  public Map<String, LetterStatus> statusesForRun() {
    return journal.statusesForRun();
  }

  @Override
  public void record(JournalEntry entry) {
    journal.record(entry);
  }

  @Override
  public void recordAll(List<JournalEntry> entries) {
    journal.recordAll(entries);
  }

  @Override
  public boolean claim(String letterId, Optional<LetterStatus> expected) {
    return journal.claim(letterId, expected);
  }

  @Override
  public Pace pace() {
    return journal.pace();
  }

  @Override
  public void close() {
    // the caller's to close
  }
}
