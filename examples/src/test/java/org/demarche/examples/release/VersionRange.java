package org.demarche.examples.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Maven version range of affected versions ({@code [,1.79)}, {@code [1.2,1.5]}, {@code [2.0.3]}), compared as
 * Maven does for the versions that occur here: numbers numerically, {@code -jre}/{@code -android} as releases,
 * other qualifiers (alpha, beta, rc, SNAPSHOT) before the release they qualify.
 */
public record VersionRange(Optional<String> lower, boolean lowerInclusive, Optional<String> upper,
    boolean upperInclusive) {

  public static VersionRange parse(String text) {
    String t = text.strip();
    if (t.length() < 3 || "[(".indexOf(t.charAt(0)) < 0 || "])".indexOf(t.charAt(t.length() - 1)) < 0) {
      throw new IllegalArgumentException("'" + text + "' is not a version range such as [,1.79) or [1.2,1.5]");
    }
    boolean lowerIn = t.charAt(0) == '[';
    boolean upperIn = t.charAt(t.length() - 1) == ']';
    String inside = t.substring(1, t.length() - 1);
    int comma = inside.indexOf(',');
    if (comma < 0) {
      if (!lowerIn || !upperIn || inside.isBlank()) {
        throw new IllegalArgumentException("'" + text + "': a single version is written [1.2.3]");
      }
      return new VersionRange(Optional.of(inside.strip()), true, Optional.of(inside.strip()), true);
    }
    String lo = inside.substring(0, comma).strip();
    String hi = inside.substring(comma + 1).strip();
    return new VersionRange(lo.isEmpty() ? Optional.empty() : Optional.of(lo), lowerIn,
        hi.isEmpty() ? Optional.empty() : Optional.of(hi), upperIn);
  }

  public boolean contains(String version) {
    boolean aboveLower = lower.map(l -> {
      int c = compare(version, l);
      return lowerInclusive ? c >= 0 : c > 0;
    }).orElse(true);
    boolean belowUpper = upper.map(u -> {
      int c = compare(version, u);
      return upperInclusive ? c <= 0 : c < 0;
    }).orElse(true);
    return aboveLower && belowUpper;
  }

  /** Compares two versions: negative when {@code a} is older. */
  public static int compare(String a, String b) {
    List<Object> x = tokens(a);
    List<Object> y = tokens(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      Object p = i < x.size() ? x.get(i) : null;
      Object q = i < y.size() ? y.get(i) : null;
      int c = compareToken(p, q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** A missing token is 0 against a number and a release against a qualifier. */
  private static int compareToken(Object p, Object q) {
    if (p instanceof Long m && q instanceof Long n) {
      return Long.compare(m, n);
    }
    if (p == null) {
      return q instanceof Long n ? Long.compare(0, n) : -compareToken(q, null);
    }
    if (q == null) {
      return p instanceof Long m ? Long.compare(m, 0) : -1;
    }
    if (p instanceof Long) {
      return 1;
    }
    if (q instanceof Long) {
      return -1;
    }
    return ((String) p).compareTo((String) q);
  }

  private static List<Object> tokens(String version) {
    List<Object> tokens = new ArrayList<>();
    for (String t : version.toLowerCase(Locale.ROOT).split("[.\\-_]")) {
      if (t.isEmpty() || t.equals("jre") || t.equals("android") || t.equals("final") || t.equals("ga")) {
        continue;
      }
      tokens.add(t.matches("\\d+") ? (Object) Long.parseLong(t) : t);
    }
    return tokens;
  }

  @Override
  public String toString() {
    if (lower.equals(upper) && lower.isPresent()) {
      return "[" + lower.get() + "]";
    }
    return (lowerInclusive ? "[" : "(") + lower.orElse("") + "," + upper.orElse("") + (upperInclusive ? "]" : ")");
  }
}
