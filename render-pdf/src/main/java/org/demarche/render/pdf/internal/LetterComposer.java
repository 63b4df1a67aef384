package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.SignatoryTally;

/**
 * Lays out one letter (measuring only, so that every page count is known before a page is drawn)
 * and then draws it into a document. The co-signatories appendix is streamed twice from its source:
 * once to count entries and pages, once to draw them; no list of signatories is ever held.
 */
public final class LetterComposer {
  static final Style LETTERHEAD_NAME = new Style(true, 13f, 16f, 0f);
  static final Style LETTERHEAD = new Style(false, 8.5f, 10.5f, 0.3f);
  static final Style NOTE = new Style(true, 8.5f, 11f, 0.35f);
  static final Style BODY = new Style(false, 11f, 14.5f, 0f);
  static final Style BODY_BOLD = new Style(true, 11f, 14.5f, 0f);
  static final Style FOOTER = new Style(false, 8.5f, 11f, 0.3f);
  static final Style HEADING = new Style(true, 12f, 16f, 0f);
  static final Style ENTRY = new Style(false, 8.5f, 10.5f, 0f);
  static final float SIGNATURE_SPACE = 46f;
  static final float COLUMN_GAP = 14f;

  private final Geometry g;
  private final FontSet.Faces faces;
  private final TextLayout layout;
  private final Optional<byte[]> signatureImage;

  public LetterComposer(Geometry geometry, FontSet.Faces faces, Optional<byte[]> signatureImage) {
    this.g = geometry;
    this.faces = faces;
    this.layout = new TextLayout(faces);
    this.signatureImage = signatureImage;
  }

  /** A letter measured and paginated, ready to draw. */
  public static final class Plan {
    final Letter letter;
    final List<List<Placed>> bodyPages;
    final Appendix appendix;

    Plan(Letter letter, List<List<Placed>> bodyPages, Appendix appendix) {
      this.letter = letter;
      this.bodyPages = bodyPages;
      this.appendix = appendix;
    }

    public int pages() {
      return bodyPages.size() + appendix.pages;
    }

    /** Pages of the co-signatories appendix (0 when there are none). */
    public int appendixPages() {
      return appendix.pages;
    }
  }

  /** Measures and paginates {@code letter}; a character no font can draw is a {@link RenderException}. */
  public Plan plan(Letter letter) {
    List<Block> blocks = new ArrayList<>();
    float w = g.textWidth();
    // Letterhead: name, address, web and email, a rule.
    List<Block.Entry> head = new ArrayList<>();
    head.addAll(lines(letter, "the letterhead", letter.sender().name(), LETTERHEAD_NAME, w, Block.Align.LEFT));
    List<String> contact = new ArrayList<>(letter.sender().address().printedLines());
    letter.sender().web().ifPresent(u -> contact.add(u.toString()));
    contact.add(letter.sender().email());
    for (String l : contact) {
      head.addAll(lines(letter, "the letterhead", l, LETTERHEAD, w, Block.Align.LEFT));
    }
    head.add(new Block.Gap(10f, Block.GapKind.RULE));
    blocks.add(new Block(head, 0, false, false, false));
    if (letter.draftTranslation()) {
      Labels labels = new Labels(letter.language());
      blocks.add(new Block(lines(letter, "the draft note", labels.draftTranslation(), NOTE, w, Block.Align.LEFT),
          4f, false, false, false));
    }
    blocks.add(new Block(lines(letter, "the date line", letter.dateLine(), BODY, w, Block.Align.RIGHT),
        10f, false, false, false));
    List<Block.Entry> recipient = new ArrayList<>();
    for (String l : letter.recipientBlock()) {
      recipient.addAll(lines(letter, "the recipient block", l, BODY, w, Block.Align.LEFT));
    }
    blocks.add(new Block(recipient, 14f, false, false, false));
    blocks.add(new Block(lines(letter, "the subject", letter.subject(), BODY_BOLD, w, Block.Align.LEFT),
        20f, true, false, false));
    blocks.add(new Block(lines(letter, "the salutation", letter.salutation(), BODY, w, Block.Align.LEFT),
        12f, true, false, false));
    List<String> paragraphs = letter.paragraphs();
    for (int i = 0; i < paragraphs.size(); i++) {
      List<Block.Entry> p = lines(letter, "paragraph " + (i + 1), paragraphs.get(i), BODY, w, Block.Align.JUSTIFY);
      if (!p.isEmpty()) {
        blocks.add(new Block(p, 8f, false, false, true));
      }
    }
    List<Block.Entry> close = new ArrayList<>(
        lines(letter, "the closing", letter.closing(), BODY, w, Block.Align.LEFT));
    close.add(new Block.Gap(SIGNATURE_SPACE, signatureImage.isPresent() ? Block.GapKind.SIGNATURE : Block.GapKind.EMPTY));
    for (String l : letter.signatureBlock()) {
      close.addAll(lines(letter, "the signature block", l, BODY, w, Block.Align.LEFT));
    }
    blocks.add(new Block(close, 14f, false, true, false));
    List<List<Placed>> pages = new Paginator(g.bodyHeight()).paginate(blocks);
    Appendix appendix = new Appendix(letter);
    appendix.count();
    return new Plan(letter, pages, appendix);
  }

