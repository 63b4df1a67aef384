package org.demarche.deliver.email.internal;

import org.demarche.core.model.Letter;

/** The letter's text as a small HTML document: every character escaped, each block a paragraph. */
public final class LetterHtml {
  private LetterHtml() {}

  public static String of(Letter letter) {
    StringBuilder out = new StringBuilder(512);
    out.append("<!DOCTYPE html>\n<html lang=\"").append(escape(letter.language())).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(escape(letter.subject())).append("</title>\n")
        .append("</head>\n<body>\n");
    String text = letter.plainText().replace("\r\n", "\n").replace('\r', '\n');
    for (String block : text.split("\n{2,}")) {
      if (block.isBlank()) {
        continue;
      }
      out.append("<p>").append(escape(block.strip()).replace("\n", "<br>\n")).append("</p>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }

  /** Escapes the five characters that mean something in HTML text and attributes. */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
