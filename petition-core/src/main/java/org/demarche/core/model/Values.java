package org.demarche.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules the model applies to its values, for plugins that read their own files and want to report a
 * bad value with its file and line before building a model record. Each method returns the value
 * (stripped where the model strips it) or throws {@link IllegalArgumentException} whose message starts
 * with {@code field} and says what would be valid.
 */
public final class Values {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
  // A pragmatic address check: one @, no spaces or controls, a dotted domain. Not RFC 5322 in full.
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\"<>(),;:\\\\\\[\\]]+@[A-Za-z0-9\\p{L}](?:[A-Za-z0-9\\p{L}-]*[A-Za-z0-9\\p{L}])?(?:\\.[A-Za-z0-9\\p{L}](?:[A-Za-z0-9\\p{L}-]*[A-Za-z0-9\\p{L}])?)+");
  private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?");

  private static final java.util.Set<String> LANGUAGES = java.util.Set.of(Locale.getISOLanguages());

  private Values() {}

  /** A non-blank text of one line: no control characters and no line or paragraph separators. */
  public static String line(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    loneSurrogate(value, field);
    int bad = firstLineBreakOrControl(value);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          field + " must be a single line without control characters, but has "
              + describe(value.codePointAt(bad)) + " at position " + (bad + 1));
    }
    return value.strip();
  }

  /** Like {@link #line} for an optional value. */
  public static Optional<String> line(Optional<String> value, String field) {
    Objects.requireNonNull(value, field);
    return value.map(v -> line(v, field));
  }

  /** A text that may span lines (a paragraph, a template); control characters other than newline and tab are refused. */
  public static String text(String value, String field) {
    Objects.requireNonNull(value, field);
    loneSurrogate(value, field);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\n' && c != '\r' && c != '\t' && Character.getType(c) == Character.CONTROL) {
        throw new IllegalArgumentException(
            field + " contains the control character " + describe(c) + " at position " + (i + 1));
      }
    }
    return value;
  }

  /**
   * Refuses half of a UTF-16 surrogate pair standing alone (YAML lets {@code "\\uD800"} write one): no
   * font draws it and no mail encoding carries it, so {@code run} would fail on it halfway.
   */
  private static void loneSurrogate(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(field + " contains half of a surrogate pair ("
            + String.format(Locale.ROOT, "U+%04X", (int) c) + ") at position " + (i + 1)
            + ", which is no character: write the character itself");
      }
    }
  }

  /** The index of the first character that could break a header or a line, or -1. */
  public static int firstLineBreakOrControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        return i;
      }
    }
    return -1;
  }

  public static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return String.format(Locale.ROOT, "U+%04X%s", codePoint, name == null ? "" : " (" + name + ")");
  }

  public static String country(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!COUNTRY.matcher(value).matches() || !(org.demarche.core.model.Countries.isKnown(value) || value.equals("XK"))) {
      throw new IllegalArgumentException(
          field + " must be an ISO 3166-1 alpha-2 code in capitals such as JP or CN, not '" + value + "'");
    }
    return value;
  }

  public static String region(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!REGION.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be an ISO 3166-2 code such as JP-27, not '" + value + "'");
    }
    return value;
  }

  public static String email(String value, String field) {
    line(value, field);
    if (!EMAIL.matcher(value.strip()).matches()) {
      throw new IllegalArgumentException(
          field + " must be an email address such as info@example.org, not '" + value + "'");
    }
    return value.strip();
  }

  public static String id(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be lower-case letters, digits and inner hyphens (at most 128), such as cn-cg-jp-osaka, not '"
              + value + "'");
    }
    if (DEVICE_NAMES.contains(value)) {
      // An id names files (<id>.pdf, <id>.eml): Windows opens a device, not a file, for these names.
      throw new IllegalArgumentException(field + " '" + value + "' is a name Windows reserves for a device (con, prn,"
          + " aux, nul, com1-com9, lpt1-lpt9) and cannot name a file: choose another, such as " + value + "-1");
    }
    return value;
  }

  /** The names {@link org.demarche.core.model.SafeNames} refuses as file names. */
  private static final java.util.Set<String> DEVICE_NAMES = java.util.Set.of("con", "prn", "aux", "nul",
      "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
      "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  public static String language(String value, String field) {
    Objects.requireNonNull(value, field);
    Locale locale = Locale.forLanguageTag(value);
    if (value.isBlank() || !LANGUAGES.contains(locale.getLanguage()) || !locale.toLanguageTag().equalsIgnoreCase(value)) {
      throw new IllegalArgumentException(
          field + " must be a BCP 47 language tag such as en, ja or zh-Hans, not '" + value + "'");
    }
    return value;
  }

  public static <T> List<T> list(List<T> value, String field) {
    Objects.requireNonNull(value, field);
    for (T t : value) {
      Objects.requireNonNull(t, field + " element");
    }
    return List.copyOf(value);
  }

  /**
   * Runs every check, then throws the first refusal with the others attached as suppressed exceptions, so
   * that a record's constructor can refuse several fields at once ({@link Settings#bind} reports each at its
   * key). Each check throws {@link IllegalArgumentException} whose message starts with its field's name.
   */
  public static void checkAll(Runnable... checks) {
    IllegalArgumentException first = null;
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (IllegalArgumentException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** {@code message} without the leading field name the rules above put in front of it. */
  public static String withoutField(String message, String field) {
    return message.startsWith(field + " ") ? message.substring(field.length() + 1) : message;
  }
}
