package org.demarche.render.pdf.internal;

/** No configured font can draw a character; the caller adds where the character was. */
public final class MissingGlyphException extends RuntimeException {
  private final int codePoint;

  MissingGlyphException(int codePoint) {
    super(describe(codePoint), null, false, false);
    this.codePoint = codePoint;
  }

  public int codePoint() {
    return codePoint;
  }

  /** "U+534E (CJK UNIFIED IDEOGRAPHS 534E)". */
  public static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return String.format(java.util.Locale.ROOT, "U+%04X%s", codePoint, name == null ? "" : " (" + name + ")");
  }
}
