package org.demarche.core.signatories;

import java.util.Objects;
import org.demarche.core.model.Disclosure;

/**
 * How a signatory list is imported.
 *
 * @param disclosureCap the most any signatory may be shown (the campaign's cap); every level is capped here
 * @param skipBadRows false (the default): a file with any bad row imports nothing; true: bad rows are left
 *     out, reported, and counted in {@link ImportReport#skipped()}
 */
public record ImportOptions(Disclosure disclosureCap, boolean skipBadRows) {
  public ImportOptions {
    Objects.requireNonNull(disclosureCap, "disclosureCap");
  }

  /** No cap, and a bad row rejects the file. */
  public static ImportOptions defaults() {
    return new ImportOptions(Disclosure.FULL, false);
  }

  public ImportOptions withDisclosureCap(Disclosure cap) {
    return new ImportOptions(cap, skipBadRows);
  }

  public ImportOptions withSkipBadRows(boolean skip) {
    return new ImportOptions(disclosureCap, skip);
  }
}
