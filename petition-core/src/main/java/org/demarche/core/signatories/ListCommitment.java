package org.demarche.core.signatories;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;

/**
 * A commitment over a whole signatory list: 32 bytes that change if any signatory is added, removed or
 * altered, yet reveal nobody, because every signatory's leaf is hashed with a secret random salt (see
 * {@link SaltKey} and {@code docs/signatories.md}). Print it on what the recipient receives; later, give
 * each signatory an {@link InclusionReceipt} that proves they are in the committed list.
 *
 * @param size how many signatories the list holds (bound into the commitment)
 * @param hex the SHA-256 commitment as 64 lower-case hexadecimal digits
 */
public record ListCommitment(long size, String hex) {
  public ListCommitment {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    hex = normalize(hex);
  }

  /** A commitment as printed ("3f2a…"), with or without spaces, colons or a "sha256:" prefix. */
  static String normalize(String hex) {
    Objects.requireNonNull(hex, "hex");
    String h = hex.strip().toLowerCase(Locale.ROOT);
    for (String prefix : new String[] {"sha-256", "sha256"}) {
      if (h.startsWith(prefix)) {
        h = h.substring(prefix.length());
        break;
      }
    }
    h = h.replace(" ", "").replace(":", "");
    if (h.length() != 64 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException("a list commitment is 64 hexadecimal digits (SHA-256), not '" + hex + "'");
    }
    return h;
  }

  /** Computes the commitment of {@code list} under {@code key}, streaming the list once. */
  public static ListCommitment compute(Signatories list, SaltKey key) {
    Objects.requireNonNull(list, "list");
    LeafList leaves = new LeafList(Objects.requireNonNull(key, "key"));
    Canonical.Buffer canonical = new Canonical.Buffer();
    try (Stream<Signatory> s = list.stream()) {
      Iterator<Signatory> it = s.iterator();
      while (it.hasNext()) {
        int length = canonical.encode(it.next());
        leaves.add(canonical.bytes(), length);
      }
    }
    return leaves.commitment();
  }

  /**
   * Computes the commitment and hands {@code each} a receipt for every signatory, in list order; the
   * list is streamed twice. Returns the commitment the receipts verify against.
   */
  public static ListCommitment issueReceipts(Signatories list, SaltKey key, Consumer<InclusionReceipt> each) {
    Objects.requireNonNull(each, "each");
    Leaves leaves = Leaves.of(list, key);
    MessageDigest md = Merkle.sha256();
    List<byte[][]> levels = Merkle.levels(md, leaves.sorted);
    int n = leaves.sorted.length;
    byte[] root = n == 0 ? md.digest() : levels.get(levels.size() - 1)[0];
    ListCommitment commitment = new ListCommitment(n, HexFormat.of().formatHex(Merkle.commitment(md, n, root)));
    HexFormat hex = HexFormat.of();
    SaltKey.Deriver salts = key.deriver();
    long position = 0;
    try (Stream<Signatory> s = list.stream()) {
      Iterator<Signatory> it = s.iterator();
      while (it.hasNext()) {
        Signatory sig = it.next();
        byte[] canonical = Canonical.encode(sig);
        byte[] salt = salts.salt(position++, canonical);
        int index = Arrays.binarySearch(leaves.sorted, Merkle.leaf(md, salt, canonical), Arrays::compareUnsigned);
        if (index < 0) {
          throw new IllegalStateException("the signatory list changed while receipts were issued");
        }
        List<String> proof = new ArrayList<>();
        for (byte[] p : Merkle.proof(levels, index)) {
          proof.add(hex.formatHex(p));
        }
        each.accept(new InclusionReceipt(strip(sig), hex.formatHex(salt), index, n, proof));
      }
    }
    if (position != n) {
      throw new IllegalStateException("the signatory list changed while receipts were issued");
    }
    return commitment;
  }

  private static Signatory strip(Signatory s) {
    return s.extra().isEmpty() ? s : new Signatory(s.kind(), s.name(), s.organization(), s.city(), s.country(),
        s.email(), s.signedAt(), s.disclosure(), java.util.Map.of());
  }

  /** How the commitment is printed on an annex: "SHA-256 3f2a…". */
  @Override
  public String toString() {
    return "SHA-256 " + hex;
  }

  /** All leaves of a list, sorted. */
  private static final class Leaves {
    final byte[][] sorted;

    private Leaves(byte[][] sorted) {
      this.sorted = sorted;
    }

    static Leaves of(Signatories list, SaltKey key) {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(key, "key");
      MessageDigest md = Merkle.sha256();
      SaltKey.Deriver salts = key.deriver();
      byte[][] leaves = new byte[1024][];
      int n = 0;
      try (Stream<Signatory> s = list.stream()) {
        Iterator<Signatory> it = s.iterator();
        while (it.hasNext()) {
          byte[] canonical = Canonical.encode(it.next());
          if (n == leaves.length) {
            if (n == Integer.MAX_VALUE - 8) {
              throw new IllegalStateException("a list commitment holds at most " + n + " signatories");
            }
            leaves = Arrays.copyOf(leaves, (int) Math.min(Integer.MAX_VALUE - 8L, n * 2L));
          }
          leaves[n] = Merkle.leaf(md, salts.salt(n, canonical), canonical);
          n++;
        }
      }
      byte[][] exact = n == leaves.length ? leaves : Arrays.copyOf(leaves, n);
      Merkle.sort(exact);
      return new Leaves(exact);
    }
  }
}
