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
  // Open addressing on 128 bits of two independent hashes of the normalized key. A slot is three longs side
  // by side (hash 1, hash 2, line << 32 | column) so that a probe touches one cache line, not four arrays;
  // line 0 marks a free slot.
  private long[] slots = new long[3 << 12];
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
    if (size * 2 >= slots.length / 3) {
      grow();
    }
    int mask = slots.length / 3 - 1;
    int i = (int) (a ^ (a >>> 32)) & mask;
    while (slots[3 * i + 2] != 0) {
      if (slots[3 * i] == a && slots[3 * i + 1] == b) {
        count++;
        if (listed.size() < ImportReport.MAX_LISTED) {
          long first = slots[3 * i + 2];
          listed.add(new Duplicate(new Location(display, line, column), new Location(display, (int) (first >>> 32),
              (int) first), rule));
        }
        return;
      }
      i = (i + 1) & mask;
    }
    put(slots, i, a, b, ((long) Math.max(1, line) << 32) | (column & 0xffffffffL));
    size++;
  }

  private static void put(long[] into, int i, long a, long b, long at) {
    into[3 * i] = a;
    into[3 * i + 1] = b;
    into[3 * i + 2] = at;
  }

  private void grow() {
    long[] old = slots;
    int n = old.length / 3 * 2;
    slots = new long[3 * n];
    for (int j = 0; j < old.length / 3; j++) {
      if (old[3 * j + 2] != 0) {
        int i = (int) (old[3 * j] ^ (old[3 * j] >>> 32)) & (n - 1);
        while (slots[3 * i + 2] != 0) {
          i = (i + 1) & (n - 1);
        }
        put(slots, i, old[3 * j], old[3 * j + 1], old[3 * j + 2]);
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
