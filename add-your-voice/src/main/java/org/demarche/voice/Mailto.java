package org.demarche.voice;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@code mailto:} link (RFC 6068) that opens the supporter's own mail program with the mission's address,
 * the subject and the letter's text filled in.
 *
 * <p>Encoding: every byte of the UTF-8 form is percent-encoded except the unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} (and {@code @} in the address), so {@code &}, {@code =}, {@code ?}, {@code #},
 * {@code +} and spaces in the subject or body can never be read as syntax; line breaks are written
 * {@code %0D%0A} as RFC 6068 section 5 asks.
 *
 * <p>Length: browsers and mail programs truncate or refuse long links (Internet Explorer and older Outlook at
 * 2,083 characters, some webmail handlers at about 2,000), so a link is kept within
 * {@link #DEFAULT_MAX_LENGTH} 2,000 characters unless the campaign says otherwise. When the letter does not fit,
 * its text is cut at the last paragraph, sentence or word boundary that fits, and a note asks the supporter to
 * attach the letter's document (the file named after the letter's id), which has the whole letter;
 * {@link #shortened()} then says so.
 *
 * @param link the whole link, e.g. {@code mailto:a@example.org?subject=...&body=...}
 * @param shortened whether the body was shortened to fit
 */
public record Mailto(String link, boolean shortened) {
  /** The default longest link, in characters. */
  public static final int DEFAULT_MAX_LENGTH = 2000;
  /** The shortest limit accepted: enough for an address, a subject and the note. */
  public static final int MIN_LENGTH = 600;

  /** Checks that {@code link} is a mailto link. */
  public Mailto {
    Objects.requireNonNull(link, "link");
    if (!link.startsWith("mailto:")) {
      throw new IllegalArgumentException("a mailto link starts with mailto:, not '" + link + "'");
    }
  }

  /**
   * The link to {@code to} with {@code subject} and {@code head + tail} as the body, within {@code maxLength}
   * characters. Only {@code head} is shortened (the closing and signature in {@code tail} are kept whole); the
   * note then asks for the document {@code letterId}, the file whose name is the letter's id (and the
   * extension its renderer gave it).
   */
  public static Mailto of(String to, String subject, String head, String tail, String letterId, int maxLength) {
    String prefix = "mailto:" + encode(to, true) + "?subject=" + encode(subject, false) + "&body=";
    String full = prefix + encode(head + tail, false);
    if (full.length() <= maxLength) {
      return new Mailto(full, false);
    }
    String note = "\n\n[…] The letter is longer than a mail link can carry: its whole text is in the document "
        + letterId + " that came with this link. Please attach that file before you send.\n\n";
    int fixed = prefix.length() + encode(note + tail, false).length();
    if (fixed >= maxLength) {
      throw new IllegalArgumentException("a mailto link of at most " + maxLength + " characters cannot hold the"
          + " address, subject and signature (" + fixed + " characters without the letter): allow a longer link");
    }
    // The longest prefix of head (in code points) whose encoding fits: encoding grows monotonically.
    int[] cps = head.codePoints().toArray();
    int lo = 0;
    int hi = cps.length;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (fixed + encode(new String(cps, 0, mid), false).length() <= maxLength) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    String cut = boundary(new String(cps, 0, lo));
    return new Mailto(prefix + encode(cut + note + tail, false), true);
  }

  /** Cuts {@code text} back to its last paragraph break, else sentence end, else word break. */
  static String boundary(String text) {
    int para = text.lastIndexOf("\n\n");
    if (para > text.length() / 2) {
      return text.substring(0, para).stripTrailing();
    }
    int best = -1;
    for (String end : new String[] {". ", "。", "! ", "? ", "！", "？"}) {
      int i = text.lastIndexOf(end);
      if (i >= 0) {
        best = Math.max(best, i + end.strip().length());
      }
    }
    if (best > text.length() / 2) {
      return text.substring(0, best);
    }
    int space = text.lastIndexOf(' ');
    return (space > text.length() / 2 ? text.substring(0, space) : text).stripTrailing();
  }

  /** RFC 3986 percent-encoding of UTF-8, keeping unreserved characters; newlines become CRLF. */
  static String encode(String text, boolean address) {
    String s = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n");
    StringBuilder out = new StringBuilder(s.length() * 3);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~' || (address && c == '@')) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
