package org.demarche.core.model;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a fact about a mission comes from, what kind of source that is, and when the project read it.
 *
 * <p>{@code confirmed} means that an official or government source states this fact, and nothing else: a fact
 * from open data or a third party is never confirmed.
 *
 * @param source a full URL or a citable document
 * @param kind what kind of source it is
 * @param sourceDate the date the source itself states (published, last updated), when it has one
 * @param retrievedOn the day the project actually read the source
 * @param confirmed true when the (official or government) source states the fact
 * @param note a short remark (confidence, what is stale), if any
 */
public record Provenance(String source, Kind kind, Optional<LocalDate> sourceDate, LocalDate retrievedOn,
    boolean confirmed, Optional<String> note) {

  /** The kinds of source a fact can come from. */
  public enum Kind {
    /** The mission's own page or its foreign ministry's. */
    OFFICIAL,
    /** The host state's (a ministry, a prefecture, a gazette). */
    GOVERNMENT,
    /** Open data such as Wikidata. */
    OPEN_DATA,
    /** Anything else: encyclopaedias, directories, news, the project's own compilation. */
    THIRD_PARTY;

    /** Whether a source of this kind can confirm a fact. */
    public boolean canConfirm() {
      return this == OFFICIAL || this == GOVERNMENT;
    }

    /** The name in data files: {@code official}, {@code government}, {@code open-data}, {@code third-party}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code key} (as {@link #key()} writes it). */
    public static Optional<Kind> fromKey(String key) {
      for (Kind k : values()) {
        if (k.key().equals(key)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public Provenance {
    source = Values.line(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceDate, "sourceDate");
    Objects.requireNonNull(retrievedOn, "retrievedOn");
    note = Values.line(note, "note");
    if (confirmed && !kind.canConfirm()) {
      throw new IllegalArgumentException("a fact from a " + kind.key()
          + " source cannot be confirmed: only an official or government source confirms a fact");
    }
    if (sourceDate.isPresent() && sourceDate.get().isAfter(retrievedOn)) {
      throw new IllegalArgumentException("the source's date " + sourceDate.get() + " is after the day it was read, "
          + retrievedOn);
    }
  }

  /**
   * The form without a kind (before provenance had one): a confirmed fact is taken as stated by an official
   * source, an unconfirmed one as third-party.
   */
  public Provenance(String source, LocalDate checkedOn, boolean confirmed, Optional<String> note) {
    this(source, confirmed ? Kind.OFFICIAL : Kind.THIRD_PARTY, Optional.empty(), checkedOn, confirmed, note);
  }

  /** A fact stated by an official source read on {@code retrievedOn}. */
  public static Provenance confirmed(String source, LocalDate retrievedOn) {
    return new Provenance(source, Kind.OFFICIAL, Optional.empty(), retrievedOn, true, Optional.empty());
  }

  /** The same as {@link #retrievedOn()}: the day the project read the source. */
  public LocalDate checkedOn() {
    return retrievedOn;
  }

  /** The same provenance, for a fact it does not confirm (a candidate value, a missing street). */
  public Provenance unconfirmed(Optional<String> otherNote) {
    return new Provenance(source, kind, sourceDate, retrievedOn, false, otherNote.or(() -> note));
  }

  /** The age of the fact on {@code today}: from the source's own date when it has one, else from reading it. */
  public LocalDate asOf() {
    return sourceDate.orElse(retrievedOn);
  }
}
