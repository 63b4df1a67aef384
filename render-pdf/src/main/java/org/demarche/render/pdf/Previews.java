package org.demarche.render.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.demarche.core.model.Rendition;

/** Pictures of rendered letters, for a quick look or a README. */
public final class Previews {
  private Previews() {}

  /** Page 1 of {@code pdf} as a PNG at {@code dpi} dots per inch (72 is life size on screen, 150 is crisp). */
  public static byte[] firstPagePng(byte[] pdf, int dpi) {
    if (dpi < 10 || dpi > 1200) {
      throw new IllegalArgumentException("dpi must be between 10 and 1200, not " + dpi);
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render page 1 of the PDF: " + e.getMessage(), e);
    }
  }

  /** Page 1 of a PDF rendition as a PNG. */
  public static byte[] firstPagePng(Rendition pdf, int dpi) {
    if (!PdfRenderer.MEDIA_TYPE.equals(pdf.mediaType())) {
      throw new IllegalArgumentException("a preview needs a PDF rendition, not " + pdf.mediaType());
    }
    return firstPagePng(pdf.content(), dpi);
  }
}
