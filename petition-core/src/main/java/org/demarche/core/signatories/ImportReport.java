package org.demarche.core.signatories;

import java.util.List;
import java.util.Objects;
import org.demarche.core.model.Problem;

/**
 * What an import found.
 *
 * @param file the file as the user named it
 * @param rows data rows read (the header not counted)
 * @param imported signatories imported
 * @param skipped bad rows left out (only when skipping was asked for; otherwise the import failed)
 * @param problems every bad row's problems with line and column (at most {@link #MAX_LISTED}, then a summary)
 * @param duplicates rows that match an earlier row (at most {@link #MAX_LISTED} listed)
 * @param duplicateCount how many duplicate rows in all
 * @param tally the imported signatories' counts
 */
public record ImportReport(String file, long rows, long imported, long skipped, List<Problem> problems,
    List<Duplicate> duplicates, long duplicateCount, SignatoryTally tally) {
  /** Most problems or duplicates listed one by one. */
  public static final int MAX_LISTED = 1000;

  public ImportReport {
    Objects.requireNonNull(file, "file");
    problems = List.copyOf(problems);
    duplicates = List.copyOf(duplicates);
    Objects.requireNonNull(tally, "tally");
  }

  /** One line for a person: "12,345 signatories imported from x.csv; 2 bad rows skipped; 3 duplicates reported". */
  public String summary() {
    StringBuilder out = new StringBuilder(String.format(java.util.Locale.ENGLISH, "%,d signatories imported from %s",
        imported, file));
    if (skipped > 0) {
      out.append(String.format(java.util.Locale.ENGLISH, "; %,d bad %s skipped", skipped, skipped == 1 ? "row" : "rows"));
    }
    if (duplicateCount > 0) {
      out.append(String.format(java.util.Locale.ENGLISH, "; %,d possible %s reported (not merged)", duplicateCount,
          duplicateCount == 1 ? "duplicate" : "duplicates"));
    }
    return out.toString();
  }
}
