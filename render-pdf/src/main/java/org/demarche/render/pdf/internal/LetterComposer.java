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
import org.demarche.core.model.LetterWording;
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
  /** Room for the running header at the top of pages after the first. */
  static final float HEADER_BAND = 22f;

  final Geometry g;
  private final FontSet.Faces faces;
  final TextLayout layout;
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
    LetterWording wording = letter.wording();
    // Letterhead: name, address, web and email, a rule.
    List<Block.Entry> head = new ArrayList<>();
    List<String> letterhead = wording.letterhead();
    for (int i = 0; i < letterhead.size(); i++) {
      head.addAll(lines(letter, "the letterhead", letterhead.get(i), i == 0 ? LETTERHEAD_NAME : LETTERHEAD, w,
          Block.Align.LEFT));
    }
    head.add(new Block.Gap(10f, Block.GapKind.RULE));
    blocks.add(new Block(head, 0, false, false, false));
    if (letter.draftTranslation()) {
      blocks.add(new Block(lines(letter, "the draft note", wording.conventions().get("draftBanner"), NOTE, w,
          Block.Align.LEFT), 4f, false, false, false));
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
    wording.opening().ifPresent(o -> blocks.add(
        new Block(lines(letter, "the opening", o, BODY, w, Block.Align.LEFT), 8f, true, false, false)));
    blocks.addAll(BodyBlocks.of(letter.paragraphs(), layout.forLanguage(letter.language()), w,
        (where, text, e) -> missing(letter, where, text, e)));
    List<Block.Entry> close = new ArrayList<>();
    for (LetterWording.ClosingLine c : wording.closing()) {
      for (Block.Entry e : lines(letter, "the closing", c.text(), BODY, w, Block.Align.LEFT)) {
        Block.LineEntry le = (Block.LineEntry) e;
        close.add(switch (c.placement()) {
          case "right" -> new Block.LineEntry(le.line(), BODY, Block.Align.RIGHT);
          case "indent" -> new Block.LineEntry(le.line(), BODY, Block.Align.LEFT, 2 * BODY.size(), Optional.empty());
          default -> le;
        });
      }
    }
    close.add(new Block.Gap(SIGNATURE_SPACE, signatureImage.isPresent() ? Block.GapKind.SIGNATURE : Block.GapKind.EMPTY));
    for (String l : letter.signatureBlock()) {
      close.addAll(lines(letter, "the signature block", l, BODY, w, Block.Align.LEFT));
    }
    blocks.add(new Block(close, 14f, false, true, false));
    List<List<Placed>> pages = new Paginator(g.bodyHeight(), HEADER_BAND).paginate(blocks);
    Appendix appendix = new Appendix(this, letter);
    appendix.count();
    return new Plan(letter, pages, appendix);
  }

  private List<Block.Entry> lines(Letter letter, String where, String text, Style style, float width,
      Block.Align align) {
    try {
      List<Block.Entry> out = new ArrayList<>();
      for (Line l : layout.forLanguage(letter.language()).lines(text, style, width)) {
        // A right-to-left paragraph is set flush right.
        out.add(new Block.LineEntry(l, style, l.rtl() ? Block.Align.RIGHT : align));
      }
      return out;
    } catch (MissingGlyphException | UnsupportedScriptException e) {
      throw missing(letter, where, text, e);
    }
  }

  RenderException missing(Letter letter, String where, String text, RuntimeException e) {
    String excerpt = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    if (e instanceof UnsupportedScriptException u) {
      return new RenderException("Letter " + letter.id() + ": " + where + " (\"" + excerpt + "\") is in the "
          + u.getMessage() + ", which needs a full OpenType shaping engine that this renderer does not have;"
          + " leave this language out of the campaign's translations, or send that letter as a PDF made elsewhere");
    }
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
        if (pageNo >= 2) {
          runningHeader(pen, plan.letter, labels.page(pageNo, total));
        }
        for (Placed p : items) {
          if (p.entry() instanceof Block.LineEntry le) {
            float x = g.left() + le.indent();
            if (le.align() == Block.Align.RIGHT) {
              x = g.left() + g.textWidth() - le.line().width();
            }
            float baseline = g.y(p.top() + le.style().baseline());
            if (le.marker().isPresent()) {
              Line m = le.marker().get();
              pen.line(m, le.style(), x - m.width() - 5f, baseline, 0);
            }
            pen.line(le.line(), le.style(), x, baseline,
                le.align() == Block.Align.JUSTIFY ? g.textWidth() - le.indent() : 0);
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
          footer(pen, labels.page(pageNo, total), plan.letter.language());
        }
      }
    }
    plan.appendix.draw(doc, fonts, labels, pageNo, total);
  }

  PDPage newPage(PDDocument doc) {
    PDPage page = new PDPage(new PDRectangle(g.width(), g.height()));
    doc.addPage(page);
    return page;
  }

  /** The running header of pages after the first: the addressee, the date and the page, in the letter's language. */
  void runningHeader(Pen pen, Letter letter, String pageLabel) throws IOException {
    String text = letter.wording().conventions().runningHeader(letter.recipientBlock().get(0), letter.dateLine(),
        pageLabel);
    Line line = layout.forLanguage(letter.language()).single(text, FOOTER);
    pen.line(line, FOOTER, g.left(), g.y(FOOTER.baseline()), 0);
  }

  void footer(Pen pen, String text, String language) throws IOException {
    Line line = layout.forLanguage(language).single(text, FOOTER);
    float x = g.left() + (g.textWidth() - line.width()) / 2;
    float textHeight = g.height() - g.top() - g.bottom();
    pen.line(line, FOOTER, x, g.y(textHeight - FOOTER.leading() + FOOTER.baseline()), 0);
  }

}
