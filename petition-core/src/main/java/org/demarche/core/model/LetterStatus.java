package org.demarche.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the journal knows of one letter: its last state.
 *
 * @param letterId the letter's id
 * @param state its last recorded state
 * @param at when that was recorded
 * @param attempts delivery attempts made so far, over all runs
 * @param messageId the Message-ID, once known
 * @param detail the last reply or failure
 */
public record LetterStatus(
    String letterId, LetterState state, Instant at, int attempts, Optional<String> messageId, Optional<String> detail) {
  public LetterStatus {
    Objects.requireNonNull(letterId, "letterId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * True when a run stopped after handing the letter to a channel and before recording the outcome: it
   * may or may not have been delivered. Such a letter is not sent again unless the user asks.
   */
  public boolean inDoubt() {
    return state == LetterState.SENDING;
  }
}
