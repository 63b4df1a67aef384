package org.demarche.core.model;

import java.util.Locale;

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

  /** The level a file names: {@code full}, {@code name-only}, {@code initials} or {@code counted-only}, any case. */
  public static Disclosure fromKey(String key) {
    String k = key.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (Disclosure d : values()) {
      if (d.name().equals(k)) {
        return d;
      }
    }
    throw new IllegalArgumentException("must be one of full, name-only, initials, counted-only, not '" + key + "'");
  }

  /** The more protective of this level and {@code cap}. */
  public Disclosure cappedAt(Disclosure cap) {
    return compareTo(cap) >= 0 ? this : cap;
  }
}
