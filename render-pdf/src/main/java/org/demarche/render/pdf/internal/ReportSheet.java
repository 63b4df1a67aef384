package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.demarche.core.model.RenderException;

/** A4 pages of headed label/value tables: the body of {@code ReportPdf}. */
public final class ReportSheet {
  static final float MM = 72f / 25.4f;
  static final float MARGIN = 18 * MM;
  static final float LABEL_WIDTH = 42 * MM;
  static final Style TITLE = new Style(true, 16f, 20f, 0f);
  static final Style HEADING = new Style(true, 11f, 15f, 0f);
  static final Style TEXT = new Style(false, 9f, 11.5f, 0f);
  static final Style LABEL = new Style(false, 9f, 11.5f, 0.35f);

  /** One table: its heading and rows of {label, value}. */
  public record Section(String heading, List<String[]> rows) {}

  private final PDDocument doc;
  private final DocFonts fonts;
  private final TextLayout layout;
  private PDPageContentStream cs;
  private float y;

  private ReportSheet(PDDocument doc, DocFonts fonts, TextLayout layout) {
    this.doc = doc;
    this.fonts = fonts;
    this.layout = layout;
  }

  public static void write(FontSet fontSet, String title, String author, LocalDate date, List<String> summary,
      List<Section> sections, boolean archival, OutputStream out) {
    FontSet.Faces faces = fontSet.faces();
    try (PDDocument doc = new PDDocument()) {
      ReportSheet sheet = new ReportSheet(doc, new DocFonts(doc, faces), new TextLayout(faces));
      sheet.newPage();
      sheet.text(title, TITLE, MARGIN, PDRectangle.A4.getWidth() - 2 * MARGIN);
      sheet.y -= 4;
      for (String line : summary) {
        sheet.text(line, TEXT, MARGIN, PDRectangle.A4.getWidth() - 2 * MARGIN);
      }
      for (Section s : sections) {
        sheet.section(s);
      }
      sheet.cs.close();
      PdfA.apply(doc, title, author, "en", date, title + "\n" + String.join("\n", summary), archival);
      doc.save(out);
    } catch (IOException e) {
      throw new RenderException("The report could not be written: " + e.getMessage(), e);
    }
  }

  private void section(Section s) throws IOException {
    float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    if (y - HEADING.leading() - 2 * TEXT.leading() < MARGIN) {
      newPage();
    }
    y -= 6;
    text(s.heading(), HEADING, MARGIN, width);
    for (String[] row : s.rows()) {
      List<Line> label = lines(row[0], LABEL, LABEL_WIDTH - 4);
      List<Line> value = lines(row[1].isEmpty() ? "-" : row[1], TEXT, width - LABEL_WIDTH);
      float height = Math.max(label.size(), value.size()) * TEXT.leading();
      if (y - height < MARGIN) {
        newPage();
      }
      float top = y;
      draw(label, LABEL, MARGIN);
      y = top;
      draw(value, TEXT, MARGIN + LABEL_WIDTH);
      y = top - height - 1.5f;
    }
  }

  private void text(String text, Style style, float x, float width) throws IOException {
    List<Line> lines = lines(text, style, width);
    for (Line l : lines) {
      if (y - style.leading() < MARGIN) {
        newPage();
      }
      draw(List.of(l), style, x);
    }
  }

  private void draw(List<Line> lines, Style style, float x) throws IOException {
    Pen pen = new Pen(cs, fonts);
    for (Line l : lines) {
      pen.line(l, style, x, y - style.baseline(), 0);
      y -= style.leading();
    }
  }

  private List<Line> lines(String text, Style style, float width) {
    try {
      return layout.lines(text, style, width);
    } catch (MissingGlyphException | UnsupportedScriptException e) {
      throw new RenderException("The report: the character " + e.getMessage() + " in \"" + text
          + "\" is in none of the configured fonts");
    }
  }

  private void newPage() throws IOException {
    if (cs != null) {
      cs.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }
}
