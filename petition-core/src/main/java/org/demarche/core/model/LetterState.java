package org.demarche.core.model;

/** A letter's state in the delivery journal. */
public enum LetterState {
  /** Planned, not yet handed to a channel. */
  PLANNED,
  /** Handed to a channel; if a run stops here the letter is in doubt. */
  SENDING,
  /** The channel accepted it. */
  SENT,
  /** The channel cannot carry it (no email published): it goes in the postal print kit. */
  BY_POST,
  /** A transient failure that used up the retries of a run; the next run tries again. */
  FAILED_TRANSIENT,
  /** A permanent failure: not retried. */
  FAILED_PERMANENT;

  /** Whether a later run leaves the letter alone. */
  public boolean isFinal() {
    return this == SENT || this == BY_POST || this == FAILED_PERMANENT;
  }
}
