package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.PostScriptTable;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * What PDFBox's {@code PDType0Font.load} and its subsetter rebuild for every document, computed once per
 * TrueType font and shared by every thread (immutable after construction): the raw tables a PDF font program
 * needs, each glyph's place in {@code glyf}, the components of composite glyphs, the widths in PDF units and the
 * font descriptor's metrics. {@link #sparseSubset} then builds a document's subset by copying byte ranges: the
 * glyphs keep their ids (unused ones are empty), so neither composite glyphs nor the CID-to-GID map need
 * renumbering.
 */
final class FontProgram {
  /**
   * Weak keys: a bundled source lives as long as its class loader, so its program is computed once; a user's font
   * (a new source per renderer) takes its program with it when its renderer is gone.
   */
  private static final Map<FontSource, FontProgram> BY_SOURCE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
  /** The tables PDFBox keeps when it subsets a font for a CIDFontType2 (TrueTypeEmbedder.subset). */
  private static final String[] COPIED = {"cvt ", "fpgm", "gasp", "maxp", "prep"};

  final String postScriptName;
  final int numGlyphs;
  final int unitsPerEm;
  /** Advance widths in thousandths of an em, rounded as PDFBox writes them (what {@link Face} measures). */
  final int[] widths;
  final float[] bbox;
  final float ascent;
  final float descent;
  final float capHeight;
  final float italicAngle;
  final boolean fixedPitch;
  private final Map<String, byte[]> tables = new java.util.TreeMap<>();
  private final byte[] glyf;
  private final int[] glyphStart;
  private final byte[] hmtx;
  private final int longMetrics;
  /** Component glyph ids of each composite glyph (null for a simple or empty glyph). */
  private final int[][] components;

  private FontProgram(TrueTypeFont ttf) throws IOException {
    HeaderTable head = ttf.getHeader();
    HorizontalHeaderTable hhea = ttf.getHorizontalHeader();
    numGlyphs = ttf.getNumberOfGlyphs();
    unitsPerEm = head.getUnitsPerEm();
    postScriptName = psName(ttf);
    float k = 1000f / unitsPerEm;
    bbox = new float[] {head.getXMin() * k, head.getYMin() * k, head.getXMax() * k, head.getYMax() * k};
    OS2WindowsMetricsTable os2 = ttf.getOS2Windows();
    ascent = hhea.getAscender() * k;
    descent = hhea.getDescender() * k;
    capHeight = os2 != null && os2.getCapHeight() != 0 ? os2.getCapHeight() * k : ascent;
    PostScriptTable post = ttf.getPostScript();
    italicAngle = post != null ? post.getItalicAngle() : 0;
    fixedPitch = post != null && post.getIsFixedPitch() != 0;
    Map<String, TTFTable> map = ttf.getTableMap();
    for (String tag : COPIED) {
      if (map.containsKey(tag)) {
        tables.put(tag, ttf.getTableBytes(map.get(tag)));
      }
    }
    tables.put("head", ttf.getTableBytes(map.get("head")));
    tables.put("hhea", ttf.getTableBytes(map.get("hhea")));
    hmtx = ttf.getTableBytes(map.get("hmtx"));
    longMetrics = hhea.getNumberOfHMetrics();
    glyf = ttf.getTableBytes(map.get("glyf"));
    long[] loca = ttf.getIndexToLocation().getOffsets();
    glyphStart = new int[numGlyphs + 1];
    for (int g = 0; g <= numGlyphs; g++) {
      glyphStart[g] = (int) Math.min(loca[Math.min(g, loca.length - 1)], glyf.length);
    }
    widths = new int[numGlyphs];
    components = new int[numGlyphs][];
    for (int g = 0; g < numGlyphs; g++) {
      widths[g] = Math.round(ttf.getAdvanceWidth(g) * k);
      components[g] = componentsOf(g);
    }
  }

  /** The program of a TrueType (glyf) font source, built on first use. */
  static FontProgram of(FontSource source, TrueTypeFont parsed) {
    return BY_SOURCE.computeIfAbsent(source, s -> {
      try {
        return new FontProgram(parsed);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the tables of font " + s.origin(), e);
      }
    });
  }

  /** Whether this font can be embedded by {@link #sparseSubset}: TrueType outlines ({@code glyf}, {@code loca}). */
  static boolean supports(FontSource source, TrueTypeFont ttf) {
    Map<String, TTFTable> map = ttf.getTableMap();
    return !source.postScriptOutlines() && map.containsKey("glyf") && map.containsKey("loca")
        && map.containsKey("hmtx") && map.containsKey("head") && map.containsKey("hhea");
  }

