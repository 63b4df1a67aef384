package org.demarche.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.internal.Checks;

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
    source = Checks.line(source, "source");
    Objects.requireNonNull(checkedOn, "checkedOn");
    note = Checks.line(note, "note");
  }

  public static Provenance confirmed(String source, LocalDate checkedOn) {
    return new Provenance(source, checkedOn, true, Optional.empty());
  }
}
