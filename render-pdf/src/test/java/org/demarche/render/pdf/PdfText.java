package org.demarche.render.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.demarche.core.model.Letter;

/** Reads PDFs back with PDFBox for assertions: text per page, glyph positions, normalization. */
final class PdfText {
  private PdfText() {}

  static PDDocument load(byte[] pdf) {
    try {
      return Loader.loadPDF(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of each page, in content order (not re-sorted by position). */
  static List<String> pages(byte[] pdf) {
    try (PDDocument doc = load(pdf)) {
      List<String> out = new ArrayList<>();
      PDFTextStripper s = new PDFTextStripper();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        s.setStartPage(p);
        s.setEndPage(p);
        out.add(s.getText(doc));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String all(byte[] pdf) {
    return String.join("\n", pages(pdf));
  }

  /**
   * Whitespace normalized: runs of whitespace become one space, and whitespace next to a CJK
   * character is dropped (a line break inside Chinese or Japanese text is no space).
   */
  static String normalize(String s) {
    String collapsed = s.replaceAll("\\s+", " ").strip();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < collapsed.length(); i++) {
      char c = collapsed.charAt(i);
      if (c == ' ' && i > 0 && i + 1 < collapsed.length()
          && (isCjk(collapsed.codePointBefore(i)) || isCjk(collapsed.codePointAt(i + 1)))) {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF00 && cp <= 0xFFEF);
  }

  /** The letterhead as printed above every letter. */
  static String letterhead(Letter letter) {
    List<String> lines = new ArrayList<>();
    lines.add(letter.sender().name());
    lines.addAll(letter.sender().address().printedLines());
    letter.sender().web().ifPresent(u -> lines.add(u.toString()));
    lines.add(letter.sender().email());
    return String.join("\n", lines);
  }

  /** A glyph as PDFBox saw it: page number and its box in points from the top left. */
  record Glyph(int page, String text, float x, float top, float right, float baseline, float pageWidth,
      float pageHeight) {}

  static List<Glyph> glyphs(byte[] pdf) {
    try (PDDocument doc = load(pdf)) {
      List<Glyph> out = new ArrayList<>();
      PDFTextStripper s = new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition t) {
          super.processTextPosition(t);
          if (!t.getUnicode().isBlank()) {
            out.add(new Glyph(getCurrentPageNo(), t.getUnicode(), t.getXDirAdj(), t.getYDirAdj() - t.getHeightDir(),
                t.getXDirAdj() + t.getWidthDirAdj(), t.getYDirAdj(), t.getPageWidth(), t.getPageHeight()));
          }
        }
      };
      s.getText(doc);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
