package org.demarche.core.signatories;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.files.FieldReader;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Signatories;

/**
 * Imports a signatory list from a CSV file (UTF-8 with or without BOM, a header row naming the columns,
 * quoted fields with commas and newlines) or a JSON list of objects. Columns: name (required), kind
 * (person or organization), organization, city, country (ISO 3166-1 alpha-2), email, signedAt (a date or
 * an instant), disclosure (full, name-only, initials, counted-only); any other column is kept for the
 * NGO. Individuals default to counted-only and organizations to full; every level is capped at the
 * options' cap.
 *
 * <pre>{@code
 * Imported in = SignatoryImport.read(Path.of("signatories.csv"), ImportOptions.defaults().withSkipBadRows(true));
 * System.out.println(in.report().summary());
 * in.report().duplicates().forEach(System.out::println);
 * }</pre>
 *
 * <p>A list may also be written inline in a campaign file ({@link #inline}); the same rules apply.
 *
 * <p>The file is checked whole, every bad row reported with its line and column, and then streamed
 * from disk each time the signatories are read; a million rows need not sit in memory.
 */
public final class SignatoryImport {
  private SignatoryImport() {}

  /** The signatories and what the import found. */
  public record Imported(CommittedSignatories signatories, ImportReport report) {
    public Imported {
      Objects.requireNonNull(signatories, "signatories");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * Reads {@code file}. Without {@link ImportOptions#skipBadRows()}, any bad row is an
   * {@link InvalidInputException} listing every problem with its file, line and column, and nothing is
   * imported; with it, the bad rows are left out and counted. A file that cannot be read as CSV or JSON
   * at all (no header, no name column) always fails.
   */
  public static Imported read(Path file, ImportOptions options) {
    return read(file, file.toString(), options);
  }

  /** Like {@link #read(Path, ImportOptions)}, naming the file {@code display} in messages. */
  public static Imported read(Path file, String display, ImportOptions options) {
    return read(file, display, options, SaltKey.fileBeside(Objects.requireNonNull(file, "file")));
  }

  /**
   * Like {@link #read(Path, String, ImportOptions)}, with the list's salts file at {@code salts} rather than
   * beside the list: a campaign keeps it in its own folder when the list is in a folder the operator only
   * allowed it to read.
   */
  public static Imported read(Path file, String display, ImportOptions options, Path salts) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(salts, "salts");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(options, "options");
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return JsonSignatories.read(file, salts, display, options.disclosureCap(), options.skipBadRows());
    }
    CsvSignatories csv = new CsvSignatories(file, salts, display, options.disclosureCap(), options.skipBadRows());
    ImportReport report = csv.check();
    return new Imported(csv, report);
  }

  /**
   * The signatories written as a list at {@code path} of a file being read with {@code fields} (a campaign
   * file's {@code signatories:}), each level capped at {@code cap}. Empty when any entry is bad; each bad
   * field is then a problem in {@code fields}, located in that file.
   */
  public static Optional<Signatories> inline(FieldReader fields, String path, Disclosure cap) {
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(cap, "cap");
    return JsonSignatories.inline(fields, path, cap);
  }
}
