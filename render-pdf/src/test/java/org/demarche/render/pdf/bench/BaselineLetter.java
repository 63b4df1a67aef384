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
 * measured with PDFBox's own widths, lines justified by positioning. No fallback fonts, no pagination.
 */
final class BaselineLetter {
  private static final byte[] REGULAR = read("/liberation/LiberationSerif-Regular.ttf");
  private static final byte[] BOLD = read("/liberation/LiberationSerif-Bold.ttf");
  private static final ThreadLocal<TrueTypeFont[]> FONTS = ThreadLocal.withInitial(() -> {
    try {
      TrueTypeFont r = new TTFParser().parse(new RandomAccessReadBuffer(REGULAR));
      TrueTypeFont b = new TTFParser().parse(new RandomAccessReadBuffer(BOLD));
      r.setEnableGsub(false);
      b.setEnableGsub(false);
      return new TrueTypeFont[] {r, b};
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
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      float left = 70.87f;
      float width = 595.28f - left - 62.36f;
      float[] y = {841.89f - 51f - 12f};
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        Writer w = new Writer(cs, left, width, y);
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

  private record Writer(PDPageContentStream cs, float left, float width, float[] y) {
    void line(String text, PDFont font, float size, float leading) throws IOException {
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(left, y[0]);
      cs.showText(text);
      cs.endText();
      y[0] -= leading;
    }

    void paragraph(String text, PDFont font, float size, float leading) throws IOException {
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
