package org.demarche.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with columns as wide as their widest cell. */
final class Table {
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

  Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  void print(PrintWriter out) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
      }
    }
    for (String[] r : header ? rows : rows.subList(1, rows.size())) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        line.append(r[i]);
        if (i < cols - 1) {
          line.append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
