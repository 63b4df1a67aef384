/**
 * Petition letters as print-ready, archival PDF (PDF/A-2b) on Apache PDFBox.
 *
 * <p>Entry points: {@link org.demarche.render.pdf.PdfRenderer} (a {@code LetterRenderer}),
 * {@link org.demarche.render.pdf.PrintKit} (letters and envelopes for the post),
 * {@link org.demarche.render.pdf.Previews} (page 1 as PNG), and for plugin wiring
 * {@link org.demarche.render.pdf.PdfPlugin} and {@link org.demarche.render.pdf.PdfModule}.
 */
package org.demarche.render.pdf;
