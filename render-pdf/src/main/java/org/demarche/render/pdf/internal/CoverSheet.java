package org.demarche.render.pdf.internal;

import static org.demarche.render.pdf.internal.LetterComposer.BODY;
import static org.demarche.render.pdf.internal.LetterComposer.HEADING;
import static org.demarche.render.pdf.internal.LetterComposer.LETTERHEAD;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.demarche.core.model.Letter;

/**
 * The first sheet of a print kit: what is in it, and for each mission its address and the pages that go
 * into its envelope, so that whoever prints and stuffs the envelopes can check each one.
 */
final class CoverSheet {
  /** One document of the kit: the letter or a translation, with the kit pages it occupies. */
  record Entry(Letter document, int firstPage, int lastPage) {}

  private record Row(String text, Style style, float indent) {}

  private final LetterComposer composer;
  private final List<Row> rows = new ArrayList<>();

  CoverSheet(LetterComposer composer, String title, List<List<Entry>> missions) {
    this.composer = composer;
    int documents = missions.stream().mapToInt(List::size).sum();
    rows.add(new Row("Print kit: " + title, HEADING, 0));
    rows.add(new Row(missions.size() + (missions.size() == 1 ? " mission, " : " missions, ") + documents
        + (documents == 1 ? " document" : " documents") + ". Print double-sided: every document starts on a"
        + " front page, so each mission's pages can be taken off the stack together, in the order of the"
        + " envelopes.", LETTERHEAD, 0));
    int n = 0;
    for (List<Entry> mission : missions) {
      Letter letter = mission.get(0).document();
      rows.add(new Row(++n + ". " + letter.mission().name(), BODY, 0));
      rows.add(new Row(String.join(", ", letter.mission().address().printedLines()), LETTERHEAD, 12f));
      List<String> parts = new ArrayList<>();
      for (Entry e : mission) {
        String what = e == mission.get(0) ? "letter" : "translation";
        parts.add(what + " (" + e.document().language() + ") pages " + e.firstPage() + "\u2013" + e.lastPage());
      }
      rows.add(new Row(String.join("; ", parts), LETTERHEAD, 12f));
    }
  }

  /** The pages this sheet takes (before the blank back that keeps the first letter on a front page). */
  int pages() {
    return paginate().size();
  }

  void draw(PDDocument doc, DocFonts fonts) throws IOException {
    for (List<Placed> page : paginate()) {
      try (PDPageContentStream cs = new PDPageContentStream(doc, composer.newPage(doc))) {
        Pen pen = new Pen(cs, fonts);
        for (Placed p : page) {
          pen.line(p.line, p.style, composer.g.left() + p.indent, composer.g.y(p.top + p.style.baseline()), 0);
        }
      }
    }
  }

  private record Placed(Line line, Style style, float indent, float top) {}

  private List<List<Placed>> paginate() {
    List<List<Placed>> pages = new ArrayList<>();
    List<Placed> page = new ArrayList<>();
    float top = 0;
    for (Row row : rows) {
      float gap = row.style() == BODY ? 8f : 0f;
      for (Line line : wrap(row)) {
        if (top + gap + row.style().leading() > composer.g.bodyHeight() && !page.isEmpty()) {
          pages.add(page);
          page = new ArrayList<>();
          top = 0;
          gap = 0;
        }
        page.add(new Placed(line, row.style(), row.indent(), top + gap));
        top += gap + row.style().leading();
        gap = 0;
      }
    }
    pages.add(page);
    return pages;
  }

  private List<Line> wrap(Row row) {
    try {
      return composer.layout.lines(row.text(), row.style(), composer.g.textWidth() - row.indent());
    } catch (MissingGlyphException | UnsupportedScriptException e) {
      // A name no font has is already refused when its letter is planned; keep the cover readable anyway.
      return composer.layout.lines(row.text().replaceAll("[^\\p{ASCII}]", "?"), row.style(),
          composer.g.textWidth() - row.indent());
    }
  }
}
