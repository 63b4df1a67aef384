package org.demarche.contacts.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Folding for free-text search: NFKC, case folding, and Latin accents removed (not Japanese voicing marks). */
public final class Text {
  private Text() {}

  public static String fold(String s) {
    String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
    // Decompose, drop combining diacritics of the Latin/Greek/Cyrillic block only (U+0300-U+036F), recompose.
    String nfd = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (c < '\u0300' || c > '\u036F') {
        b.append(c);
      }
    }
    String folded = Normalizer.normalize(b, Normalizer.Form.NFC);
    // Case folding: upper then lower maps ß to ss and final sigma to sigma, as full case folding does.
    return folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
