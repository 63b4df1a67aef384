package org.demarche.core.signatories;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The leaves of a list commitment, gathered one row at a time into one flat array (32 bytes a leaf, no
 * object per row), then sorted and folded into the root in place. Gives the same commitment as the tree
 * described in {@link Merkle}; an import fills it while it reads the rows, so the list is not read again.
 */
final class LeafList {
  private static final int H = Merkle.HASH;
  /** Leaves are spread over buckets by their first two bytes; leaves are uniform, so buckets stay small. */
  private static final int BUCKETS = 1 << 16;
  private static final int INSERTION_MAX = 32;
  private final SaltKey key;
  private final SaltKey.Deriver salts;
  private final MessageDigest md = Merkle.sha256();
  private final byte[] salt = new byte[H];
  private byte[] leaves = new byte[1024 * H];
  private int n;

  LeafList(SaltKey key) {
    this.key = key;
    this.salts = key.deriver();
  }

  /** The key the leaves are salted with. */
  SaltKey key() {
    return key;
  }

  /** How many leaves so far. */
  int size() {
    return n;
  }

  /** Adds the leaf of the next row: its salt at position {@link #size()}, from its first {@code length} canonical bytes. */
  void add(byte[] canonical, int length) {
    room();
    salts.salt(n, canonical, length, salt);
    md.update((byte) 0);
    md.update(salt);
    md.update(canonical, 0, length);
    digestInto(leaves, n * H);
    n++;
  }

  /** Adds a ready leaf (tests use it to crowd one bucket). */
  void addLeaf(byte[] leaf) {
    room();
    System.arraycopy(leaf, 0, leaves, n++ * H, H);
  }

  private void room() {
    if (n == leaves.length / H) {
      if (n >= (Integer.MAX_VALUE - 8) / H / 2) {
        throw new IllegalStateException("a list commitment holds at most " + n + " signatories");
      }
      leaves = Arrays.copyOf(leaves, leaves.length * 2);
    }
  }

  /** The commitment: sorts the leaves and folds them into the root (this list is used up). */
  ListCommitment commitment() {
    sort();
    byte[] root;
    if (n == 0) {
      root = md.digest();
    } else {
      int width = n;
      while (width > 1) {
        int next = 0;
        for (int i = 0; i + 1 < width; i += 2) {
          // Both children are read into the digest before the parent overwrites slot next <= i.
          md.update((byte) 1);
          md.update(leaves, i * H, 2 * H);
          digestInto(leaves, next++ * H);
        }
        if (width % 2 == 1) {
          System.arraycopy(leaves, (width - 1) * H, leaves, next++ * H, H);
        }
        width = next;
      }
      root = Arrays.copyOf(leaves, H);
    }
    int size = n;
    leaves = new byte[0];
    n = 0;
    return new ListCommitment(size, HexFormat.of().formatHex(Merkle.commitment(md, size, root)));
  }

  /** Sorts the leaves as unsigned bytes: a bucket pass on the first two bytes, then each bucket on its own. */
  void sort() {
    if (n < 2) {
      return;
    }
    int[] start = new int[BUCKETS + 1];
    for (int i = 0; i < n; i++) {
      start[bucket(leaves, i) + 1]++;
    }
    for (int b = 0; b < BUCKETS; b++) {
      start[b + 1] += start[b];
    }
    int[] fill = Arrays.copyOf(start, BUCKETS);
    byte[] out = new byte[n * H];
    for (int i = 0; i < n; i++) {
      System.arraycopy(leaves, i * H, out, fill[bucket(leaves, i)]++ * H, H);
    }
    leaves = out;
    byte[] tmp = new byte[H];
    for (int b = 0; b < BUCKETS; b++) {
      int from = start[b];
      int to = start[b + 1];
      if (to - from <= INSERTION_MAX) {
        insertionSort(from, to, tmp);
      } else {
        sortLarge(from, to);
      }
    }
  }

  private static int bucket(byte[] a, int i) {
    return ((a[i * H] & 0xff) << 8) | (a[i * H + 1] & 0xff);
  }

  private int compare(int i, byte[] b, int j) {
    return Arrays.compareUnsigned(leaves, i * H, i * H + H, b, j * H, j * H + H);
  }

  private void insertionSort(int from, int to, byte[] tmp) {
    for (int i = from + 1; i < to; i++) {
      if (compare(i - 1, leaves, i) <= 0) {
        continue;
      }
      System.arraycopy(leaves, i * H, tmp, 0, H);
      int j = i - 1;
      while (j >= from && compare(j, tmp, 0) > 0) {
        j--;
      }
      System.arraycopy(leaves, (j + 1) * H, leaves, (j + 2) * H, (i - j - 1) * H);
      System.arraycopy(tmp, 0, leaves, (j + 1) * H, H);
    }
  }

  /** A crowded bucket (only by chance: leaves are pseudo-random) is sorted as separate arrays. */
  private void sortLarge(int from, int to) {
    byte[][] part = new byte[to - from][];
    for (int i = from; i < to; i++) {
      part[i - from] = Arrays.copyOfRange(leaves, i * H, i * H + H);
    }
    Arrays.sort(part, Arrays::compareUnsigned);
    for (int i = from; i < to; i++) {
      System.arraycopy(part[i - from], 0, leaves, i * H, H);
    }
  }

  /** The leaves in their current order (for tests). */
  byte[][] toArrays() {
    byte[][] out = new byte[n][];
    for (int i = 0; i < n; i++) {
      out[i] = Arrays.copyOfRange(leaves, i * H, i * H + H);
    }
    return out;
  }

  private void digestInto(byte[] into, int offset) {
    try {
      md.digest(into, offset, H);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 gave more than " + H + " bytes", e);
    }
  }
}
