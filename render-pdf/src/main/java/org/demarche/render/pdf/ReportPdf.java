package org.demarche.render.pdf;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.demarche.render.pdf.internal.ReportSheet;

/**
 * A document of headed two-column tables (label, value) on A4, for reports such as the delivery report: the
 * letters' fonts (Latin, CJK, Arabic: mission names in any script) and, when the renderer makes PDF/A, PDF/A-2b.
 */
public final class ReportPdf {
  private final PdfRenderer renderer;

  private ReportPdf(PdfRenderer renderer) {
    this.renderer = renderer;
  }

  /** A report renderer with {@code renderer}'s fonts and PDF/A setting. */
  public static ReportPdf of(PdfRenderer renderer) {
    return new ReportPdf(Objects.requireNonNull(renderer, "renderer"));
  }

  /** One row: a label and its value (wrapped to the column). */
  public record Row(String label, String value) {
    public Row {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A heading and its rows. */
  public record Table(String heading, List<Row> rows) {
    public Table {
      Objects.requireNonNull(heading, "heading");
      rows = List.copyOf(rows);
    }
  }

  /**
   * The document: {@code title}, then the {@code summary} lines, then each table, pages broken between rows.
   *
   * @param author the document's author (metadata)
   * @param date the document's creation date (metadata)
   */
  public byte[] render(String title, String author, LocalDate date, List<String> summary, List<Table> tables) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportSheet.write(renderer.engine().fonts(), title, author, date, List.copyOf(summary), tables.stream()
        .map(t -> new ReportSheet.Section(t.heading(), t.rows().stream()
            .map(r -> new String[] {r.label(), r.value()}).toList())).toList(), renderer.options().pdfA(), out);
    return out.toByteArray();
  }
}
