package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Letter;
import org.demarche.core.model.RenderException;

/**
 * DL envelopes (220 × 110 mm), one page per letter in the order given: the sender's return address
 * at the top left, the mission's address in Latin script and, where known, in the local script.
 */
public final class AddressSheet {
  static final float MM = 72f / 25.4f;
  static final float WIDTH = 220 * MM;
  static final float HEIGHT = 110 * MM;
  static final float MARGIN = 10 * MM;
  static final float ADDRESS_X = 95 * MM;
  static final float ADDRESS_TOP = 42 * MM;
  static final Style RETURN = new Style(false, 8f, 10f, 0.25f);
  static final Style ADDRESS = new Style(false, 11f, 14f, 0f);
  static final Style ADDRESS_BOLD = new Style(true, 11f, 14f, 0f);

  private AddressSheet() {}

  /** The address lines of {@code letter}'s envelope, Latin then local script: what is printed, in order. */
  public static List<String> addressLines(Letter letter) {
    DiplomaticMission m = letter.mission();
    List<String> out = new ArrayList<>();
    out.add(m.name());
    out.addAll(m.address().printedLines());
    if (!m.address().localLines().isEmpty()) {
      m.localName().ifPresent(out::add);
      out.addAll(m.address().localLines());
    }
    return out;
  }

  public static void write(FontSet fonts, List<Letter> letters, String title, boolean archival, OutputStream out) {
    if (letters.isEmpty()) {
      throw new IllegalArgumentException("no letters to address");
    }
    FontSet.Faces faces = fonts.faces();
    TextLayout layout = new TextLayout(faces);
    Letter first = letters.get(0);
    try (PDDocument doc = new PDDocument()) {
      DocFonts docFonts = new DocFonts(doc, faces);
      StringBuilder fingerprint = new StringBuilder("envelopes\n");
      for (Letter letter : letters) {
        PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          Pen pen = new Pen(cs, docFonts);
          float top = MARGIN;
          List<String> sender = new ArrayList<>();
          sender.add(letter.sender().name());
          sender.addAll(letter.sender().address().printedLines());
          float returnWidth = ADDRESS_X - 2 * MARGIN;
          for (String s : sender) {
            for (Line l : lines(layout, letter, s, RETURN, returnWidth)) {
              pen.line(l, RETURN, MARGIN, HEIGHT - top - RETURN.baseline(), 0);
              top += RETURN.leading();
            }
          }
          top = ADDRESS_TOP;
          float width = WIDTH - ADDRESS_X - MARGIN;
          List<String> address = addressLines(letter);
          int latin = 1 + letter.mission().address().printedLines().size();
          for (int i = 0; i < address.size(); i++) {
            if (i == latin) {
              top += ADDRESS.leading() / 2;
            }
            Style style = i == 0 || i == latin ? ADDRESS_BOLD : ADDRESS;
            for (Line l : lines(layout, letter, address.get(i), style, width)) {
              if (top + style.leading() > HEIGHT - MARGIN) {
                throw new RenderException("The address of " + letter.mission().id()
                    + " has too many lines for a DL envelope");
              }
              pen.line(l, style, ADDRESS_X, HEIGHT - top - style.baseline(), 0);
              top += style.leading();
            }
          }
        }
        fingerprint.append(letter.id()).append('\n');
      }
      PdfA.apply(doc, title, first.sender().name(), first.language(), first.date(), fingerprint.toString(), archival);
      doc.save(out);
    } catch (IOException e) {
      throw new RenderException("The address sheet could not be written: " + e.getMessage(), e);
    }
  }

  private static List<Line> lines(TextLayout layout, Letter letter, String text, Style style, float width) {
    try {
      return layout.lines(text, style, width);
    } catch (MissingGlyphException | UnsupportedScriptException e) {
      throw new RenderException("The envelope for " + letter.mission().id() + ": the character " + e.getMessage()
          + " in \"" + text + "\" is in none of the configured fonts");
    }
  }
}
