package org.demarche.core.signatories;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.demarche.core.model.Location;
import org.demarche.core.model.Signatory;

/**
 * Finds rows that repeat an earlier row's email, or its name and city when there is no email. Holds two
 * 64-bit hashes and the first row's line and column per distinct key, not the keys: a million rows fit in
 * a few tens of megabytes.
 */
final class DuplicateFinder {
  private final String display;
  private final List<Duplicate> listed = new ArrayList<>();
  private long count;
  // Open addressing on 128 bits of two independent hashes of the normalized key; line 0 marks a free slot.
  private long[] h1 = new long[1 << 12];
  private long[] h2 = new long[1 << 12];
  private int[] lines = new int[1 << 12];
  private int[] columns = new int[1 << 12];
  private int size;

  DuplicateFinder(String display) {
    this.display = display;
  }

  /** The first {@link ImportReport#MAX_LISTED} duplicates found. */
  List<Duplicate> listed() {
    return listed;
  }

  /** How many duplicates were found in all. */
  long count() {
    return count;
  }

  /** Adds the signatory of the row at {@code line}, whose email and name are in the given columns. */
  void add(Signatory s, int line, int emailColumn, int nameColumn) {
    Duplicate.Rule rule = s.email().isPresent() ? Duplicate.Rule.EMAIL : Duplicate.Rule.NAME_AND_CITY;
    String key = rule == Duplicate.Rule.EMAIL ? "e" + s.email().get().strip().toLowerCase(Locale.ROOT)
        : "n" + normalize(s.name()) + "\u0000" + s.city().map(DuplicateFinder::normalize).orElse("");
    int column = rule == Duplicate.Rule.EMAIL ? emailColumn : nameColumn;
    long a = fnv(key);
    long b = mix(key);
    if (size * 2 >= h1.length) {
      grow();
    }
    int mask = h1.length - 1;
    int i = (int) (a ^ (a >>> 32)) & mask;
    while (lines[i] != 0) {
      if (h1[i] == a && h2[i] == b) {
        count++;
        if (listed.size() < ImportReport.MAX_LISTED) {
          listed.add(new Duplicate(new Location(display, line, column), new Location(display, lines[i], columns[i]), rule));
        }
        return;
      }
      i = (i + 1) & mask;
    }
    h1[i] = a;
    h2[i] = b;
    lines[i] = Math.max(1, line);
    columns[i] = column;
    size++;
  }

  private void grow() {
    long[] o1 = h1;
    long[] o2 = h2;
    int[] ol = lines;
    int[] oc = columns;
    int n = o1.length * 2;
    h1 = new long[n];
    h2 = new long[n];
    lines = new int[n];
    columns = new int[n];
    for (int j = 0; j < o1.length; j++) {
      if (ol[j] != 0) {
        int i = (int) (o1[j] ^ (o1[j] >>> 32)) & (n - 1);
        while (lines[i] != 0) {
          i = (i + 1) & (n - 1);
        }
        h1[i] = o1[j];
        h2[i] = o2[j];
        lines[i] = ol[j];
        columns[i] = oc[j];
      }
    }
  }

  /** NFKC, runs of white space as one space, trimmed, lower case. */
  static String normalize(String s) {
    String n = Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(n.length());
    boolean space = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long mix(String s) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < s.length(); i++) {
      h = (h + s.charAt(i)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
    }
    h ^= h >>> 32;
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }
}
