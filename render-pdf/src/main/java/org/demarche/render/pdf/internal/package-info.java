/**
 * The PDF renderer's workings: fonts, line breaking, pagination, drawing, PDF/A metadata.
 * Not API: anything here may change without notice. Use {@link org.demarche.render.pdf.PdfRenderer}.
 */
package org.demarche.render.pdf.internal;
