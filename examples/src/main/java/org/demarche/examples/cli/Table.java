package org.demarche.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table with columns as wide as their widest cell. The last column is never cut: when a line
 * would be wider than {@link #WIDTH}, its last cell wraps at spaces onto continuation lines aligned under it.
 */
final class Table {
  /** The width a line is kept within when its last cell can wrap. */
  static final int WIDTH = 120;
  /** The narrowest the last column wraps to, however wide the others are. */
  private static final int MIN_LAST = 40;

  private final List<String[]> rows = new ArrayList<>();

  private final boolean header;

  Table(String... header) {
    rows.add(header);
    this.header = true;
  }

  private Table(int columns) {
    rows.add(new String[columns]);
    java.util.Arrays.fill(rows.get(0), "");
    this.header = false;
  }

  /** A table of label and value rows, without a header line. */
  static Table withoutHeader(int columns) {
    return new Table(columns);
  }

  /** {@code text} on one line: runs of white space (line breaks included) become one space. */
  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  void print(PrintWriter out) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols - 1; i++) {
        width[i] = Math.max(width[i], length(r[i]));
      }
    }
    int indent = 0;
    for (int i = 0; i < cols - 1; i++) {
      indent += width[i] + 2;
    }
    int last = Math.max(MIN_LAST, WIDTH - indent);
    for (String[] r : header ? rows : rows.subList(1, rows.size())) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols - 1; i++) {
        line.append(r[i]).append(" ".repeat(width[i] - length(r[i]) + 2));
      }
      List<String> parts = wrap(r[cols - 1], last);
      out.println((line + parts.get(0)).stripTrailing());
      for (String more : parts.subList(1, parts.size())) {
        out.println(" ".repeat(indent) + more);
      }
    }
  }

  /** Prints {@code text} wrapped at {@code width}, its further lines indented by {@code indent} spaces. */
  static void printWrapped(PrintWriter out, String text, int width, int indent) {
    List<String> lines = wrap(text, width);
    out.println(lines.get(0));
    lines.subList(1, lines.size()).forEach(l -> out.println(" ".repeat(indent) + l));
  }

  /** {@code text} in lines of at most {@code width} characters, broken at spaces (a longer word on its own line). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      if (current.length() > 0 && length(current.toString()) + 1 + length(word) > width) {
        lines.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(word);
    }
    lines.add(current.toString());
    return lines;
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
