package org.demarche.core;

import org.demarche.core.model.DemarcheException;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Rendition;

/** Hears what the engine does, letter by letter (the runner draws its progress bar from it). */
public interface ProgressListener {
  /** The run starts with {@code toDeliver} letters to work on out of {@code total}. */
  default void started(int total, int toDeliver) {}

  /** A letter the journal shows as done or in doubt; this run leaves it alone. */
  default void skipped(Letter letter, LetterStatus status) {}

  default void rendered(Letter letter, Rendition rendition) {}

  default void delivered(Letter letter, Receipt receipt) {}

  /** The channel cannot carry the letter: it goes in the postal print kit. */
  default void byPost(Letter letter, Rendition rendition) {}

  /** A letter an earlier run handled whose files were missing: they were written again. */
  default void rewritten(Letter letter, Rendition rendition) {}

  /** A failed attempt; {@code willRetry} says whether the engine tries again in this run. */
  default void failed(Letter letter, DemarcheException failure, boolean willRetry) {}

  /**
   * The run waits, before {@code letter} may go, until {@code until} for {@code reason} (a channel's rate limit,
   * e.g. {@code the per-domain limit of example.org (2 a minute)}); told only for waits over 2 s.
   */
  default void waiting(Letter letter, String reason, java.time.Instant until) {}

  default void finished(RunReport report) {}

  ProgressListener NONE = new ProgressListener() {};
}
