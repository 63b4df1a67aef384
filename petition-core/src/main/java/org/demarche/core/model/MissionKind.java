package org.demarche.core.model;

import java.util.Locale;

/** The kind of a diplomatic or consular post. */
public enum MissionKind {
  EMBASSY,
  CONSULATE_GENERAL,
  CONSULATE,
  PERMANENT_MISSION,
  /** Honorary consulates, liaison offices and other posts. */
  OTHER;

  /** The lower-case, hyphenated name used in files and JSON, e.g. {@code consulate-general}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #key()} (also accepting underscores and any case). */
  public static MissionKind fromKey(String key) {
    String k = key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (MissionKind kind : values()) {
      if (kind.name().equals(k)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown mission kind '" + key + "': use embassy, consulate-general, consulate, permanent-mission or other");
  }
}
