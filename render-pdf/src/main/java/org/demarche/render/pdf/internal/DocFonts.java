package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The fonts loaded into one document, each on first use and subset when the document is saved. */
public final class DocFonts {
  private final PDDocument doc;
  private final PDType0Font[] loaded;

  public DocFonts(PDDocument doc, FontSet.Faces faces) {
    this.doc = doc;
    this.loaded = new PDType0Font[faces.set().sources().size()];
  }

  public PDType0Font font(Face face) {
    PDType0Font f = loaded[face.index];
    if (f == null) {
      try {
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
