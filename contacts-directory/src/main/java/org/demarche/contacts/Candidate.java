package org.demarche.contacts;

import java.util.Objects;
import org.demarche.core.model.Provenance;

/**
 * A value for a mission's fact that could not be confirmed (an email seen only in an old page, say). It is kept
 * with its provenance so that someone can check it, but it is never used to send a letter: a confirmed value
 * must be supplied in a correction file first.
 *
 * @param fact the fact it would fill: {@code email}, {@code fax}, {@code phone}, ...
 * @param value the candidate value
 * @param provenance where it was seen and when
 */
public record Candidate(String fact, String value, Provenance provenance) {
  public Candidate {
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(provenance, "provenance");
  }
}
