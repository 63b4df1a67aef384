package org.demarche.render.pdf;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the PDF renderer sets letters.
 *
 * @param paper A4 (default) or US Letter
 * @param fonts TrueType or OpenType font files tried before the bundled ones (Liberation Serif, then
 *     a CJK subset of Noto Sans SC), character by character
 * @param signatureImage a PNG or JPEG of the signature, drawn above the signer's name
 * @param pdfA whether to write PDF/A-2b (XMP metadata and an sRGB output intent); default true
 */
public record PdfOptions(Paper paper, List<Path> fonts, Optional<Path> signatureImage, boolean pdfA) {
  public PdfOptions {
    Objects.requireNonNull(paper, "paper");
    fonts = List.copyOf(fonts);
    Objects.requireNonNull(signatureImage, "signatureImage");
  }

  /** A4, bundled fonts, no signature image, PDF/A-2b. */
  public static PdfOptions defaults() {
    return new PdfOptions(Paper.A4, List.of(), Optional.empty(), true);
  }

  public PdfOptions withPaper(Paper p) {
    return new PdfOptions(p, fonts, signatureImage, pdfA);
  }

  public PdfOptions withFonts(List<Path> f) {
    return new PdfOptions(paper, f, signatureImage, pdfA);
  }

  public PdfOptions withSignatureImage(Path image) {
    return new PdfOptions(paper, fonts, Optional.of(image), pdfA);
  }

  public PdfOptions withPdfA(boolean archival) {
    return new PdfOptions(paper, fonts, signatureImage, archival);
  }
}
