package org.demarche.render.pdf.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.demarche.core.model.Letter;

/**
 * The yardstick: the same one-page letter drawn with bare PDFBox as a careful programmer would,
 * Liberation Serif regular and bold parsed once per thread with GSUB off, embedded as subsets, words
 * measured with PDFBox's own widths, lines justified by positioning. A line Liberation cannot draw is set in
 * Noto Sans SC (parsed once per thread, loaded into the document only when needed), CJK paragraphs broken and
 * justified between characters. No other fallback, no pagination.
 */
final class BaselineLetter {
  private static final byte[] REGULAR = read("/liberation/LiberationSerif-Regular.ttf");
  private static final byte[] BOLD = read("/liberation/LiberationSerif-Bold.ttf");
  private static final byte[] CJK = read("/org/demarche/render/pdf/fonts/NotoSansSC-Regular-subset.ttf");
  private static final ThreadLocal<TrueTypeFont[]> FONTS = ThreadLocal.withInitial(() -> {
    try {
      TrueTypeFont[] f = {new TTFParser().parse(new RandomAccessReadBuffer(REGULAR)),
          new TTFParser().parse(new RandomAccessReadBuffer(BOLD)), new TTFParser().parse(new RandomAccessReadBuffer(CJK))};
      for (TrueTypeFont t : f) {
        t.setEnableGsub(false);
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  });

  private BaselineLetter() {}

  static byte[] render(Letter letter) {
    TrueTypeFont[] ttf = FONTS.get();
    try (PDDocument doc = new PDDocument()) {
      PDFont regular = PDType0Font.load(doc, ttf[0], true);
      PDFont bold = PDType0Font.load(doc, ttf[1], true);
      PDFont[] cjk = {null};
      java.util.function.Supplier<PDFont> cjkFont = () -> {
        try {
          return cjk[0] == null ? cjk[0] = PDType0Font.load(doc, ttf[2], true) : cjk[0];
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      float left = 70.87f;
      float width = 595.28f - left - 62.36f;
      float[] y = {841.89f - 51f - 12f};
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        Writer w = new Writer(cs, left, width, y, ttf[0], cjkFont);
        w.line(letter.sender().name(), bold, 13, 16);
        for (String l : letter.sender().address().printedLines()) {
          w.line(l, regular, 8.5f, 10.5f);
        }
        w.line(letter.sender().web().orElseThrow().toString(), regular, 8.5f, 10.5f);
        w.line(letter.sender().email(), regular, 8.5f, 10.5f);
        y[0] -= 24;
        w.line(letter.dateLine(), regular, 11, 14.5f);
        y[0] -= 14;
        for (String l : letter.recipientBlock()) {
          w.line(l, regular, 11, 14.5f);
        }
        y[0] -= 20;
        w.line(letter.subject(), bold, 11, 14.5f);
        y[0] -= 12;
        w.line(letter.salutation(), regular, 11, 14.5f);
        for (String p : letter.paragraphs()) {
          y[0] -= 8;
          w.paragraph(p, regular, 11, 14.5f);
        }
        y[0] -= 14;
        w.line(letter.closing(), regular, 11, 14.5f);
        y[0] -= 46;
        for (String l : letter.signatureBlock()) {
          w.line(l, regular, 11, 14.5f);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Writer(PDPageContentStream cs, float left, float width, float[] y, TrueTypeFont latin,
      java.util.function.Supplier<PDFont> cjk) {
    /** Liberation when it has every character of the text, else the CJK font. */
    private PDFont pick(String text, PDFont font) throws IOException {
      var cmap = latin.getUnicodeCmapLookup();
      return text.codePoints().allMatch(c -> cmap.getGlyphId(c) > 0) ? font : cjk.get();
    }

    void line(String text, PDFont latinFont, float size, float leading) throws IOException {
      PDFont font = pick(text, latinFont);
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(left, y[0]);
      cs.showText(text);
      cs.endText();
      y[0] -= leading;
    }

    void paragraph(String text, PDFont latinFont, float size, float leading) throws IOException {
      PDFont font = pick(text, latinFont);
      if (font != latinFont) {
        cjkParagraph(text, font, size, leading);
        return;
      }
      String[] words = text.split(" ");
      float space = font.getStringWidth(" ") * size / 1000;
      List<String> line = new ArrayList<>();
      float lineWidth = 0;
      for (String word : words) {
        float ww = font.getStringWidth(word) * size / 1000;
        float with = line.isEmpty() ? ww : lineWidth + space + ww;
        if (with > width && !line.isEmpty()) {
          justified(line, lineWidth, font, size, leading);
          line.clear();
          with = ww;
        }
        line.add(word);
        lineWidth = with;
      }
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(left, y[0]);
      cs.showText(String.join(" ", line));
      cs.endText();
      y[0] -= leading;
    }

    /** Broken between any two characters (no kinsoku rules) and justified by spacing the characters. */
    void cjkParagraph(String text, PDFont font, float size, float leading) throws IOException {
      int[] cps = text.codePoints().toArray();
      int start = 0;
      float lineWidth = 0;
      for (int i = 0; i <= cps.length; i++) {
        float w = i < cps.length ? font.getStringWidth(new String(cps, i, 1)) * size / 1000 : 0;
        if (i == cps.length || lineWidth + w > width) {
          boolean last = i == cps.length;
          List<Object> parts = new ArrayList<>();
          float extra = last || i - start < 2 ? 0 : (width - lineWidth) / (i - start - 1) * 1000 / size;
          for (int j = start; j < i; j++) {
            parts.add(new String(cps, j, 1));
            if (j + 1 < i && extra > 0) {
              parts.add(-extra);
            }
          }
          cs.beginText();
          cs.setFont(font, size);
          cs.newLineAtOffset(left, y[0]);
          cs.showTextWithPositioning(parts.toArray());
          cs.endText();
          y[0] -= leading;
          start = i;
          lineWidth = 0;
        }
        lineWidth += w;
      }
    }

    private void justified(List<String> words, float natural, PDFont font, float size, float leading)
        throws IOException {
      float extra = (width - natural) / (words.size() - 1) * 1000 / size;
      Object[] parts = new Object[words.size() * 2 - 1];
      for (int i = 0; i < words.size(); i++) {
        parts[2 * i] = i + 1 < words.size() ? words.get(i) + " " : words.get(i);
        if (i + 1 < words.size()) {
          parts[2 * i + 1] = -extra;
        }
      }
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(left, y[0]);
      cs.showTextWithPositioning(parts);
      cs.endText();
      y[0] -= leading;
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = BaselineLetter.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
