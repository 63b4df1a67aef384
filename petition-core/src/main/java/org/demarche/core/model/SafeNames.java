package org.demarche.core.model;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names built from ids. A name is lower-case ASCII letters, digits, dots, hyphens and
 * underscores, does not start with a dot, and is not a name Windows reserves; so a name can never
 * leave the folder it is written to.
 */
public final class SafeNames {
  private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,150}");
  private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
      "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
      "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private SafeNames() {}

  /** Returns {@code name} when it is a safe file name, else throws naming the field. */
  public static String requireFileName(String name, String field) {
    // A trailing dot is dropped by Windows ("x.pdf." opens "x.pdf"), so it could name another letter's file.
    if (name == null || !SAFE.matcher(name).matches() || name.contains("..") || name.endsWith(".")
        || RESERVED.contains(name.split("\\.", 2)[0])) {
      throw new IllegalArgumentException(field + " must be a plain file name of lower-case letters, digits, '.', '-'"
          + " and '_' (not starting or ending with '.', no '..', not a reserved device name), not '" + name + "'");
    }
    return name;
  }

  /** Reduces any text to a safe name part: accents dropped, anything else replaced by '-'. */
  public static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      slug = "x";
    }
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-+$", "");
    }
    return RESERVED.contains(slug) ? slug + "-" : slug;
  }

  /** {@code folder.resolve(name)}, checked to stay inside {@code folder}. */
  public static Path inside(Path folder, String name) {
    requireFileName(name, "file name");
    Path base = folder.toAbsolutePath().normalize();
    Path resolved = base.resolve(name).normalize();
    if (!resolved.getParent().equals(base)) {
      throw new IllegalArgumentException("file name '" + name + "' would leave " + base);
    }
    return resolved;
  }
}
