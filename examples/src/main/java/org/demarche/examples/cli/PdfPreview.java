package org.demarche.examples.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.demarche.core.model.Rendition;
import org.demarche.voice.web.PagePreview;

/** Page 1 of a PDF letter as a PNG (72 dpi, grey), drawn with PDFBox, for the supporters' page. */
final class PdfPreview implements PagePreview {
  @Override
  public Optional<byte[]> firstPagePng(Rendition document) {
    if (!document.mediaType().equals("application/pdf")) {
      return Optional.empty();
    }
    try (PDDocument pdf = Loader.loadPDF(document.content())) {
      BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 72, ImageType.GRAY);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return Optional.of(out.toByteArray());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
