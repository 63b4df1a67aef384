package org.demarche.core.signatories;

import static org.demarche.core.signatories.SignatoryFields.COLUMNS;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.files.CsvRow;
import org.demarche.core.files.CsvRows;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * A signatory CSV file on the shared {@link CsvRows} reader: its header row checked when opened, then each
 * row's known columns picked out in the order of {@link SignatoryFields#COLUMNS} and the others kept as
 * extra fields.
 */
final class SignatoryCsv implements AutoCloseable {
  private final CsvRows rows;
  private final String display;
  private final String[] header;
  /** For each of {@link SignatoryFields#COLUMNS}, its index in the header, or -1. */
  private final int[] known;
  private final String[] cells = new String[COLUMNS.size()];

  private SignatoryCsv(CsvRows rows, String display, String[] header, int[] known) {
    this.rows = rows;
    this.display = display;
    this.header = header;
    this.known = known;
  }

  /**
   * Opens {@code path} and checks its header.
   *
   * @throws InvalidInputException when there is no header row, it has no name column or names a column twice
   */
  static SignatoryCsv open(Path path, String display) throws IOException {
    CsvRows rows = CsvRows.open(path, display);
    try {
      Optional<CsvRow> first = rows.next();
      String columns = "the first line names the columns: " + String.join(", ", COLUMNS);
      if (first.isEmpty()) {
        throw new InvalidInputException(new Problem(new Location(display, 1, 1), "", "the file has no header row; "
            + columns));
      }
      String[] header = first.get().texts().toArray(String[]::new);
      int[] known = knownColumns(header, display);
      if (known[SignatoryFields.NAME] < 0) {
        throw new InvalidInputException(new Problem(new Location(display, 1, 1), "name",
            "the header row has no 'name' column; " + columns));
      }
      return new SignatoryCsv(rows, display, header, known);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /** Strips the header's names in place and finds the known columns; a column named twice is refused. */
  private static int[] knownColumns(String[] header, String display) {
    int[] known = new int[COLUMNS.size()];
    Arrays.fill(known, -1);
    for (int i = 0; i < header.length; i++) {
      String h = header[i].strip();
      if (i == 0 && h.startsWith("\uFEFF")) {
        h = h.substring(1);
      }
      header[i] = h;
      int k = COLUMNS.indexOf(h);
      if (k >= 0 && known[k] >= 0) {
        throw new InvalidInputException(new Problem(new Location(display, 1, i + 1), h, "the header names the column '"
            + h + "' twice (columns " + (known[k] + 1) + " and " + (i + 1) + ")"));
      }
      if (k >= 0) {
        known[k] = i;
      }
    }
    return known;
  }

  /** The next row, or empty at the end; {@link InvalidInputException} when the rest is not valid CSV. */
  Optional<CsvRow> next() {
    return rows.next();
  }

  /** How many columns the header names. */
  int columns() {
    return header.length;
  }

  /** How many cells {@code row} has; a line holding only {@code ""} has none. */
  static int width(CsvRow row) {
    return row.isBlank() ? 0 : row.size();
  }

  /** The 1-based column of a known field, or 0 when the header lacks it. */
  int columnOf(int field) {
    return known[field] + 1;
  }

  /** Where the cell of a known field is in {@code row}. */
  Location at(CsvRow row, int field) {
    return known[field] < 0 ? new Location(display, row.line(), 0) : row.at(known[field]);
  }

  /** The known columns of {@code row}, in the order of {@link SignatoryFields#COLUMNS}; null where absent. */
  String[] known(CsvRow row) {
    int width = width(row);
    for (int k = 0; k < cells.length; k++) {
      int i = known[k];
      cells[k] = i < 0 || i >= width ? null : strip(row.text(i));
    }
    return cells;
  }

  /** The other named columns of {@code row} that hold a value. */
  Map<String, String> extra(CsvRow row) {
    Map<String, String> out = null;
    for (int i = 0; i < width(row) && i < header.length; i++) {
      if (!header[i].isEmpty() && !SignatoryFields.KNOWN.contains(header[i])) {
        String v = strip(row.text(i));
        if (!v.isEmpty()) {
          if (out == null) {
            out = new LinkedHashMap<>();
          }
          out.put(header[i], v);
        }
      }
    }
    return out == null ? Map.of() : out;
  }

  private static String strip(String v) {
    if (v.isEmpty()) {
      return v;
    }
    char first = v.charAt(0);
    char last = v.charAt(v.length() - 1);
    return first > ' ' && last > ' ' && !Character.isWhitespace(first) && !Character.isWhitespace(last) ? v : v.strip();
  }

  @Override
  public void close() {
    rows.close();
  }
}
