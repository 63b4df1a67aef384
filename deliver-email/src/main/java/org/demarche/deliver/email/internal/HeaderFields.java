package org.demarche.deliver.email.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Values;
import java.util.regex.Pattern;

/**
 * Checks on every value that reaches a mail header or an SMTP command. The model already refuses line
 * breaks in names and subjects; this is the channel's own check, so that nothing it did not see can
 * inject a header or a recipient.
 */
public final class HeaderFields {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private HeaderFields() {}

  /**
   * Returns {@code value} when it can sit in a header: not blank, no control character (CR, LF, TAB, NUL,
   * ...), no Unicode line or paragraph separator (U+2028, U+2029, U+0085).
   *
   * @throws IllegalArgumentException naming {@code field}, the character and its position
   */
  public static String requireLine(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    int bad = Values.firstLineBreakOrControl(value);
    if (bad >= 0) {
      throw new IllegalArgumentException(field + " cannot go into a mail header: it contains "
          + Values.describe(value.charAt(bad)) + " at position " + (bad + 1) + "; remove line breaks and control characters");
    }
    return value;
  }

  public static Optional<String> requireLine(Optional<String> value, String field) {
    Objects.requireNonNull(value, field);
    return value.map(v -> requireLine(v, field));
  }

  /** A single email address without a display name, e.g. {@code info@example.org}. */
  public static String requireAddress(String value, String field) {
    requireLine(value, field);
    String v = value.strip();
    try {
      InternetAddress parsed = new InternetAddress(v, true);
      if (parsed.getPersonal() != null || !parsed.getAddress().equals(v) || !v.contains("@")) {
        throw new AddressException("not a bare address");
      }
    } catch (AddressException e) {
      throw new IllegalArgumentException(field + " must be one email address such as info@example.org, not '" + v + "'");
    }
    return v;
  }

  /**
   * {@code address} with its domain in ASCII (IDNA) form, so that no raw UTF-8 reaches a header or the SMTP
   * envelope; a local part outside ASCII would need SMTPUTF8 and is refused.
   */
  public static String asciiAddress(String address, String field) {
    String v = requireLine(address, field).strip();
    int at = v.lastIndexOf('@');
    if (at < 0) {
      return requireAddress(v, field);
    }
    if (!v.substring(0, at).chars().allMatch(c -> c < 0x80)) {
      throw new IllegalArgumentException(field + " '" + v + "' has letters outside ASCII before the @, which few"
          + " servers accept: use an ASCII mailbox name");
    }
    try {
      return requireAddress(v.substring(0, at + 1) + org.demarche.core.model.MessageIds.asciiDomain(
          v.substring(at + 1)), field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " must be one email address such as info@example.org, not '" + v
          + "'", e);
    }
  }

  public static Optional<String> requireAddress(Optional<String> value, String field) {
    Objects.requireNonNull(value, field);
    return value.map(v -> requireAddress(v, field));
  }

  /** A host name, IP address, DKIM selector or domain: letters, digits, '.', '-', '_', ':' and brackets. */
  public static String requireToken(String value, String field) {
    requireLine(value, field);
    String v = value.strip();
    if (!TOKEN.matcher(v).matches()) {
      throw new IllegalArgumentException(field + " must be a host or domain name such as smtp.example.org, not '" + v
          + "'");
    }
    return v;
  }

  /** The name of an environment variable, e.g. {@code DEMARCHE_SMTP_PASSWORD}. */
  public static String requireEnvName(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!ENV_NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must name an environment variable (letters, digits, '_'), such as "
          + "DEMARCHE_SMTP_PASSWORD, not '" + value + "'");
    }
    return value;
  }

  /**
   * True for a host that is this machine, written literally: {@code localhost}, an address in
   * 127.0.0.0/8, or {@code ::1}. Names are not resolved: a name that merely resolves to 127.0.0.1 is not
   * accepted as loopback.
   */
  public static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("localhost.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
