package org.demarche.examples.cli;

import java.util.Optional;
import org.demarche.core.model.Rendition;
import org.demarche.render.pdf.Previews;
import org.demarche.voice.web.PagePreview;

/** Page 1 of a PDF letter as a PNG at 72 dpi (render-pdf's {@link Previews}), for the supporters' page. */
final class PdfPreview implements PagePreview {
  @Override
  public Optional<byte[]> firstPagePng(Rendition document) {
    if (!document.mediaType().equals("application/pdf")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Previews.firstPagePng(document, 72));
    } catch (RuntimeException e) {
      return Optional.empty(); // the page then shows the download links without a picture
    }
  }
}
