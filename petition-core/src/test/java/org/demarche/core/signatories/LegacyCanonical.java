package org.demarche.core.signatories;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.demarche.core.model.Signatory;

/**
 * Frozen copy of Canonical as of cc4634f (before the one-pass import), for the baseline of
 * {@code EndToEndBenchmark} only. The bytes a signatory's leaf commits to: a version byte, then kind, name, organization, city, country,
 * email, signed-at (ISO-8601 instant) and disclosure level, each as 0x00 when absent or 0x01, a 4-byte
 * big-endian length and the UTF-8 bytes. Free extra fields are the NGO's own and are not committed.
 */
final class LegacyCanonical {
  static final int VERSION = 1;

  private LegacyCanonical() {}

  static byte[] encode(Signatory s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    out.write(VERSION);
    put(out, Optional.of(s.kind() == Signatory.Kind.ORGANIZATION ? "organization" : "person"));
    put(out, Optional.of(s.name()));
    put(out, s.organization());
    put(out, s.city());
    put(out, s.country());
    put(out, s.email());
    put(out, s.signedAt().map(Object::toString));
    put(out, Optional.of(s.disclosure().name()));
    return out.toByteArray();
  }

  private static void put(ByteArrayOutputStream out, Optional<String> value) {
    if (value.isEmpty()) {
      out.write(0);
      return;
    }
    byte[] b = value.get().getBytes(StandardCharsets.UTF_8);
    out.write(1);
    out.write(b.length >>> 24);
    out.write(b.length >>> 16);
    out.write(b.length >>> 8);
    out.write(b.length);
    out.write(b, 0, b.length);
  }
}
