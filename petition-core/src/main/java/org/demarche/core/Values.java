package org.demarche.core;

import org.demarche.core.internal.Checks;

/**
 * The rules the model applies to its values, for plugins that read their own files and want to report a
 * bad value with its file and line before building a model record. Each method returns the value
 * (stripped where the model strips it) or throws {@link IllegalArgumentException} whose message starts
 * with {@code field} and says what would be valid.
 */
public final class Values {
  private Values() {}

  /** A lower-case id of letters, digits and inner hyphens, not a Windows device name (it names files). */
  public static String id(String value, String field) {
    return Checks.id(value, field);
  }

  /** An assigned ISO 3166-1 alpha-2 code in capitals (and XK). */
  public static String country(String value, String field) {
    return Checks.country(value, field);
  }

  /** An ISO 3166-2 code such as JP-27. */
  public static String region(String value, String field) {
    return Checks.region(value, field);
  }

  /** An email address (one @, a dotted domain, nothing that could break a header). */
  public static String email(String value, String field) {
    return Checks.email(value, field);
  }

  /** A non-blank single line: no control characters, no line or paragraph separators (U+2028, U+2029, U+0085). */
  public static String line(String value, String field) {
    return Checks.line(value, field);
  }

  /** The index of the first character that could break a header or a line (controls, U+2028, U+2029, U+0085), or -1. */
  public static int firstLineBreakOrControl(String value) {
    return Checks.firstLineBreakOrControl(value);
  }

  /** A code point as {@code U+000D (CARRIAGE RETURN)}, for messages that name a bad character. */
  public static String describe(int codePoint) {
    return Checks.describe(codePoint);
  }

  /** {@code message} without the leading field name the rules above put in front of it. */
  public static String withoutField(String message, String field) {
    return message.startsWith(field + " ") ? message.substring(field.length() + 1) : message;
  }
}
