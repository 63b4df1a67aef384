package org.demarche.render.pdf.internal;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Breaks text into lines with the fonts' real advance widths. Break opportunities come from the
 * JDK's line {@link BreakIterator}: after spaces in Latin text, between most CJK characters, and
 * never before closing punctuation such as 。 or 」. Text is never hyphenated, so the extracted text
 * keeps every word whole.
 *
 * <p>A paragraph with right-to-left text is shaped (Arabic contextual forms and lam-alef
 * ligatures, by ICU4J) before it is broken, and each line is reordered for display by the Unicode
 * Bidi algorithm (ICU4J). Scripts that need a full shaping engine are refused with the script named.
 */
public final class TextLayout {
  /** Scripts whose glyphs must be reordered and combined by an OpenType shaping engine. */
  private static final Set<Character.UnicodeScript> NEEDS_SHAPING = EnumSet.of(
      Character.UnicodeScript.DEVANAGARI, Character.UnicodeScript.BENGALI, Character.UnicodeScript.GURMUKHI,
      Character.UnicodeScript.GUJARATI, Character.UnicodeScript.ORIYA, Character.UnicodeScript.TAMIL,
      Character.UnicodeScript.TELUGU, Character.UnicodeScript.KANNADA, Character.UnicodeScript.MALAYALAM,
      Character.UnicodeScript.SINHALA, Character.UnicodeScript.THAI, Character.UnicodeScript.LAO,
      Character.UnicodeScript.TIBETAN, Character.UnicodeScript.MYANMAR, Character.UnicodeScript.KHMER,
      Character.UnicodeScript.SYRIAC, Character.UnicodeScript.THAANA, Character.UnicodeScript.NKO,
      Character.UnicodeScript.MONGOLIAN, Character.UnicodeScript.JAVANESE, Character.UnicodeScript.BALINESE);

  private final FontSet.Faces faces;
  private final String language;
  /** The font chain of each variant for this language, resolved once (looked up for every character). */
  private final int[][] chains;

  public TextLayout(FontSet.Faces faces) {
    this(faces, "en");
  }

  /** A layout for text in {@code language} (which decides the CJK face: Japanese, Chinese or Korean). */
  public TextLayout(FontSet.Faces faces, String language) {
    this.faces = faces;
    this.language = language;
    FontSet.Variant[] variants = FontSet.Variant.values();
    this.chains = new int[variants.length][];
    for (FontSet.Variant v : variants) {
      chains[v.ordinal()] = faces.set().chain(v, language);
    }
  }

  /** The same fonts, for text in another language. */
  public TextLayout forLanguage(String languageTag) {
    return languageTag.equals(language) ? this : new TextLayout(faces, languageTag);
  }

  /** The width of {@code text} set in {@code style}, in points. */
  public float width(String text, Style style) {
    return measure(text, Spans.plain(text).resolve(base(style)), style).total;
  }

  /** Sets {@code text} on one line however wide it is (the caller has checked it fits). */
  public Line single(String text, Style style) {
    List<Line> lines = lines(text, style, Float.MAX_VALUE);
    return lines.isEmpty() ? new Line(List.of(), 0, 0, true) : lines.get(0);
  }

  /**
   * Breaks {@code text} into lines no wider than {@code maxWidth}. A newline in the text forces a
   * break; tabs and runs of spaces count as one space.
   */
  public List<Line> lines(String text, Style style, float maxWidth) {
    return lines(Spans.plain(text), style, maxWidth);
  }

