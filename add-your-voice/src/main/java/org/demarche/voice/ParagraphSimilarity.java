package org.demarche.voice;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Finds personal paragraphs that are the same word for word, or nearly so: the letters officials discard.
 *
 * <p><b>Words.</b> A paragraph is normalized (Unicode NFKC, lower case) and split into words: runs of letters
 * and digits; punctuation and spacing are ignored. In scripts written without spaces (Han, Hiragana,
 * Katakana) every character is a word.
 *
 * <p><b>Identical</b> means the same sequence of words.
 *
 * <p><b>Near-duplicate</b> means a Jaccard similarity of at least the threshold (default
 * {@value #DEFAULT_THRESHOLD}) between the sets of word 3-shingles (every run of three consecutive words;
 * a paragraph of fewer than three words is one shingle): |A ∩ B| / |A ∪ B|. At 0.8, changing one word in the
 * middle of a 40-word paragraph leaves 35 of 41 shingles shared, 0.85, so a paragraph copied with a
 * name swapped in is caught, while two paragraphs written independently on the same subject score well below
 * 0.3. Near-duplicate groups are linked transitively (A~B and B~C put A, B, C in one group).
 *
 * <p><b>Scale.</b> Candidate pairs come from MinHash signatures (64 hash functions) cut into 16 bands of 4
 * (locality-sensitive hashing); each candidate is then checked with the exact Jaccard similarity, so nothing is
 * reported that does not meet the threshold. A pair at similarity 0.8 is a candidate with probability 0.9998;
 * at 0.7, 0.98. 10,000 paragraphs take well under a second.
 */
public final class ParagraphSimilarity {
  /** The default similarity from which two paragraphs are near-duplicates. */
  public static final double DEFAULT_THRESHOLD = 0.8;
  private static final int HASHES = 64;
  private static final int ROWS = 4;

  /** Whether a group's paragraphs are identical or only similar. */
  public enum Kind { IDENTICAL, NEAR_DUPLICATE }

  /**
   * A set of paragraphs that are identical (same words) or near-duplicates of one another.
   *
   * @param kind identical or near-duplicate
   * @param members indexes into the list given to {@link #groups}, ascending
   * @param lowestSimilarity the lowest Jaccard similarity of a linked pair in the group (1 for identical)
   */
  public record Group(Kind kind, List<Integer> members, double lowestSimilarity) {
    public Group {
      Objects.requireNonNull(kind, "kind");
      members = List.copyOf(members);
    }
  }

  private ParagraphSimilarity() {}

  /** The words of {@code text} as described above. */
  public static List<String> words(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (unspaced(cp)) {
        flush(word, out);
        out.add(new String(Character.toChars(cp)));
      } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        word.appendCodePoint(cp);
      } else {
        flush(word, out);
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean unspaced(int cp) {
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
        || sc == Character.UnicodeScript.KATAKANA;
  }

  /** The Jaccard similarity of the word 3-shingle sets of {@code a} and {@code b}. */
  public static double similarity(String a, String b) {
    return jaccard(shingles(words(a)), shingles(words(b)));
  }

  /**
   * The groups among {@code paragraphs} (blank ones are ignored): first every identical group, then every
   * near-duplicate group with at least two different paragraphs, each ordered by its first member.
   */
  public static List<Group> groups(List<String> paragraphs, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be above 0 and at most 1, not " + threshold);
    }
    Map<String, List<Integer>> byWords = new LinkedHashMap<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      List<String> w = words(paragraphs.get(i));
      if (!w.isEmpty()) {
        byWords.computeIfAbsent(String.join(" ", w), k -> new ArrayList<>()).add(i);
      }
    }
    List<Group> out = new ArrayList<>();
    List<List<Integer>> distinct = new ArrayList<>(byWords.values());
    for (List<Integer> same : distinct) {
      if (same.size() > 1) {
        out.add(new Group(Kind.IDENTICAL, same, 1.0));
      }
    }
    int n = distinct.size();
    long[][] sets = new long[n][];
    int k = 0;
    for (String key : byWords.keySet()) {
      sets[k++] = shingles(Arrays.asList(key.split(" ")));
    }
    int[] parent = new int[n];
    double[] lowest = new double[n];
    link(sets, threshold, parent, lowest);
    Map<Integer, List<Integer>> components = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      components.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<Integer, List<Integer>> c : components.entrySet()) {
      if (c.getValue().size() > 1) {
        List<Integer> members = new ArrayList<>();
        c.getValue().forEach(d -> members.addAll(distinct.get(d)));
        members.sort(null);
        out.add(new Group(Kind.NEAR_DUPLICATE, members, lowest[c.getKey()]));
      }
    }
    return out;
  }

  /**
   * Links every pair of shingle sets at or above {@code threshold} into one component ({@code parent}, union-find),
   * finding candidates by LSH over MinHash bands; {@code lowest} gets each root's lowest linked similarity.
   */
  private static void link(long[][] sets, double threshold, int[] parent, double[] lowest) {
    int n = sets.length;
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      lowest[i] = 1.0;
    }
    Map<Long, List<Integer>> buckets = new HashMap<>();
    for (int i = 0; i < n; i++) {
      long[] sig = minHash(sets[i]);
      for (int band = 0; band < HASHES / ROWS; band++) {
        long key = band * 0x9E3779B97F4A7C15L;
        for (int r = 0; r < ROWS; r++) {
          key = mix(key ^ sig[band * ROWS + r]);
        }
        List<Integer> bucket = buckets.computeIfAbsent(key, x -> new ArrayList<>());
        for (int j : bucket) {
          int ri = find(parent, i);
          int rj = find(parent, j);
          if (ri == rj) {
            continue;
          }
          double sim = jaccard(sets[i], sets[j]);
          if (sim >= threshold) {
            int root = Math.min(ri, rj);
            int other = Math.max(ri, rj);
            parent[other] = root;
            lowest[root] = Math.min(Math.min(lowest[root], lowest[other]), sim);
          }
        }
        bucket.add(i);
      }
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The sorted, distinct 64-bit hashes of the 3-shingles of {@code words}. */
  static long[] shingles(List<String> words) {
    if (words.isEmpty()) {
      return new long[0];
    }
    int count = Math.max(1, words.size() - 2);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      String shingle = words.size() < 3 ? String.join(" ", words)
          : words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2);
      out[i] = hash(shingle);
    }
    Arrays.sort(out);
    return Arrays.stream(out).distinct().toArray();
  }

  static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  private static long[] minHash(long[] set) {
    long[] sig = new long[HASHES];
    Arrays.fill(sig, Long.MAX_VALUE);
    for (long x : set) {
      for (int h = 0; h < HASHES; h++) {
        long v = mix(x ^ (0xC2B2AE3D27D4EB4FL * (h + 1)));
        if (v < sig[h]) {
          sig[h] = v;
        }
      }
    }
    return sig;
  }

  private static long hash(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** The SplitMix64 finalizer: a good 64-bit mixing function. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
