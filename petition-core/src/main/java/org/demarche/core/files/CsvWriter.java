package org.demarche.core.files;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one CSV writer of every export (signatory lists, the receipts index, {@code voices.csv}): RFC 4180
 * (comma-separated, CRLF line ends, a cell quoted when it holds a comma, quote or line break), UTF-8. A cell
 * that a spreadsheet would take for a formula (it begins with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return) is written with a leading apostrophe, so that opening an export runs nothing a
 * signatory or supporter typed. Write the file through {@link AtomicFiles}:
 *
 * <pre>{@code
 * AtomicFiles.write(file, out -> {
 *   CsvWriter csv = CsvWriter.of(out, false);
 *   csv.row("name", "email");
 *   csv.flush();
 * });
 * }</pre>
 */
public final class CsvWriter implements Flushable {
  private final Writer out;

  private CsvWriter(Writer out) {
    this.out = out;
  }

  /**
   * A writer onto {@code out} (not closed by it; {@link #flush} before the stream is closed).
   *
   * @param byteOrderMark start with a UTF-8 byte-order mark, which spreadsheet programs need to read
   *     names in other scripts right
   */
  public static CsvWriter of(OutputStream out, boolean byteOrderMark) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (byteOrderMark) {
      w.write('\uFEFF');
    }
    return new CsvWriter(w);
  }

  /** Writes one row. */
  public CsvWriter row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
    return this;
  }

  /** Writes one row. */
  public CsvWriter row(String... cells) throws IOException {
    return row(List.of(cells));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * One CSV cell as written: neutralized with a leading apostrophe if a spreadsheet could read it as a
   * formula (it starts with =, +, -, @, tab or CR), then quoted if needed.
   */
  public static String cell(String value) {
    String v = value;
    if (!v.isEmpty()) {
      char c = v.charAt(0);
      if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
        v = "'" + v;
      }
    }
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
