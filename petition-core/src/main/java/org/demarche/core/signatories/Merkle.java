package org.demarche.core.signatories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hash tree: leaves SHA-256(0x00 || salt || canonical record), sorted as unsigned bytes; inner nodes
 * SHA-256(0x01 || left || right); a level with an odd number of nodes passes its last node up unchanged
 * (which gives the same root as RFC 6962's tree). The commitment binds the root to the list's size:
 * SHA-256("demarche-list-v1" || size as 8 bytes || root). An empty list's root is SHA-256 of nothing.
 */
final class Merkle {
  static final int HASH = 32;
  private static final byte[] LIST_CONTEXT = "demarche-list-v1".getBytes(StandardCharsets.US_ASCII);

  private Merkle() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime lacks SHA-256", e);
    }
  }

  static byte[] leaf(MessageDigest md, byte[] salt, byte[] canonical) {
    md.update((byte) 0);
    md.update(salt);
    md.update(canonical);
    return md.digest();
  }

  static byte[] node(MessageDigest md, byte[] left, byte[] right) {
    md.update((byte) 1);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  static byte[] commitment(MessageDigest md, long size, byte[] root) {
    md.update(LIST_CONTEXT);
    for (int i = 0; i < 8; i++) {
      md.update((byte) (size >>> (56 - 8 * i)));
    }
    md.update(root);
    return md.digest();
  }

  /** Sorts leaves in place (unsigned lexicographic order). */
  static void sort(byte[][] leaves) {
    Arrays.parallelSort(leaves, Arrays::compareUnsigned);
  }

  /** The root of sorted leaves, computed level by level (the input array is reused as scratch). */
  static byte[] root(MessageDigest md, byte[][] level, int n) {
    if (n == 0) {
      return md.digest();
    }
    while (n > 1) {
      int next = 0;
      for (int i = 0; i + 1 < n; i += 2) {
        level[next++] = node(md, level[i], level[i + 1]);
      }
      if (n % 2 == 1) {
        level[next++] = level[n - 1];
      }
      n = next;
    }
    return level[0];
  }

  /** Every level of the tree, leaves first, for issuing proofs. */
  static List<byte[][]> levels(MessageDigest md, byte[][] leaves) {
    List<byte[][]> levels = new ArrayList<>();
    byte[][] level = leaves;
    levels.add(level);
    while (level.length > 1) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      for (int i = 0; i + 1 < level.length; i += 2) {
        up[i / 2] = node(md, level[i], level[i + 1]);
      }
      if (level.length % 2 == 1) {
        up[up.length - 1] = level[level.length - 1];
      }
      levels.add(up);
      level = up;
    }
    return levels;
  }

  /** The siblings on the path from leaf {@code index} to the root, lowest first. */
  static List<byte[]> proof(List<byte[][]> levels, int index) {
    List<byte[]> out = new ArrayList<>();
    int i = index;
    for (int l = 0; l < levels.size() - 1; l++) {
      byte[][] level = levels.get(l);
      int sibling = i ^ 1;
      if (sibling < level.length) {
        out.add(level[sibling]);
      }
      i >>= 1;
    }
    return out;
  }

  /** The root reached from {@code leaf} at {@code index} of {@code size} along {@code proof}; null if the proof's length is wrong. */
  static byte[] rootFromProof(MessageDigest md, byte[] leaf, long index, long size, List<byte[]> proof) {
    if (index < 0 || index >= size) {
      return null;
    }
    byte[] h = leaf;
    long i = index;
    long n = size;
    int used = 0;
    while (n > 1) {
      if ((i & 1) == 1) {
        if (used >= proof.size()) {
          return null;
        }
        h = node(md, proof.get(used++), h);
      } else if (i + 1 < n) {
        if (used >= proof.size()) {
          return null;
        }
        h = node(md, h, proof.get(used++));
      }
      i >>= 1;
      n = (n + 1) / 2;
    }
    return used == proof.size() ? h : null;
  }
}