  private static String psName(TrueTypeFont ttf) throws IOException {
    String n = ttf.getNaming() != null ? ttf.getNaming().getPostScriptName() : null;
    if (n == null || n.isBlank()) {
      n = ttf.getName();
    }
    return (n == null ? "Font" : n).replaceAll("[^!-~]|[()<>\\[\\]{}/%#]", "");
  }

  private int[] componentsOf(int gid) {
    int at = glyphStart[gid];
    if (glyphStart[gid + 1] - at < 10 || (short) u16(glyf, at) >= 0) {
      return null;
    }
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int p = at + 10;
    int flags;
    do {
      flags = u16(glyf, p);
      out.add(u16(glyf, p + 2));
      p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
      if ((flags & 0x0008) != 0) {
        p += 2;
      } else if ((flags & 0x0040) != 0) {
        p += 4;
      } else if ((flags & 0x0080) != 0) {
        p += 8;
      }
    } while ((flags & 0x0020) != 0 && p + 4 <= glyphStart[gid + 1]);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Adds the components (transitively) of the used composite glyphs to {@code used}. */
  void closeOverComponents(java.util.BitSet used) {
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    used.stream().forEach(todo::add);
    while (!todo.isEmpty()) {
      int[] parts = components[todo.pop()];
      if (parts != null) {
        for (int c : parts) {
          if (c < numGlyphs && !used.get(c)) {
            used.set(c);
            todo.push(c);
          }
        }
      }
    }
  }

  /**
   * A TrueType font program that keeps the original glyph ids up to the highest one used: those in {@code used}
   * (glyph 0 always, and the components of composites) with their outlines and metrics, the others empty with
   * zero metrics.
   */
  byte[] sparseSubset(java.util.BitSet glyphs) {
    java.util.BitSet used = (java.util.BitSet) glyphs.clone();
    used.set(0);
    closeOverComponents(used);
    int size = 0;
    for (int g = used.nextSetBit(0); g >= 0; g = used.nextSetBit(g + 1)) {
      size += (glyphStart[g + 1] - glyphStart[g] + 3) & ~3;
    }
    byte[] newGlyf = new byte[size];
    // Glyphs after the last one used are left out (maxp.numGlyphs shrinks): nothing can refer to them.
    int count = used.length();
    int[] loca = new int[count + 1];
    ByteBuffer metrics = ByteBuffer.allocate(4 * count); // zero for the glyphs not used
    int at = 0;
    for (int g = used.nextSetBit(0), from = 0; g >= 0; g = used.nextSetBit(g + 1)) {
      java.util.Arrays.fill(loca, from, g + 1, at);
      from = g + 1;
      int len = glyphStart[g + 1] - glyphStart[g];
      System.arraycopy(glyf, glyphStart[g], newGlyf, at, len);
      at += (len + 3) & ~3;
      int m = Math.min(g, longMetrics - 1);
      metrics.putShort(4 * g, (short) u16(hmtx, 4 * m));
      int lsbAt = g < longMetrics ? 4 * g + 2 : 4 * longMetrics + 2 * (g - longMetrics);
      metrics.putShort(4 * g + 2, lsbAt + 2 <= hmtx.length ? (short) u16(hmtx, lsbAt) : 0);
    }
    loca[count] = at;
    ByteBuffer locaBytes = ByteBuffer.allocate(4 * (count + 1));
    locaBytes.asIntBuffer().put(loca);
    Map<String, byte[]> out = new java.util.TreeMap<>(tables);
    byte[] head = tables.get("head").clone();
    head[50] = 0;
    head[51] = 1; // indexToLocFormat: long offsets
    out.put("head", head);
    byte[] hhea = tables.get("hhea").clone();
    hhea[34] = (byte) (count >> 8);
    hhea[35] = (byte) count; // numberOfHMetrics: one long metric for every glyph
    out.put("hhea", hhea);
    if (tables.containsKey("maxp")) {
      byte[] maxp = tables.get("maxp").clone();
      maxp[4] = (byte) (count >> 8);
      maxp[5] = (byte) count;
      out.put("maxp", maxp);
    }
    out.put("glyf", newGlyf);
    out.put("loca", locaBytes.array());
    out.put("hmtx", metrics.array());
    return TrueTypeWriter.write(out);
  }

  static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }
}
