package org.demarche.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a fact about a mission comes from and when it was last checked.
 *
 * @param source a URL or the name of a document
 * @param checkedOn the day the fact was last checked against that source
 * @param confirmed false when the fact could not be confirmed from an official source
 * @param note a short remark (confidence, what is stale), if any
 */
public record Provenance(String source, LocalDate checkedOn, boolean confirmed, Optional<String> note) {
  public Provenance {
    source = Values.line(source, "source");
    Objects.requireNonNull(checkedOn, "checkedOn");
    note = Values.line(note, "note");
  }

  public static Provenance confirmed(String source, LocalDate checkedOn) {
    return new Provenance(source, checkedOn, true, Optional.empty());
  }
}
