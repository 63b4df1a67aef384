package org.demarche.core.signatories;

import org.demarche.core.files.AtomicFiles;
import org.demarche.core.files.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;

/**
 * The full list for the NGO (never for a recipient): a CSV file, UTF-8 with a BOM so that spreadsheet
 * programs read the names right, with the columns of the import followed by the extra fields. A cell
 * that a spreadsheet would take for a formula (it begins with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return) is written with a leading apostrophe, so that opening the export runs
 * nothing a signatory typed.
 */
public final class SignatoryExport {
  private static final List<String> COLUMNS = List.of("name", "kind", "organization", "city", "country", "email",
      "signedAt", "disclosure");

  private SignatoryExport() {}

  /** Writes {@code list} to {@code file} (streams the list twice: once for the extra columns' names). */
  public static void writeCsv(Signatories list, Path file) {
    try {
      AtomicFiles.write(file, out -> writeCsv(list, out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code list} as CSV to {@code out} (not closed). */
  public static void writeCsv(Signatories list, OutputStream out) throws IOException {
    Set<String> extras = new LinkedHashSet<>();
    try (Stream<Signatory> s = list.stream()) {
      s.forEach(sig -> extras.addAll(sig.extra().keySet()));
    }
    CsvWriter w = CsvWriter.of(out, true);
    List<String> header = new ArrayList<>(COLUMNS);
    header.addAll(extras);
    w.row(header);
    List<String> cells = new ArrayList<>(header.size());
    try (Stream<Signatory> s = list.stream()) {
      Iterator<Signatory> it = s.iterator();
      while (it.hasNext()) {
        Signatory sig = it.next();
        cells.clear();
        cells.add(sig.name());
        cells.add(sig.kind().name().toLowerCase(Locale.ROOT));
        cells.add(sig.organization().orElse(""));
        cells.add(sig.city().orElse(""));
        cells.add(sig.country().orElse(""));
        cells.add(sig.email().orElse(""));
        cells.add(sig.signedAt().map(Object::toString).orElse(""));
        cells.add(sig.disclosure().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        for (String x : extras) {
          cells.add(sig.extra().getOrDefault(x, ""));
        }
        w.row(cells);
      }
    }
    w.flush();
  }

  /**
   * One CSV cell as written, by the project's one CSV writer: see {@link CsvWriter#cell}.
   */
  public static String cell(String value) {
    return CsvWriter.cell(value);
  }
}
