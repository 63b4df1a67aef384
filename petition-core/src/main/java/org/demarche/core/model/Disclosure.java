package org.demarche.core.model;

/**
 * How much of a co-signatory a recipient may see, from most to least revealing.
 * A campaign caps the level; a signatory chooses one at or below the cap.
 */
public enum Disclosure {
  /** Name, organization and city. */
  FULL,
  /** Name only: no organization, no city. */
  NAME_ONLY,
  /** Initials only, e.g. "H. K.". */
  INITIALS,
  /** Not shown at all; only counted. */
  COUNTED_ONLY;

  /** The more protective of this level and {@code cap}. */
  public Disclosure cappedAt(Disclosure cap) {
    return compareTo(cap) >= 0 ? this : cap;
  }
}
