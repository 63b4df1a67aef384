/**
 * Co-signatory lists at scale: import with every bad row located ({@link SignatoryImport}), duplicate
 * reports, counts by country and disclosure level ({@link SignatoryTally}), a commitment over the whole
 * list that reveals no one ({@link ListCommitment}), per-signatory receipts that prove inclusion
 * ({@link InclusionReceipt}), and a spreadsheet-safe export for the NGO ({@link SignatoryExport}).
 * The construction is described in {@code docs/signatories.md}.
 */
package org.demarche.core.signatories;
