package org.demarche.core.letters;

import java.util.ArrayList;
import java.util.List;

/** Splits a filled body into paragraphs: blank lines separate them; the lines of one are joined. */
final class Paragraphs {
  private static final java.util.regex.Pattern MARKDOWN_LINE =
      java.util.regex.Pattern.compile("\\s*([-*+]|\\d{1,9}[.)]|>|#{1,6})(\\s|$)");

  private Paragraphs() {}

  /**
   * Paragraphs are separated by blank lines; the lines of one paragraph are joined with spaces, except
   * Markdown lines that start a list item, quotation or heading.
   */
  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
      String joined = joinLines(block.stripTrailing().replaceFirst("^\\s*\n", "").split("\n"));
      if (!joined.isBlank()) {
        out.add(joined);
      }
    }
    return out;
  }

  /** Joins wrapped lines: with a space, except between two characters of scripts written without spaces. */
  private static String joinLines(String[] raw) {
    StringBuilder out = new StringBuilder();
    for (String rawLine : raw) {
      // The body is Markdown: a line that starts a list item, quotation or heading keeps its own line.
      if (out.length() > 0 && MARKDOWN_LINE.matcher(rawLine).lookingAt()) {
        out.append('\n').append(rawLine.stripTrailing());
        continue;
      }
      String line = rawLine.strip();
      if (out.length() > 0 && !line.isEmpty()) {
        int before = out.codePointBefore(out.length());
        int after = line.codePointAt(0);
        if (!(noSpaceScript(before) && noSpaceScript(after))) {
          out.append(' ');
        }
      }
      out.append(line);
    }
    return out.toString();
  }

  private static boolean noSpaceScript(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
  }
}
