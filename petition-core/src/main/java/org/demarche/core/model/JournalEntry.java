package org.demarche.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One state change of one letter, as the journal records it.
 *
 * @param letterId the letter's id
 * @param state the new state
 * @param at when it changed
 * @param attempt the delivery attempt this belongs to (0 for planning)
 * @param messageId the Message-ID, once known
 * @param detail the channel's reply or the failure, if any (never a secret)
 */
public record JournalEntry(
    String letterId, LetterState state, Instant at, int attempt, Optional<String> messageId, Optional<String> detail) {
  public JournalEntry {
    letterId = Values.id(letterId, "letterId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative");
    }
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(detail, "detail");
  }
}
