package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A TrueType font in one document as a Type0 font with a CIDFontType2 descendant, Identity-H encoded: the
 * small, documented extension of PDFBox that replaces {@code PDType0Font.load} (which rebuilds the whole font's
 * widths and CID tables for every document). Everything per font comes from the shared {@link FontProgram};
 * per document this records the glyphs drawn (PDFBox calls {@link #encode(int)} from {@code showText}) and, when
 * PDFBox saves the document ({@link #subset()}), writes the W array and ToUnicode CMap for those glyphs only and a
 * sparse subset of the font program. CIDs are the font's glyph ids (CIDToGIDMap Identity). The output depends
 * only on the glyphs used, so a letter renders to the same bytes every time.
 */
final class GlyphFont extends PDFont {
  private final PDDocument doc;
  private final Face face;
  private final FontProgram program;
  private final COSDictionary cidFont;
  private final COSDictionary descriptor;
  private final BitSet used = new BitSet();
  /** The first code point drawn with each glyph id, for ToUnicode. */
  private final java.util.Map<Integer, Integer> unicode = new java.util.HashMap<>();
  private boolean subsetDone;

  GlyphFont(PDDocument doc, Face face, FontProgram program) {
    super(type0(program));
    this.doc = doc;
    this.face = face;
    this.program = program;
    this.descriptor = descriptor(program);
    this.cidFont = new COSDictionary();
    cidFont.setItem(COSName.TYPE, COSName.FONT);
    cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
    cidFont.setName(COSName.BASE_FONT, program.postScriptName);
    COSDictionary info = new COSDictionary();
    info.setString(COSName.REGISTRY, "Adobe");
    info.setString(COSName.ORDERING, "Identity");
    info.setInt(COSName.SUPPLEMENT, 0);
    cidFont.setItem(COSName.CIDSYSTEMINFO, info);
    cidFont.setItem(COSName.FONT_DESC, descriptor);
    cidFont.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);
    COSArray descendants = new COSArray();
    descendants.add(cidFont);
    dict.setItem(COSName.DESCENDANT_FONTS, descendants);
  }

  private static COSDictionary type0(FontProgram program) {
    COSDictionary d = new COSDictionary();
    d.setItem(COSName.TYPE, COSName.FONT);
    d.setItem(COSName.SUBTYPE, COSName.TYPE0);
    d.setName(COSName.BASE_FONT, program.postScriptName);
    d.setItem(COSName.ENCODING, COSName.IDENTITY_H);
    return d;
  }

  private static COSDictionary descriptor(FontProgram p) {
    COSDictionary d = new COSDictionary();
    d.setItem(COSName.TYPE, COSName.FONT_DESC);
    d.setName(COSName.FONT_NAME, p.postScriptName);
    // Symbolic (the glyphs are addressed by id, not by a standard encoding), italic and fixed pitch as the font says.
    d.setInt(COSName.FLAGS, 4 | (p.italicAngle != 0 ? 64 : 0) | (p.fixedPitch ? 1 : 0));
    COSArray box = new COSArray();
    for (float v : p.bbox) {
      box.add(new COSFloat(Math.round(v)));
    }
    d.setItem(COSName.FONT_BBOX, box);
    d.setFloat(COSName.ITALIC_ANGLE, p.italicAngle);
    d.setFloat(COSName.ASCENT, Math.round(p.ascent));
    d.setFloat(COSName.DESCENT, Math.round(p.descent));
    d.setFloat(COSName.CAP_HEIGHT, Math.round(p.capHeight));
    d.setInt(COSName.STEM_V, Math.round(p.bbox[2] * .13f));
    return d;
  }

  @Override
  protected byte[] encode(int codePoint) throws IOException {
    int gid = face.glyphId(codePoint);
    if (gid <= 0) {
      throw new IllegalArgumentException(String.format("No glyph for U+%04X in font %s", codePoint, getName()));
    }
    if (!used.get(gid)) {
      used.set(gid);
      unicode.put(gid, codePoint);
    }
    return new byte[] {(byte) (gid >> 8), (byte) gid};
  }

  /** The glyphs are recorded as they are encoded ({@link #encode(int)}); nothing to do per code point here. */
  @Override
  public void addToSubset(int codePoint) {
    // PDFBox calls this before encode for every code point drawn; encode records the glyph and its code point.
  }

  @Override
  public boolean willBeSubset() {
    return true;
  }

  /** Called by PDFBox as the document is saved: writes the W array, ToUnicode and the sparse font program. */
  @Override
  public void subset() throws IOException {
    if (subsetDone) {
      return;
    }
    subsetDone = true;
    String name = tag() + "+" + program.postScriptName;
    dict.setName(COSName.BASE_FONT, name);
    cidFont.setName(COSName.BASE_FONT, name);
    descriptor.setName(COSName.FONT_NAME, name);
    cidFont.setItem(COSName.W, widths());
    byte[] ttf = program.sparseSubset(used);
    COSStream file = doc.getDocument().createCOSStream();
    file.setInt(COSName.LENGTH1, ttf.length);
    try (OutputStream out = file.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(ttf);
    }
    descriptor.setItem(COSName.FONT_FILE2, file);
    COSStream toUnicode = doc.getDocument().createCOSStream();
    try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(toUnicodeCMap().getBytes(StandardCharsets.US_ASCII));
    }
    dict.setItem(COSName.TO_UNICODE, toUnicode);
  }

  /** Six capitals that depend only on the glyphs used, as PDF subset tags are (and so do the bytes). */
  private String tag() {
    long h = program.postScriptName.hashCode();
    for (long w : used.toLongArray()) {
      h = h * 31 + w;
    }
    h = h & Long.MAX_VALUE;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append((char) ('A' + h % 26));
      h /= 26;
    }
    return b.toString();
  }

  /** The W array for the used glyphs only: runs of consecutive ids as {@code first [w1 w2 ...]}. */
  private COSArray widths() {
    COSArray w = new COSArray();
    for (int g = used.nextSetBit(0); g >= 0; ) {
      int end = used.nextClearBit(g);
      COSArray run = new COSArray();
      for (int i = g; i < end; i++) {
        run.add(COSInteger.get(program.widths[i]));
      }
      w.add(COSInteger.get(g));
      w.add(run);
      g = used.nextSetBit(end);
    }
    return w;
  }

  private String toUnicodeCMap() {
    StringBuilder b = new StringBuilder(64 * used.cardinality() + 400);
    b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<< /Registry (Adobe)\n"
        + "/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    int[] gids = used.stream().toArray();
    for (int from = 0; from < gids.length; from += 100) {
      int to = Math.min(gids.length, from + 100);
      b.append(to - from).append(" beginbfchar\n");
      for (int i = from; i < to; i++) {
        b.append('<');
        hex4(b, gids[i]);
        b.append("> <");
        int cp = unicode.get(gids[i]);
        if (Character.isBmpCodePoint(cp)) {
          hex4(b, cp);
        } else {
          hex4(b, Character.highSurrogate(cp));
          hex4(b, Character.lowSurrogate(cp));
        }
        b.append(">\n");
      }
      b.append("endbfchar\n");
    }
    return b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static void hex4(StringBuilder b, int v) {
    b.append(HEX[(v >> 12) & 15]).append(HEX[(v >> 8) & 15]).append(HEX[(v >> 4) & 15]).append(HEX[v & 15]);
  }

  @Override
  public String getName() {
    return dict.getNameAsString(COSName.BASE_FONT);
  }

  @Override
  public BoundingBox getBoundingBox() {
    return new BoundingBox(program.bbox[0], program.bbox[1], program.bbox[2], program.bbox[3]);
  }

  @Override
  public float getHeight(int code) {
    return program.ascent - program.descent;
  }

  @Override
  public boolean hasExplicitWidth(int code) {
    return true;
  }

  @Override
  public float getWidthFromFont(int code) {
    return code >= 0 && code < program.numGlyphs ? program.widths[code] : 0;
  }

  @Override
  public float getWidth(int code) {
    return getWidthFromFont(code);
  }

  @Override
  protected float getStandard14Width(int code) {
    throw new UnsupportedOperationException("not a Standard 14 font");
  }

  @Override
  public int readCode(InputStream in) throws IOException {
    int hi = in.read();
    int lo = in.read();
    return hi < 0 || lo < 0 ? -1 : (hi << 8) | lo;
  }

  @Override
  public boolean isVertical() {
    return false;
  }

  @Override
  public boolean isEmbedded() {
    return true;
  }

  @Override
  public boolean isDamaged() {
    return false;
  }
}
