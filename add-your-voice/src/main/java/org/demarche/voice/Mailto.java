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
 * the campaign's text is cut at the last paragraph, sentence or word boundary that fits (the supporter's own
 * paragraph, the closing and the signature are kept whole), and a note asks the supporter to attach the
 * letter's document (the file named after the letter's id), which has the whole letter; when even the
 * supporter's paragraph does not fit, the link carries only that note. {@link #shortened()} then says so.
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
   * characters; see {@link #of(String, String, String, String, String, String, int)} with no personal paragraph.
   */
  public static Mailto of(String to, String subject, String head, String tail, String letterId, int maxLength) {
    return of(to, subject, head, "", tail, letterId, maxLength);
  }

  /**
   * The link to {@code to} with {@code subject} and {@code head + personal + tail} as the body, within
   * {@code maxLength} characters. Only the campaign's text in {@code head} is shortened: the supporter's own
   * {@code personal} paragraph and the closing and signature in {@code tail} are kept whole. When even those
   * do not fit, the link carries none of the letter's text, only a note asking to attach the document
   * {@code letterId} (the file whose name is the letter's id), which has the whole letter, and the closing
   * and signature when they fit: a supporter's own words are never cut.
   */
  public static Mailto of(String to, String subject, String head, String personal, String tail, String letterId,
      int maxLength) {
    String prefix = "mailto:" + encode(to, true) + "?subject=" + encode(subject, false) + "&body=";
    String full = prefix + encode(head + personal + tail, false);
    if (full.length() <= maxLength) {
      return new Mailto(full, false);
    }
    String note = "\n\n[…] The letter is longer than a mail link can carry: its whole text is in the document "
        + letterId + " that came with this link. Please attach that file before you send.\n\n";
    int fixed = prefix.length() + encode(note + personal + tail, false).length();
    if (fixed >= maxLength) {
      // The supporter's words are not cut: the link carries the note (and the closing, if it fits), the
      // attached document the whole letter.
      String attach = note.strip().replace("[…] ", "");
      String bodyless = prefix + encode(attach + tail, false);
      if (bodyless.length() > maxLength) {
        bodyless = prefix + encode(attach, false);
      }
      if (bodyless.length() > maxLength) {
        throw new IllegalArgumentException("a mailto link of at most " + maxLength + " characters cannot hold the"
            + " address, subject and a note to attach the letter (" + bodyless.length() + " characters): allow a"
            + " longer link");
      }
      return new Mailto(bodyless, true);
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
    return new Mailto(prefix + encode(cut + note.stripTrailing() + personal + tail, false), true);
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
