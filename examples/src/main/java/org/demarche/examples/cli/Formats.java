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

  /**
   * {@code dir} as an output folder given by {@code option}, created when missing; a file (or anything else
   * that is not a folder) there is bad usage, said in one line.
   */
  static java.nio.file.Path folder(java.nio.file.Path dir, String option) {
    if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
      throw new IllegalArgumentException(option + " " + dir + " is a file, not a folder: name a folder (it is"
          + " created when missing)");
    }
    try {
      return java.nio.file.Files.createDirectories(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IllegalArgumentException(option + " " + dir + ": " + e.getFile() + " is a file, not a folder");
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(option + " " + dir + ": cannot create the folder (" + e.getMessage() + ")");
    }
  }

  /** {@code n} and the noun, singular for one: "1 letter", "2 letters". */
  static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  /** {@code n} and the noun, {@code singular} for one and {@code plural} otherwise. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
