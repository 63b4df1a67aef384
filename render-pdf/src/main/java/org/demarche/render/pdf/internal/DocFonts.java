package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts loaded into one document, each on first use and subset when the document is saved: TrueType fonts as
 * {@link GlyphFont} (per-font work shared through {@link FontProgram}), OpenType fonts with CFF outlines through
 * PDFBox's {@code PDType0Font}, embedded whole.
 */
public final class DocFonts {
  private final PDDocument doc;
  private final PDFont[] loaded;

  public DocFonts(PDDocument doc, FontSet.Faces faces) {
    this.doc = doc;
    this.loaded = new PDFont[faces.set().sources().size()];
  }

  public PDFont font(Face face) {
    PDFont f = loaded[face.index];
    if (f == null) {
      try {
        if (FontProgram.supports(face.source, face.ttf)) {
          // TrueType outlines: per-font tables computed once, a cheap sparse subset per document.
          f = new GlyphFont(doc, face, FontProgram.of(face.source, face.ttf));
          loaded[face.index] = f;
          return f;
        }
        // An OpenType font with CFF outlines cannot be subset by PDFBox: it is embedded whole.
        f = PDType0Font.load(doc, face.ttf, !face.source.postScriptOutlines());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot embed font " + face.source.origin(), e);
      }
      loaded[face.index] = f;
    }
    return f;
  }
}
