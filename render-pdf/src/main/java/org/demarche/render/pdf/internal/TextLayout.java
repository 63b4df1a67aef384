package org.demarche.render.pdf.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Breaks text into lines with the fonts' real advance widths. Break opportunities come from the
 * JDK's line {@link BreakIterator}: after spaces in Latin text, between most CJK characters, and
 * never before closing punctuation such as 。 or 」. Text is never hyphenated, so the extracted text
 * keeps every word whole.
 */
public final class TextLayout {
  private final FontSet.Faces faces;

  public TextLayout(FontSet.Faces faces) {
    this.faces = faces;
  }

  /** The width of {@code text} set in {@code style}, in points. */
  public float width(String text, Style style) {
    float w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      Face f = faces.forCodePoint(cp, style.bold());
      if (f == null) {
        throw new MissingGlyphException(cp);
      }
      w += f.advance(cp);
      i += Character.charCount(cp);
    }
    return w * style.size() / 1000f;
  }

  /** Sets {@code text} on one line however wide it is (the caller has checked it fits). */
  public Line single(String text, Style style) {
    String t = clean(text);
    Measured m = measure(t, style);
    return m.line(0, trimEnd(t, t.length()), true);
  }

  /**
   * Breaks {@code text} into lines no wider than {@code maxWidth}. A newline in the text forces a
   * break; tabs and runs of spaces count as one space.
   */
  public List<Line> lines(String text, Style style, float maxWidth) {
    List<Line> out = new ArrayList<>();
    String[] segments = text.replace("\r", "").split("\n", -1);
    for (String raw : segments) {
      String seg = clean(raw);
      if (seg.isEmpty()) {
        continue;
      }
      breakSegment(seg, style, maxWidth, out);
    }
    return out;
  }

  private static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean isSpace = c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
      if (isSpace) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  private void breakSegment(String seg, Style style, float maxWidth, List<Line> out) {
    Measured m = measure(seg, style);
    if (m.total <= maxWidth) {
      out.add(m.line(0, seg.length(), true));
      return;
    }
    BreakIterator it = BreakIterator.getLineInstance(Locale.ROOT);
    it.setText(seg);
    int lineStart = 0;
    int lineEnd = 0; // end of the last piece that fits, trailing spaces trimmed
    int prev = it.first();
    for (int next = it.next(); next != BreakIterator.DONE; prev = next, next = it.next()) {
      int contentEnd = trimEnd(seg, next);
      if (contentEnd <= prev) {
        continue;
      }
      if (m.width(lineStart, contentEnd) <= maxWidth) {
        lineEnd = contentEnd;
        continue;
      }
      if (lineEnd > lineStart) {
        out.add(m.line(lineStart, lineEnd, false));
        lineStart = prev;
      }
      // The piece alone may still be too wide (a long URL): break it between characters.
      while (m.width(lineStart, contentEnd) > maxWidth) {
        int cut = lineStart + Character.charCount(seg.codePointAt(lineStart));
        while (cut < contentEnd) {
          int n = cut + Character.charCount(seg.codePointAt(cut));
          if (m.width(lineStart, n) > maxWidth) {
            break;
          }
          cut = n;
        }
        out.add(m.line(lineStart, cut, false));
        lineStart = cut;
      }
      lineEnd = contentEnd;
    }
    if (lineEnd > lineStart) {
      out.add(m.line(lineStart, lineEnd, true));
    }
  }

  private static int trimEnd(String s, int end) {
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  private Measured measure(String s, Style style) {
    int n = s.length();
    Face[] face = new Face[n];
    float[] prefix = new float[n + 1];
    float scale = style.size() / 1000f;
    Face previous = null;
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      Face f;
      if (cp == ' ' && previous != null && previous.has(' ')) {
        f = previous; // a space joins the run before it
      } else {
        f = faces.forCodePoint(cp, style.bold());
        if (f == null) {
          throw new MissingGlyphException(cp);
        }
      }
      int len = Character.charCount(cp);
      face[i] = f;
      prefix[i + 1] = prefix[i] + f.advance(cp) * scale;
      if (len == 2) {
        face[i + 1] = f;
        prefix[i + 2] = prefix[i + 1];
      }
      previous = f;
      i += len;
    }
    return new Measured(s, face, prefix);
  }

  private static final class Measured {
    final String text;
    final Face[] face;
    final float[] prefix;
    final float total;

    Measured(String text, Face[] face, float[] prefix) {
      this.text = text;
      this.face = face;
      this.prefix = prefix;
      this.total = prefix[text.length()];
    }

    float width(int from, int to) {
      return prefix[to] - prefix[from];
    }

    Line line(int from, int to, boolean last) {
      while (from < to && text.charAt(from) == ' ') {
        from++;
      }
      List<Line.Run> runs = new ArrayList<>(2);
      int spaces = 0;
      int runStart = from;
      for (int i = from; i < to; i++) {
        if (text.charAt(i) == ' ') {
          spaces++;
        }
        if (i + 1 == to || face[i + 1] != face[runStart]) {
          runs.add(new Line.Run(face[runStart], text.substring(runStart, i + 1), width(runStart, i + 1)));
          runStart = i + 1;
        }
      }
      return new Line(List.copyOf(runs), width(from, to), spaces, last);
    }
  }
}
