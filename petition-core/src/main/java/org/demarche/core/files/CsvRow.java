package org.demarche.core.files;

import java.util.Arrays;
import java.util.List;
import org.demarche.core.model.Location;

/**
 * One row of a CSV file: its cells as written (unquoted, not trimmed) and where each starts. A cell's
 * column is its position in the row (1 for the first cell), as a spreadsheet numbers them; its line is
 * the line it starts on, which is later than the row's first line when an earlier cell holds a quoted
 * line break.
 */
public final class CsvRow {
  private final String file;
  private final String[] cells;
  private final int[] lines;

  CsvRow(String file, String[] cells, int[] lines) {
    this.file = file;
    this.cells = cells;
    this.lines = lines;
  }

  /** The line the row starts on (1-based). */
  public int line() {
    return lines.length == 0 ? 1 : lines[0];
  }

  public int size() {
    return cells.length;
  }

  /** The text of the cell at {@code index} (0-based). */
  public String text(int index) {
    return cells[index];
  }

  /** Every cell's text, in order. */
  public List<String> texts() {
    return Arrays.asList(cells.clone());
  }

  /**
   * Where the cell at {@code index} (0-based) starts; for an index past the row's end (a short row),
   * the row's first line and the column that cell would have.
   */
  public Location at(int index) {
    return new Location(file, index < lines.length ? lines[index] : line(), index + 1);
  }

  /** True when the row is a single empty cell (a line holding only {@code ""}). */
  public boolean isBlank() {
    return cells.length == 1 && cells[0].isEmpty();
  }
}