  private List<Block.Entry> lines(Letter letter, String where, String text, Style style, float width,
      Block.Align align) {
    try {
      List<Block.Entry> out = new ArrayList<>();
      for (Line l : layout.lines(text, style, width)) {
        out.add(new Block.LineEntry(l, style, align));
      }
      return out;
    } catch (MissingGlyphException e) {
      throw missing(letter, where, text, e);
    }
  }

  private RenderException missing(Letter letter, String where, String text, MissingGlyphException e) {
    String excerpt = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return new RenderException("Letter " + letter.id() + ": the character " + e.getMessage() + " in " + where
        + " (\"" + excerpt + "\") is in none of the configured fonts (" + faces.set().describeChain()
        + "); name a font that has it in the renderer's 'fonts' option");
  }

  /** Draws the planned letter onto new pages at the end of {@code doc}. */
  public void draw(PDDocument doc, DocFonts fonts, Plan plan) throws IOException {
    int total = plan.pages();
    Labels labels = new Labels(plan.letter.language());
    PDImageXObject signature = null;
    if (signatureImage.isPresent()) {
      signature = PDImageXObject.createFromByteArray(doc, signatureImage.get(), "signature");
    }
    int pageNo = 0;
    for (List<Placed> items : plan.bodyPages) {
      pageNo++;
      PDPage page = newPage(doc);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        Pen pen = new Pen(cs, fonts);
        for (Placed p : items) {
          if (p.entry() instanceof Block.LineEntry le) {
            float x = g.left();
            if (le.align() == Block.Align.RIGHT) {
              x = g.left() + g.textWidth() - le.line().width();
            }
            pen.line(le.line(), le.style(), x, g.y(p.top() + le.style().baseline()),
                le.align() == Block.Align.JUSTIFY ? g.textWidth() : 0);
          } else if (p.entry() instanceof Block.Gap gap) {
            if (gap.kind() == Block.GapKind.RULE) {
              float y = g.y(p.top() + gap.height() / 2);
              cs.setStrokingColor(0.55f, 0.55f, 0.55f);
              cs.setLineWidth(0.6f);
              cs.moveTo(g.left(), y);
              cs.lineTo(g.left() + g.textWidth(), y);
              cs.stroke();
            } else if (gap.kind() == Block.GapKind.SIGNATURE && signature != null) {
              float maxW = 170f;
              float maxH = gap.height() - 6f;
              float scale = Math.min(maxW / signature.getWidth(), maxH / signature.getHeight());
              float iw = signature.getWidth() * scale;
              float ih = signature.getHeight() * scale;
              cs.drawImage(signature, g.left(), g.y(p.top() + 3f + ih), iw, ih);
            }
          }
        }
        if (pageNo >= 2) {
          footer(pen, labels.page(pageNo, total));
        }
      }
    }
    plan.appendix.draw(doc, fonts, labels, pageNo, total);
  }

  private PDPage newPage(PDDocument doc) {
    PDPage page = new PDPage(new PDRectangle(g.width(), g.height()));
    doc.addPage(page);
    return page;
  }

  private void footer(Pen pen, String text) throws IOException {
    Line line = layout.single(text, FOOTER);
    float x = g.left() + (g.textWidth() - line.width()) / 2;
    float textHeight = g.height() - g.top() - g.bottom();
    pen.line(line, FOOTER, x, g.y(textHeight - FOOTER.leading() + FOOTER.baseline()), 0);
  }

  /** Draws lines of text into one page's content stream. */
  static final class Pen {
    private final PDPageContentStream cs;
    private final DocFonts fonts;
    private Face face;
    private float size;
    private float gray = -1;

    Pen(PDPageContentStream cs, DocFonts fonts) {
      this.cs = cs;
      this.fonts = fonts;
    }

    /** Draws {@code line} with its baseline at (x, y), justified to {@code justifyWidth} when it is positive. */
    void line(Line line, Style style, float x, float y, float justifyWidth) throws IOException {
      color(style.gray());
      cs.beginText();
      cs.newLineAtOffset(x, y);
      runs(line, style, justifyWidth);
      cs.endText();
    }

    void color(float g) throws IOException {
      if (g != gray) {
        cs.setNonStrokingColor(g, g, g);
        gray = g;
      }
    }

    void runs(Line line, Style style, float justifyWidth) throws IOException {
      float extra = 0;
      if (justifyWidth > 0 && !line.last() && line.spaces() > 0) {
        extra = (justifyWidth - line.width()) / line.spaces();
        if (extra < 0 || extra > style.size() * 1.2f) {
          extra = 0; // a line with one or two spaces stretched that far reads worse than a ragged one
        }
      }
      for (Line.Run run : line.runs()) {
        if (run.face() != face || style.size() != size) {
          cs.setFont(fonts.font(run.face()), style.size());
          face = run.face();
          size = style.size();
        }
        if (extra > 0 && run.text().indexOf(' ') >= 0) {
          cs.showTextWithPositioning(justified(run.text(), -extra * 1000f / style.size()));
        } else {
          cs.showText(run.text());
        }
      }
    }

    private static Object[] justified(String text, float adjust) {
      List<Object> parts = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == ' ') {
          parts.add(text.substring(start, i + 1));
          parts.add(adjust);
          start = i + 1;
        }
      }
      if (start < text.length()) {
        parts.add(text.substring(start));
      }
      return parts.toArray();
    }

  }

  /** The co-signatories appendix: heading, counted-only note, names in columns. */
  final class Appendix {
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

    Appendix(Letter letter) {
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
      } catch (MissingGlyphException e) {
        throw missing(letter, "the appendix heading", labels.coSignedBy(tally.total()), e);
      }
      this.reserve = r;
      this.pageLines = (int) Math.floor(g.bodyHeight() / ENTRY.leading());
      this.firstPageLines = Math.max(1, (int) Math.floor((g.bodyHeight() - reserve) / ENTRY.leading()));
    }

    /** First pass: counts signatories, the counted-only ones, and the pages their names take. */
    void count() {
      Cursor cursor = new Cursor();
      long index = 0;
      try (Stream<Signatory> s = letter.coSignatories().stream()) {
        var it = s.iterator();
        while (it.hasNext()) {
          Signatory sig = it.next();
          index++;
          total++;
          Optional<String> shown = sig.displayed(letter.disclosureCap());
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
      } catch (MissingGlyphException e) {
        throw missing(letter, "co-signatory " + Labels.number(index), text, e);
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
      try (Stream<Signatory> s = letter.coSignatories().stream(); sheet) {
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
          Signatory sig = it.next();
          index++;
          Optional<String> shown = sig.displayed(letter.disclosureCap());
          if (shown.isEmpty()) {
            continue;
          }
          String text = shown.get();
          List<Line> lines;
          try {
            lines = layout.width(text, ENTRY) <= columnWidth
                ? List.of(layout.single(text, ENTRY))
                : layout.lines(text, ENTRY, columnWidth);
          } catch (MissingGlyphException e) {
            throw missing(letter, "co-signatory " + Labels.number(index), text, e);
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
        cs = new PDPageContentStream(doc, newPage(doc));
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
        footer(pen, labels.page(pagesBefore + page + 1, totalPages));
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
}
