package org.demarche.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to a letter after it left: posted by hand, or what came back (a reply, a refusal, a return by the
 * post, a bounce). The journal keeps these beside the delivery states; they never change a letter's
 * {@link LetterState}, so a run never sends a letter again because of them.
 *
 * @param letterId the letter's id
 * @param kind posted, or the outcome
 * @param on the day it happened, as the operator (or the bounce report) says
 * @param recordedAt when it was recorded
 * @param reference the tracking number of a posted letter, or the status code of a bounce (e.g. {@code 5.1.1})
 * @param note free text: the operator's note, or a bounce's diagnostic code
 */
public record LetterOutcome(
    String letterId, Kind kind, LocalDate on, Instant recordedAt, Optional<String> reference, Optional<String> note) {
  public LetterOutcome {
    letterId = Values.id(letterId, "letterId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(recordedAt, "recordedAt");
    reference = Objects.requireNonNull(reference, "reference").map(String::strip).filter(s -> !s.isEmpty());
    note = Objects.requireNonNull(note, "note").map(String::strip).filter(s -> !s.isEmpty());
  }

  /** Posted by hand, or what came back. */
  public enum Kind {
    /** Handed to the post (a letter from the print kit). */
    POSTED,
    /** The mission replied. */
    REPLIED,
    /** The mission refused the letter. */
    REFUSED,
    /** The post returned the letter. */
    RETURNED,
    /** The mail server reported that the email could not be delivered. */
    BOUNCED;

    /** The word the runner and the reports use: {@code posted}, {@code replied}, ... */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind {@code word} names (any case). */
    public static Optional<Kind> of(String word) {
      for (Kind k : values()) {
        if (k.word().equalsIgnoreCase(word.strip())) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }
}
