package org.demarche.render.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class FontProgramTest {
  private static final FontSource SERIF = FontSource.resource("Liberation Serif", "/liberation/LiberationSerif-Regular.ttf");

  private static TrueTypeFont parse(byte[] data) throws IOException {
    return new TTFParser(true).parse(new RandomAccessReadBuffer(data)); // as PDFBox reads an embedded font
  }

  @Test
  void aSparseSubsetKeepsTheGlyphIdsUpToTheHighestUsedWithOutlinesAndWidthsOnlyForTheGlyphsUsed()
      throws IOException {
    try (TrueTypeFont original = SERIF.parse()) {
      FontProgram p = FontProgram.of(SERIF, original);
      int a = original.getUnicodeCmapLookup().getGlyphId('a');
      int x = original.getUnicodeCmapLookup().getGlyphId('A');
      BitSet used = new BitSet();
      used.set(a);
      try (TrueTypeFont subset = parse(p.sparseSubset(used))) {
        assertThat(x).isLessThan(a);
        assertThat(subset.getNumberOfGlyphs()).isEqualTo(a + 1).isLessThan(original.getNumberOfGlyphs());
        assertThat(subset.getAdvanceWidth(a)).isEqualTo(original.getAdvanceWidth(a));
        assertThat(subset.getGlyph().getGlyph(a).getDescription().getPointCount())
            .isEqualTo(original.getGlyph().getGlyph(a).getDescription().getPointCount()).isPositive();
        GlyphData empty = subset.getGlyph().getGlyph(x);
        assertThat(empty == null || empty.getDescription().getPointCount() == 0).as("unused glyph A is empty").isTrue();
        assertThat(subset.getAdvanceWidth(x)).isZero();
      }
    }
  }

  @Test
  void aCompositeGlyphBringsItsComponents() throws IOException {
    try (TrueTypeFont original = SERIF.parse()) {
      FontProgram p = FontProgram.of(SERIF, original);
      int composite = -1;
      for (int cp : "éèêëàáâäçñöüÉÅ".codePoints().toArray()) {
        int g = original.getUnicodeCmapLookup().getGlyphId(cp);
        if (original.getGlyph().getGlyph(g).getDescription().isComposite()) {
          composite = g;
          break;
        }
      }
      assertThat(composite).as("Liberation Serif draws some accented letter as a composite").isPositive();
      BitSet used = new BitSet();
      used.set(composite);
      try (TrueTypeFont subset = parse(p.sparseSubset(used))) {
        int points = original.getGlyph().getGlyph(composite).getDescription().getPointCount();
        assertThat(subset.getGlyph().getGlyph(composite).getDescription().getPointCount()).isEqualTo(points)
            .isPositive();
      }
    }
  }

  @Test
  void theFileSumsToTheMagicNumberAndEachTableToItsDirectoryChecksum() throws IOException {
    try (TrueTypeFont original = SERIF.parse()) {
      BitSet used = new BitSet();
      used.set(3, 90);
      byte[] file = FontProgram.of(SERIF, original).sparseSubset(used);
      assertThat(TrueTypeWriter.checksum(file)).isEqualTo(0xB1B0AFBAL);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file);
      int tables = b.getShort(4);
      for (int i = 0; i < tables; i++) {
        int entry = 12 + 16 * i;
        String tag = new String(file, entry, 4, java.nio.charset.StandardCharsets.US_ASCII);
        byte[] table = java.util.Arrays.copyOfRange(file, b.getInt(entry + 8), b.getInt(entry + 8) + b.getInt(entry + 12));
        if (tag.equals("head")) {
          table[8] = table[9] = table[10] = table[11] = 0;
        }
        assertThat(TrueTypeWriter.checksum(table)).as(tag).isEqualTo(b.getInt(entry + 4) & 0xffffffffL);
      }
    }
  }

  @Test
  void theSubsetIsTheSameBytesForTheSameGlyphs() {
    try (TrueTypeFont original = SERIF.parse()) {
      FontProgram p = FontProgram.of(SERIF, original);
      BitSet used = new BitSet();
      used.set(5, 60);
      byte[] once = p.sparseSubset(used);
      assertThat(p.sparseSubset(used)).isEqualTo(once);
      assertThat(once.length).isLessThan(original.getTableMap().get("glyf").getLength() > 0
          ? (int) original.getOriginalDataSize() / 4 : 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
