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
    for (Map.Entry<String, byte[]> e : tables.entrySet()) {
      byte[] t = e.getValue();
      if (e.getKey().equals("head")) {
        headAt = offset;
        t[8] = t[9] = t[10] = t[11] = 0; // checkSumAdjustment is computed over the whole file below
      }
      out.put(e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) checksum(t, 0, t.length))
          .putInt(offset).putInt(t.length);
      offset += (t.length + 3) & ~3;
    }
    for (byte[] t : tables.values()) {
      out.put(t);
      out.position((out.position() + 3) & ~3);
    }
    byte[] file = out.array();
    if (headAt >= 0) {
      ByteBuffer.wrap(file).putInt(headAt + 8, (int) (0xB1B0AFBAL - checksum(file, 0, file.length)));
    }
    return file;
  }

  private static long checksum(byte[] b, int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i += 4) {
      long word = 0;
      for (int j = 0; j < 4; j++) {
        word = (word << 8) | (i + j < to ? b[i + j] & 0xff : 0);
      }
      sum += word;
    }
    return sum & 0xffffffffL;
  }
}
