package org.demarche.render.pdf.internal;

import java.nio.ByteBuffer;
import java.util.Map;

/** Writes a TrueType font file (sfnt version 1.0) from its tables, with the checksums the format asks for. */
final class TrueTypeWriter {
  private TrueTypeWriter() {}

  /** {@code tables} in tag order (a TreeMap), as the table directory must list them. */
  static byte[] write(Map<String, byte[]> tables) {
    int n = tables.size();
    int size = 12 + 16 * n;
    for (byte[] t : tables.values()) {
      size += (t.length + 3) & ~3;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    int power = Integer.highestOneBit(n);
    out.putInt(0x00010000).putShort((short) n).putShort((short) (power * 16))
        .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (n * 16 - power * 16));
    int offset = 12 + 16 * n;
    int headAt = -1;
    long total = 0;
    for (Map.Entry<String, byte[]> e : tables.entrySet()) {
      byte[] t = e.getValue();
      if (e.getKey().equals("head")) {
        headAt = offset;
        t[8] = t[9] = t[10] = t[11] = 0; // checkSumAdjustment is computed over the whole file below
      }
      long sum = checksum(t);
      total += sum;
      out.put(e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) sum).putInt(offset)
          .putInt(t.length);
      offset += (t.length + 3) & ~3;
    }
    int directory = out.position();
    for (byte[] t : tables.values()) {
      out.put(t);
      out.position((out.position() + 3) & ~3);
    }
    byte[] file = out.array();
    if (headAt >= 0) {
      // The file's checksum is the directory's plus the tables' (each padded to 4 bytes), already summed.
      total += checksum(java.util.Arrays.copyOf(file, directory));
      ByteBuffer.wrap(file).putInt(headAt + 8, (int) (0xB1B0AFBAL - (total & 0xffffffffL)));
    }
    return file;
  }

  /** The sum of the big-endian 32-bit words of {@code b}, zero-padded to 4 bytes, modulo 2^32. */
  static long checksum(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b);
    long sum = 0;
    int whole = b.length & ~3;
    for (int i = 0; i < whole; i += 4) {
      sum += buf.getInt(i) & 0xffffffffL;
    }
    if (whole < b.length) {
      long last = 0;
      for (int j = 0; j < 4; j++) {
        last = (last << 8) | (whole + j < b.length ? b[whole + j] & 0xff : 0);
      }
      sum += last;
    }
    return sum & 0xffffffffL;
  }
}
