package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Draws lines of text into one page's content stream. */
final class Pen {
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
    boolean byChar = false;
    if (justifyWidth > 0 && !line.last()) {
      if (line.cjk()) {
        // CJK is justified between characters (the line breaker already kept kinsoku rules).
        int gaps = line.text().codePointCount(0, line.text().length()) - 1;
        extra = gaps > 0 ? (justifyWidth - line.width()) / gaps : 0;
        byChar = true;
        if (extra < 0 || extra > style.size() * 0.5f) {
          extra = 0;
        }
      } else if (line.spaces() > 0) {
        extra = (justifyWidth - line.width()) / line.spaces();
        if (extra < 0 || extra > style.size() * 1.2f) {
          extra = 0; // a line with one or two spaces stretched that far reads worse than a ragged one
        }
      }
    }
    for (Line.Run run : line.runs()) {
      if (run.face() != face || style.size() != size) {
        cs.setFont(fonts.font(run.face()), style.size());
        face = run.face();
        size = style.size();
      }
      if (extra > 0 && byChar) {
        cs.showTextWithPositioning(perChar(run.text(), -extra * 1000f / style.size()));
      } else if (extra > 0 && run.text().indexOf(' ') >= 0) {
        cs.showTextWithPositioning(justified(run.text(), -extra * 1000f / style.size()));
      } else {
        cs.showText(run.text());
      }
    }
  }

  private static Object[] perChar(String text, float adjust) {
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int n = i + Character.charCount(text.codePointAt(i));
      parts.add(text.substring(i, n));
      parts.add(adjust);
      i = n;
    }
    return parts.toArray();
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