  /** Breaks styled text into lines no wider than {@code maxWidth}. */
  public List<Line> lines(Spans spans, Style style, float maxWidth) {
    List<Line> out = new ArrayList<>();
    String text = spans.text();
    byte[] variants = spans.resolve(base(style));
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      StringBuilder seg = new StringBuilder();
      byte[] segVariants = new byte[end - start];
      clean(text, variants, start, end, seg, segVariants);
      if (seg.length() > 0) {
        String s = seg.toString();
        checkScripts(s);
        if (Bidi.requiresBidi(s.toCharArray(), 0, s.length())) {
          rtlSegment(s, style, maxWidth, out);
        } else {
          breakSegment(s, Arrays.copyOf(segVariants, s.length()), style, maxWidth, out);
        }
      }
      start = end + 1;
    }
    return out;
  }

  private static FontSet.Variant base(Style style) {
    return style.bold() ? FontSet.Variant.BOLD : FontSet.Variant.REGULAR;
  }

  private static void checkScripts(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp >= 0x0700) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (NEEDS_SHAPING.contains(script)) {
          throw new UnsupportedScriptException(script, cp);
        }
      }
      i += Character.charCount(cp);
    }
  }

  /** Copies text[start, end) to {@code out}, runs of blanks as one space, carriage returns dropped. */
  private static void clean(String s, byte[] variants, int start, int end, StringBuilder out, byte[] outVariants) {
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        continue;
      }
      boolean isSpace = c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
      if (isSpace) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          outVariants[out.length()] = variants[i - 1];
          out.append(' ');
        }
        space = false;
        outVariants[out.length()] = variants[i];
        out.append(c);
      }
    }
  }

  private void breakSegment(String seg, byte[] variants, Style style, float maxWidth, List<Line> out) {
    Measured m = measure(seg, variants, style);
    for (int[] r : breaks(m, maxWidth)) {
      out.add(m.line(r[0], r[1], r[2] == 1, false));
    }
  }

  /**
   * A right-to-left (or mixed) paragraph: shaped in logical order, broken into lines, and each line
   * reordered for display. Inline emphasis is not kept here: shaping changes the text's length.
   */
  private void rtlSegment(String seg, Style style, float maxWidth, List<Line> out) {
    String shaped;
    try {
      shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
          | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(seg);
    } catch (ArabicShapingException e) {
      throw new IllegalStateException("Arabic shaping failed: " + e.getMessage(), e);
    }
    byte[] variants = Spans.plain(shaped).resolve(base(style));
    Measured logical = measure(shaped, variants, style);
    byte level = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR).getParaLevel();
    boolean rtl = (level & 1) == 1;
    for (int[] r : breaks(logical, maxWidth)) {
      String lineText = shaped.substring(r[0], r[1]).strip();
      String visual = new Bidi(lineText, level).writeReordered(Bidi.DO_MIRRORING);
      Measured m = measure(visual, Spans.plain(visual).resolve(base(style)), style);
      out.add(m.line(0, visual.length(), r[2] == 1, rtl));
    }
  }

  /** Line ranges {from, to, last?1:0} of the measured text, each no wider than {@code maxWidth}. */
  private static List<int[]> breaks(Measured m, float maxWidth) {
    String seg = m.text;
    List<int[]> out = new ArrayList<>();
    if (m.total <= maxWidth) {
      out.add(new int[] {0, seg.length(), 1});
      return out;
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
        out.add(new int[] {lineStart, lineEnd, 0});
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
        out.add(new int[] {lineStart, cut, 0});
        lineStart = cut;
      }
      lineEnd = contentEnd;
    }
    if (lineEnd > lineStart) {
      out.add(new int[] {lineStart, lineEnd, 1});
    }
    return out;
  }

  private static int trimEnd(String s, int end) {
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  private Measured measure(String s, byte[] variants, Style style) {
    int n = s.length();
    Face[] face = new Face[n];
    assignFaces(s, variants, 0, n, face);
    // The CJK faces have no bold: a bold stretch that needs one is set regular throughout, so that
    // its Latin letters and digits do not stand out bold beside regular CJK.
    for (int i = 0; i < n; ) {
      if (variants[i] != FontSet.Variant.BOLD.ordinal()) {
        i++;
        continue;
      }
      int j = i;
      boolean cjk = false;
      while (j < n && variants[j] == FontSet.Variant.BOLD.ordinal()) {
        cjk |= face[j].cjk;
        j++;
      }
      if (cjk) {
        byte[] regular = variants.clone();
        Arrays.fill(regular, i, j, (byte) FontSet.Variant.REGULAR.ordinal());
        assignFaces(s, regular, i, j, face);
      }
      i = j;
    }
    float[] prefix = new float[n + 1];
    float scale = style.size() / 1000f;
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      prefix[i + 1] = prefix[i] + face[i].advance(cp) * scale;
      if (len == 2) {
        prefix[i + 2] = prefix[i + 1];
      }
      i += len;
    }
    return new Measured(s, face, prefix);
  }

  private void assignFaces(String s, byte[] variants, int from, int to, Face[] face) {
    Face previous = from > 0 ? face[from - 1] : null;
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      Face f;
      if (cp == ' ' && previous != null && previous.has(' ')) {
        f = previous; // a space joins the run before it
      } else {
        f = faces.forCodePoint(cp, chains[variants[i]]);
        if (f == null) {
          throw new MissingGlyphException(cp);
        }
      }
      int len = Character.charCount(cp);
      face[i] = f;
      if (len == 2) {
        face[i + 1] = f;
      }
      previous = f;
      i += len;
    }
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

    Line line(int from, int to, boolean last, boolean rtl) {
      while (from < to && text.charAt(from) == ' ') {
        from++;
      }
      while (to > from && text.charAt(to - 1) == ' ') {
        to--;
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
      return new Line(List.copyOf(runs), width(from, to), spaces, last, rtl);
    }
  }
}
