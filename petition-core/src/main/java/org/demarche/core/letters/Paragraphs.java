package org.demarche.core.letters;

import java.util.ArrayList;
import java.util.List;

/** Splits a filled body into paragraphs: blank lines separate them; the lines of one are joined. */
final class Paragraphs {
  private Paragraphs() {}

  /** Paragraphs are separated by blank lines; the lines of one paragraph are joined with spaces. */
  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
      String joined = joinLines(block.strip().split("[ \\t]*\n[ \\t]*"));
      if (!joined.isEmpty()) {
        out.add(joined);
      }
    }
    return out;
  }

  /** Joins wrapped lines: with a space, except between two characters of scripts written without spaces. */
  private static String joinLines(String[] lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
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
