package org.demarche.render.pdf.internal;

import static org.demarche.render.pdf.internal.LetterComposer.LETTERHEAD;
import static org.demarche.render.pdf.internal.LetterComposer.HEADING;
import static org.demarche.render.pdf.internal.LetterComposer.ENTRY;
import static org.demarche.render.pdf.internal.LetterComposer.COLUMN_GAP;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Signatories;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.SignatoryTally;

/** The co-signatories appendix: heading, counted-only note, names in columns. */
final class Appendix {
  private final LetterComposer composer;
  private final Geometry g;
  private final TextLayout layout;
  private final Letter letter;
  private final int columns;
  private final float columnWidth;
  private final int firstPageLines;
  private final int pageLines;
  private final float reserve;
  long total;
  long countedOnly;
  int pages;

  /** The header under the heading: commitment, counts by level and by country, the counted-only note. */
  private final List<String> header = new ArrayList<>();
  private final SignatoryTally tally;

  Appendix(LetterComposer composer, Letter letter) {
    this.composer = composer;
    this.g = composer.g;
    this.layout = composer.layout.forLanguage(letter.language());
    this.letter = letter;
    this.columns = g.textWidth() >= 400 ? 3 : 2;
    this.columnWidth = (g.textWidth() - (columns - 1) * COLUMN_GAP) / columns;
    Labels labels = new Labels(letter.language());
    Signatories list = letter.coSignatories();
    this.tally = CommittedSignatories.tally(list, letter.disclosureCap());
    if (tally.total() > 0) {
      if (list instanceof CommittedSignatories committed) {
        header.add(labels.commitment(tally.total(), committed.commitment().hex()));
      }
      header.add(labels.levels(tally.byDisclosure()));
      int min = SignatoryTally.SMALLEST_COUNTRY_SHOWN;
      if (!tally.byCountry().isEmpty()) {
        header.add(labels.countries(tally.countriesWithAtLeast(min), tally.inCountriesWithFewerThan(min),
            tally.withoutCountry()));
      }
      long counted = tally.byDisclosure().get(Disclosure.COUNTED_ONLY);
      if (counted > 0) {
        header.add(labels.countedOnly(counted));
      }
    }
    // The heading and header are measured now, so that the first page's capacity is known before the
    // signatories are counted into pages.
    float r;
    try {
      r = layout.lines(labels.coSignedBy(tally.total()), HEADING, g.textWidth()).size() * HEADING.leading() + 10f;
      for (String h : header) {
        r += layout.lines(h, LETTERHEAD, g.textWidth()).size() * LETTERHEAD.leading();
      }
    } catch (MissingGlyphException | UnsupportedScriptException e) {
      throw composer.missing(letter, "the appendix heading", labels.coSignedBy(tally.total()), e);
    }
    this.reserve = r;
    this.pageLines = (int) Math.floor(g.bodyHeight() / ENTRY.leading());
    this.firstPageLines = Math.max(1, (int) Math.floor((g.bodyHeight() - reserve) / ENTRY.leading()));
  }

  /** First pass: counts signatories, the counted-only ones, and the pages their names take. */
  void count() {
    Cursor cursor = new Cursor();
    long index = 0;
    try (Stream<Optional<String>> s = CommittedSignatories.displayed(letter.coSignatories(), letter.disclosureCap())) {
      var it = s.iterator();
      while (it.hasNext()) {
        Optional<String> shown = it.next();
        index++;
        total++;
        if (shown.isEmpty()) {
          countedOnly++;
          continue;
        }
        int n = entryLineCount(shown.get(), index);
        if (n <= cursor.capacity()) {
          cursor.advance(n);
        } else {
          for (int i = 0; i < n; i++) {
            cursor.advance(1);
          }
        }
      }
    }
    pages = total == 0 ? 0 : cursor.page + 1;
    if (total != tally.total() || countedOnly != tally.byDisclosure().get(Disclosure.COUNTED_ONLY)) {
      throw new RenderException("Letter " + letter.id() + ": the co-signatories changed while the letter was"
          + " rendered (" + tally.total() + " counted, then " + total + " read)");
    }
  }

  private int entryLineCount(String text, long index) {
    try {
      if (layout.width(text, ENTRY) <= columnWidth) {
        return 1;
      }
      return layout.lines(text, ENTRY, columnWidth).size();
    } catch (MissingGlyphException | UnsupportedScriptException e) {
      throw composer.missing(letter, "co-signatory " + Labels.number(index), text, e);
    }
  }

