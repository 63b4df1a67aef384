package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * A font parsed for one thread, with its character map and advance widths cached: measuring text is
 * an array look-up per character once a character has been seen.
 */
public final class Face {
  private static final byte UNKNOWN = 0;
  private static final byte PRESENT = 1;
  private static final byte ABSENT = 2;

  final FontSource source;
  final int index;
  final TrueTypeFont ttf;
  /** A bundled CJK face: it has no bold, so bold text that needs it is set regular throughout. */
  final boolean cjk;
  private final CmapLookup cmap;
  private final float scale;
  private final byte[] bmpState = new byte[0x10000];
  private final float[] bmpWidth = new float[0x10000];
  /** Glyph ids of BMP code points seen so far (0: not looked up yet, or no glyph). */
  private final char[] bmpGlyph = new char[0x10000];

  Face(FontSource source, int index, boolean cjk) {
    this.source = source;
    this.index = index;
    this.cjk = cjk;
    try {
      this.ttf = source.parse();
      this.cmap = ttf.getUnicodeCmapLookup(false);
      this.scale = 1000f / ttf.getUnitsPerEm();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse font " + source.origin(), e);
    }
    Arrays.fill(bmpWidth, Float.NaN);
  }

  /** Whether this font has a glyph for the code point. */
  public boolean has(int codePoint) {
    if (codePoint < 0x10000) {
      byte s = bmpState[codePoint];
      if (s == UNKNOWN) {
        s = cmap.getGlyphId(codePoint) > 0 ? PRESENT : ABSENT;
        bmpState[codePoint] = s;
      }
      return s == PRESENT;
    }
    return cmap.getGlyphId(codePoint) > 0;
  }

  /** The glyph id of the code point (0 when the font has none). */
  public int glyphId(int codePoint) {
    if (codePoint < 0x10000) {
      int g = bmpGlyph[codePoint];
      if (g == 0) {
        g = cmap.getGlyphId(codePoint);
        bmpGlyph[codePoint] = (char) g;
      }
      return g;
    }
    return cmap.getGlyphId(codePoint);
  }

  /** The advance width of the code point's glyph in thousandths of an em. */
  public float advance(int codePoint) {
    if (codePoint < 0x10000) {
      float w = bmpWidth[codePoint];
      if (Float.isNaN(w)) {
        w = glyphAdvance(codePoint);
        bmpWidth[codePoint] = w;
      }
      return w;
    }
    return glyphAdvance(codePoint);
  }

  private float glyphAdvance(int codePoint) {
    try {
      // Rounded as PDFBox writes the widths into the PDF, so that what is measured is what is drawn.
      return Math.round(ttf.getAdvanceWidth(cmap.getGlyphId(codePoint)) * scale);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read glyph widths of " + source.origin(), e);
    }
  }

  public String name() {
    return source.name();
  }
}
