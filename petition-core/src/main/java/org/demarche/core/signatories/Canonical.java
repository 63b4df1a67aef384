package org.demarche.core.signatories;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.demarche.core.model.Signatory;

/**
 * The bytes a signatory's leaf commits to: a version byte, then kind, name, organization, city, country,
 * email, signed-at (ISO-8601 instant) and disclosure level, each as 0x00 when absent or 0x01, a 4-byte
 * big-endian length and the UTF-8 bytes. Free extra fields are the NGO's own and are not committed.
 */
final class Canonical {
  static final int VERSION = 1;
  private static final String ORGANIZATION = "organization";
  private static final String PERSON = "person";

  private Canonical() {}

  static byte[] encode(Signatory s) {
    Buffer b = new Buffer();
    return Arrays.copyOf(b.bytes(), b.encode(s));
  }

  /** Encodes into one reused array, for a pass over many rows. */
  static final class Buffer {
    private byte[] out = new byte[256];
    private int at;
    /** Instant.toString is slow and a list holds few distinct dates: the texts seen, up to a bound. */
    private final java.util.Map<java.time.Instant, String> instants = new java.util.HashMap<>();

    /** Encodes {@code s}; the record is the first (returned) length bytes of {@link #bytes()}. */
    int encode(Signatory s) {
      at = 0;
      room(1);
      out[at++] = VERSION;
      put(s.kind() == Signatory.Kind.ORGANIZATION ? ORGANIZATION : PERSON);
      put(s.name());
      put(s.organization().orElse(null));
      put(s.city().orElse(null));
      put(s.country().orElse(null));
      put(s.email().orElse(null));
      put(s.signedAt().isPresent() ? instant(s.signedAt().get()) : null);
      put(s.disclosure().name());
      return at;
    }

    private String instant(java.time.Instant i) {
      String text = instants.get(i);
      if (text == null) {
        if (instants.size() >= 4096) {
          instants.clear();
        }
        text = i.toString();
        instants.put(i, text);
      }
      return text;
    }

    byte[] bytes() {
      return out;
    }

    private void put(String value) {
      room(5);
      if (value == null) {
        out[at++] = 0;
        return;
      }
      byte[] b = value.getBytes(StandardCharsets.UTF_8);
      room(5 + b.length);
      out[at++] = 1;
      out[at++] = (byte) (b.length >>> 24);
      out[at++] = (byte) (b.length >>> 16);
      out[at++] = (byte) (b.length >>> 8);
      out[at++] = (byte) b.length;
      System.arraycopy(b, 0, out, at, b.length);
      at += b.length;
    }

    private void room(int more) {
      if (at + more > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, at + more));
      }
    }
  }
}