  /** Second pass: draws the appendix pages after {@code pagesBefore} pages of the letter. */
  void draw(PDDocument doc, DocFonts fonts, Labels labels, int pagesBefore, int totalPages) throws IOException {
    if (total == 0) {
      return;
    }
    Sheet sheet = new Sheet(doc, fonts, labels, pagesBefore, totalPages);
    Cursor cursor = new Cursor();
    long index = 0;
    try (Stream<Optional<String>> s = CommittedSignatories.displayed(letter.coSignatories(), letter.disclosureCap());
        sheet) {
      sheet.open(0);
      float top = 0;
      for (Line l : layout.lines(labels.coSignedBy(total), HEADING, g.textWidth())) {
        sheet.pen.line(l, HEADING, g.left(), g.y(top + HEADING.baseline()), 0);
        top += HEADING.leading();
      }
      for (String h : header) {
        for (Line l : layout.lines(h, LETTERHEAD, g.textWidth())) {
          sheet.pen.line(l, LETTERHEAD, g.left(), g.y(top + LETTERHEAD.baseline()), 0);
          top += LETTERHEAD.leading();
        }
      }
      sheet.pen.color(0f);
      var it = s.iterator();
      while (it.hasNext()) {
        Optional<String> shown = it.next();
        index++;
        if (shown.isEmpty()) {
          continue;
        }
        String text = shown.get();
        List<Line> lines;
        try {
          lines = layout.width(text, ENTRY) <= columnWidth
              ? List.of(layout.single(text, ENTRY))
              : layout.lines(text, ENTRY, columnWidth);
        } catch (MissingGlyphException | UnsupportedScriptException e) {
          throw composer.missing(letter, "co-signatory " + Labels.number(index), text, e);
        }
        if (lines.size() <= cursor.capacity()) {
          int row = cursor.advance(lines.size());
          for (int li = 0; li < lines.size(); li++) {
            sheet.line(cursor, row + li, lines.get(li));
          }
        } else {
          for (Line l : lines) {
            sheet.line(cursor, cursor.advance(1), l);
          }
        }
      }
    }
    if (sheet.page + 1 != pages) {
      throw new RenderException("Letter " + letter.id() + ": the co-signatories changed while the letter was"
          + " rendered (" + pages + " pages planned, " + (sheet.page + 1) + " drawn)");
    }
  }

  /** The appendix page being drawn, with one text object per column. */
  final class Sheet implements AutoCloseable {
    private final PDDocument doc;
    private final DocFonts fonts;
    private final Labels labels;
    private final int pagesBefore;
    private final int totalPages;
    PDPageContentStream cs;
    Pen pen;
    int page = -1;
    int column = -1;
    int lastRow;
    boolean inText;

    Sheet(PDDocument doc, DocFonts fonts, Labels labels, int pagesBefore, int totalPages) {
      this.doc = doc;
      this.fonts = fonts;
      this.labels = labels;
      this.pagesBefore = pagesBefore;
      this.totalPages = totalPages;
    }

    void open(int p) throws IOException {
      cs = new PDPageContentStream(doc, composer.newPage(doc));
      pen = new Pen(cs, fonts);
      page = p;
      column = -1;
    }

    void line(Cursor cursor, int row, Line line) throws IOException {
      if (cursor.page != page) {
        finishPage();
        open(cursor.page);
        pen.color(0f);
      }
      if (!inText || cursor.column != column) {
        if (inText) {
          cs.endText();
        }
        float rowTop = (page == 0 ? reserve : 0) + row * ENTRY.leading();
        cs.beginText();
        cs.newLineAtOffset(g.left() + cursor.column * (columnWidth + COLUMN_GAP), g.y(rowTop + ENTRY.baseline()));
        inText = true;
        column = cursor.column;
      } else {
        cs.newLineAtOffset(0, -(row - lastRow) * ENTRY.leading());
      }
      lastRow = row;
      pen.runs(line, ENTRY, 0);
    }

    private void finishPage() throws IOException {
      if (inText) {
        cs.endText();
        inText = false;
      }
      composer.footer(pen, labels.page(pagesBefore + page + 1, totalPages), letter.language());
      cs.close();
      cs = null;
    }

    @Override
    public void close() throws IOException {
      if (cs != null) {
        finishPage();
      }
    }
  }

  /** Where the next line of names goes: page, column and row, filling columns top to bottom. */
  final class Cursor {
    int page;
    int column;
    int row;

    int capacity() {
      return page == 0 ? firstPageLines : pageLines;
    }

    /** Makes room for {@code n} lines kept together; returns the row of the first. */
    int advance(int n) {
      if (row + n > capacity() && row > 0) {
        row = 0;
        column++;
        if (column == columns) {
          column = 0;
          page++;
        }
      }
      int at = row;
      row += n;
      return at;
    }
  }
}
