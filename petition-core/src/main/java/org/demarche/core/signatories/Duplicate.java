package org.demarche.core.signatories;

import java.util.Objects;
import org.demarche.core.model.Location;

/**
 * Two rows that appear to be the same signatory. Duplicates are reported, never merged: the NGO decides.
 *
 * @param at the later row (file, line, and the column of the matching field)
 * @param first the earlier row it matches
 * @param rule which rule matched
 */
public record Duplicate(Location at, Location first, Rule rule) {
  /**
   * The duplicate rules. Emails are compared after removing surrounding space and ignoring case, nothing
   * more: dots and plus-tags are not assumed to be ignored by the provider. A row without an email is
   * compared by name and city, each after Unicode NFKC normalization, ignoring case, with runs of spaces
   * taken as one; a row with an email is never compared by name.
   */
  public enum Rule {
    /** The same email address. */
    EMAIL,
    /** No email on either row, and the same name and city. */
    NAME_AND_CITY
  }

  public Duplicate {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public String toString() {
    return at + ": " + (rule == Rule.EMAIL ? "the same email as" : "the same name and city as") + " line "
        + first.line() + " (reported, not merged)";
  }
}
