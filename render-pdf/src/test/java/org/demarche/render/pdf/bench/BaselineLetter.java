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
 * measured with PDFBox's own widths, lines justified by positioning. A line with CJK characters is set in
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
        Writer w = new Writer(cs, left, width, y, cjkFont);
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

  private record Writer(PDPageContentStream cs, float left, float width, float[] y,
      java.util.function.Supplier<PDFont> cjk) {
    /** Whether the text has a CJK character (U+2E80 and above, none of which Liberation has). */
    private static boolean cjk(int c) {
      return c >= 0x2e80 && (c < 0xfb00 || c >= 0xfe30); // leaves out the Latin and Arabic presentation forms
    }

    void line(String text, PDFont font, float size, float leading) throws IOException {
      if (text.codePoints().anyMatch(Writer::cjk)) {
        mixed(text, font, size, leading, false);
        return;
      }
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(left, y[0]);
      cs.showText(text);
      cs.endText();
      y[0] -= leading;
    }

    void paragraph(String text, PDFont font, float size, float leading) throws IOException {
      if (text.codePoints().anyMatch(Writer::cjk)) {
        mixed(text, font, size, leading, true);
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

    /**
     * Text with CJK: each character in Liberation if it is not CJK, else in Noto Sans SC; broken between any
     * two characters (no kinsoku rules) and, for a paragraph, justified by spacing the characters.
     */
    void mixed(String text, PDFont latin, float size, float leading, boolean justify) throws IOException {
      int[] cps = text.codePoints().toArray();
      PDFont[] fonts = new PDFont[cps.length];
      float[] widths = new float[cps.length];
      for (int i = 0; i < cps.length; i++) {
        fonts[i] = cjk(cps[i]) ? cjk.get() : latin;
        widths[i] = fonts[i].getStringWidth(new String(cps, i, 1)) * size / 1000;
      }
      int start = 0;
      float lineWidth = 0;
      for (int i = 0; i <= cps.length; i++) {
        if (i == cps.length || (justify && lineWidth + widths[i] > width && i > start)) {
          boolean last = i == cps.length;
          float extra = !justify || last || i - start < 2 ? 0 : (width - lineWidth) / (i - start - 1) * 1000 / size;
          cs.beginText();
          cs.newLineAtOffset(left, y[0]);
          for (int j = start; j < i; ) {
            int k = j;
            while (k < i && fonts[k] == fonts[j]) {
              k++;
            }
            cs.setFont(fonts[j], size);
            List<Object> parts = new ArrayList<>();
            for (int m = j; m < k; m++) {
              parts.add(new String(cps, m, 1));
              if (extra > 0 && m + 1 < i) {
                parts.add(-extra);
              }
            }
            cs.showTextWithPositioning(parts.toArray());
            j = k;
          }
          cs.endText();
          y[0] -= leading;
          start = i;
          lineWidth = 0;
        }
        if (i < cps.length) {
          lineWidth += widths[i];
        }
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
