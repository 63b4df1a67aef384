package org.demarche.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.RunReport.Result;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.DeliveryJournal;

/**
 * The engine's side of the post: a letter is journaled "by post" only once its PDF is on disk and a print
 * kit that holds it is too. Posted letters wait in a batch; a flush writes the kit of every letter that
 * goes by post (earlier ones and the batch), then journals the batch. The batch grows with the kit (at
 * least 10, at most half the letters already in it), so writing the kit again costs a bounded multiple of
 * the kit itself. A run killed before a flush leaves the batch "planned": the next run writes it again.
 */
final class PostalBatch {
  private static final int SMALLEST_BATCH = 10;

  private record Pending(int index, Letter letter, int attempt, Rendition document) {}

  private final PostalDesk desk;
  private final DeliveryJournal journal;
  private final ProgressListener listener;
  private final Clock clock;
  private final Outcome[] outcomes;
  private final TreeMap<Integer, Letter> inKit = new TreeMap<>();
  private final List<Pending> pending = new ArrayList<>();
  private boolean kitNeeded;

  PostalBatch(PostalDesk desk, DeliveryJournal journal, ProgressListener listener, Clock clock, Outcome[] outcomes) {
    this.desk = desk;
    this.journal = journal;
    this.listener = listener;
    this.clock = clock;
    this.outcomes = outcomes;
  }

  /** A letter an earlier run journaled "by post": it belongs in the kit. */
  void earlier(int index, Letter letter) {
    inKit.put(index, letter);
    kitNeeded |= !desk.hasKit();
  }

  /**
   * Writes the letter's files and queues it for the kit; returns a failure's outcome when its files
   * cannot be written (nothing is journaled as posted then, and the next run tries again).
   */
  Optional<Outcome> post(int index, Letter letter, int attempt, Rendition document, List<Rendition> attachments) {
    try {
      desk.post(letter, document, attachments);
    } catch (RuntimeException e) {
      String detail = "goes by post, but its PDF could not be written: " + e.getMessage()
          + "; fix the output folder and run again";
      journal.record(new JournalEntry(letter.id(), LetterState.FAILED_TRANSIENT, clock.instant(), attempt,
          Optional.empty(), Optional.of(detail)));
      return Optional.of(new Outcome(letter.id(), letter.mission().id(), Result.FAILED_TRANSIENT, 0, Optional.empty(),
          Optional.of(detail), false));
    }
    pending.add(new Pending(index, letter, attempt, document));
    if (pending.size() >= Math.max(SMALLEST_BATCH, inKit.size() / 2)) {
      flush();
    }
    return Optional.empty();
  }

  /** Writes the kit with the batch in it, then journals the batch as posted (or as failed if the kit fails). */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    TreeMap<Integer, Letter> all = new TreeMap<>(inKit);
    pending.forEach(p -> all.put(p.index(), p.letter()));
    Optional<String> failure = writeKit(List.copyOf(all.values()));
    List<JournalEntry> entries = new ArrayList<>();
    for (Pending p : pending) {
      Letter l = p.letter();
      String detail = failure.map(f -> "goes by post, but the print kit could not be written: " + f
          + "; fix the output folder and run again").orElse("no email published: in the postal print kit");
      LetterState state = failure.isPresent() ? LetterState.FAILED_TRANSIENT : LetterState.BY_POST;
      entries.add(new JournalEntry(l.id(), state, clock.instant(), p.attempt(), Optional.empty(), Optional.of(detail)));
      outcomes[p.index()] = new Outcome(l.id(), l.mission().id(),
          failure.isPresent() ? Result.FAILED_TRANSIENT : Result.BY_POST, 0, Optional.empty(), Optional.of(detail),
          false);
    }
    journal.recordAll(entries);
    if (failure.isEmpty()) {
      inKit.putAll(all);
      pending.forEach(p -> listener.byPost(p.letter(), p.document()));
      kitNeeded = false;
    }
    pending.clear();
  }

  /** Flushes the batch, and writes the kit again when earlier letters need one and none is on disk. */
  void finish() {
    flush();
    if (kitNeeded && !inKit.isEmpty()) {
      // The letters are journaled with their PDFs; if the kit cannot be written now, the next run tries again.
      writeKit(List.copyOf(inKit.values()));
    }
  }

  private Optional<String> writeKit(List<Letter> letters) {
    try {
      desk.kit(letters, kitNeeded);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }
}
