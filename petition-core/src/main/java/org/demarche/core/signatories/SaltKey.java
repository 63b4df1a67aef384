package org.demarche.core.signatories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import org.demarche.core.files.AtomicFiles;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.demarche.core.model.Signatory;

/**
 * The NGO's secret from which every signatory's salt is derived: 256 random bits, kept in a private
 * "salts file" beside the signatory list (for {@code signatories.csv}, {@code signatories.csv.salts}) and
 * never sent to a recipient. The salt of the signatory at position {@code i} of the list is
 * HMAC-SHA256(key, "demarche-salt-v1" || i || the signatory's canonical record): unpredictable without
 * the key, and the same on every rerun, so a list and its salts file always give the same commitment.
 */
public final class SaltKey {
  /** Bytes of key material. */
  public static final int BYTES = 32;
  private static final String HEADER = "# Demarche salts file: the secret from which each co-signatory's salt is derived.";
  private static final byte[] CONTEXT = "demarche-salt-v1".getBytes(StandardCharsets.US_ASCII);
  private final byte[] key;

  private SaltKey(byte[] key) {
    if (key.length != BYTES) {
      throw new IllegalArgumentException("a salt key is " + BYTES + " bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  /** A new key from the platform's strong random source. */
  public static SaltKey generate() {
    byte[] k = new byte[BYTES];
    new SecureRandom().nextBytes(k);
    return new SaltKey(k);
  }

  /** A key from its 64 hexadecimal digits (for tests and for keys kept elsewhere). */
  public static SaltKey ofHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    try {
      return new SaltKey(HexFormat.of().parseHex(hex.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a salt key is 64 hexadecimal digits", e);
    }
  }

  /** The salts file that belongs to a signatory list: the list's name with {@code .salts} appended. */
  public static Path fileBeside(Path list) {
    Path name = Objects.requireNonNull(list, "list").getFileName();
    return list.resolveSibling(name + ".salts");
  }

  /** Reads a salts file; a missing or damaged file is an error naming the file. */
  public static SaltKey read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the salts file " + file + ": " + e.getMessage(), e);
    }
    for (String line : lines) {
      String l = line.strip();
      if (l.startsWith("key:")) {
        try {
          return ofHex(l.substring(4));
        } catch (IllegalArgumentException e) {
          break;
        }
      }
    }
    throw new IllegalStateException("the salts file " + file + " is damaged: it needs a line 'key: ' followed by 64"
        + " hexadecimal digits. Restore it from your backup: without it no receipt already given can be reissued.");
  }

  /**
   * Reads the salts file, or creates it with a new random key when it does not exist (owner-only
   * permissions where the file system has them). Two processes racing to create it agree on one key.
   */
  public static SaltKey readOrCreate(Path file) {
    if (Files.exists(file)) {
      return read(file);
    }
    return createWith(file, generate());
  }

  /**
   * Writes {@code key} as the salts file when there is none yet, and returns the key the file holds: {@code key},
   * or the one another process wrote first. An import salts its rows with a key held in memory and writes it
   * here only when the commitment is first needed, so that reading a list never leaves a file behind.
   */
  static SaltKey createWith(Path file, SaltKey key) {
    if (Files.exists(file)) {
      return read(file);
    }
    try {
      AtomicFiles.create(file, AtomicFiles.Access.PRIVATE, out -> out.write((HEADER
          + "\n# Keep it private and back it up; never send it to a recipient.\n"
          + "key: " + HexFormat.of().formatHex(key.key) + "\n").getBytes(StandardCharsets.US_ASCII)));
    } catch (FileAlreadyExistsException e) {
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the salts file " + file + ": " + e.getMessage(), e);
    }
    return read(file);
  }

  /** Writes this key as a salts file (refuses to overwrite one). */
  public void write(Path file) {
    try {
      Files.writeString(file, HEADER + "\nkey: " + HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII,
          java.nio.file.StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the salts file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A salt deriver for one pass over a list (not thread-safe; make one per thread). */
  Deriver deriver() {
    return new Deriver();
  }

  /** The salt of {@code signatory} at {@code position} in its list. */
  public byte[] salt(long position, Signatory signatory) {
    return deriver().salt(position, Canonical.encode(signatory));
  }

  final class Deriver {
    private final Mac mac;
    private final byte[] pos = new byte[8];

    Deriver() {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this Java runtime lacks HmacSHA256", e);
      }
    }

    byte[] salt(long position, byte[] canonical) {
      byte[] out = new byte[BYTES];
      salt(position, canonical, canonical.length, out);
      return out;
    }

    /** The same salt, of the first {@code length} bytes of {@code canonical}, into {@code out} (no allocation). */
    void salt(long position, byte[] canonical, int length, byte[] out) {
      for (int i = 0; i < 8; i++) {
        pos[i] = (byte) (position >>> (56 - 8 * i));
      }
      mac.update(CONTEXT);
      mac.update(pos);
      mac.update(canonical, 0, length);
      try {
        mac.doFinal(out, 0);
      } catch (javax.crypto.ShortBufferException e) {
        throw new IllegalStateException("HmacSHA256 gave more than " + BYTES + " bytes", e);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SaltKey k && java.security.MessageDigest.isEqual(k.key, key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "SaltKey[secret]";
  }
}
