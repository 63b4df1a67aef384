package org.demarche.voice.web;

import java.util.Optional;
import org.demarche.core.model.Rendition;

/**
 * Draws page 1 of a rendered letter as a PNG image for the supporter to look at before they download it. The
 * runner draws PDFs with PDFBox; an app without a drawer passes {@link #NONE} and the page shows no image.
 */
@FunctionalInterface
public interface PagePreview {
  /** Draws no image. */
  PagePreview NONE = document -> Optional.empty();

  /** Page 1 of {@code document} as PNG bytes, or empty when this kind of document cannot be drawn. */
  Optional<byte[]> firstPagePng(Rendition document);
}
