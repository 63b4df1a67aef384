package org.demarche.examples.cli;

import java.util.Locale;
import org.demarche.core.model.Countries;

/** Checks of option values, with messages that say what would be valid. */
final class Formats {
  private Formats() {}

  static void check(String format) {
    if (!format.equals("table") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be table or json, not '" + format + "'");
    }
  }

  static String country(String code, String option) {
    String c = code.strip().toUpperCase(Locale.ROOT);
    if (!Countries.isKnown(c)) {
      throw new IllegalArgumentException(option + " must be an ISO 3166-1 alpha-2 code such as CN or JP, not '" + code + "'");
    }
    return c;
  }
}
