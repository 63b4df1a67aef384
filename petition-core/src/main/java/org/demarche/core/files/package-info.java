/**
 * The one located reader for every file the project reads, with the file, line and column of every
 * value, so that a bad value is reported where it was written, and one set of limits for all of it
 * ({@link org.demarche.core.files.ReadLimits}):
 *
 * <ul>
 *   <li>{@link org.demarche.core.files.LocatedTree} reads a YAML or JSON document (a campaign, a directory
 *       file, a JSON signatory list), and {@link org.demarche.core.files.FieldReader} walks it, collecting
 *       every problem instead of stopping at the first;
 *   <li>{@link org.demarche.core.files.CsvRows} streams a CSV file row by row ({@link org.demarche.core.files.CsvRow}),
 *       every cell with its line and column (signatory, supporter and directory lists);
 *   <li>{@link org.demarche.core.files.FrontMatter} splits a text file into its YAML front matter, read by
 *       {@code LocatedTree}, and its body (translations).
 *   <li>{@link org.demarche.core.files.FileScope} is the one check for every file a campaign names: inside its
 *       folder (or one the operator allowed) once links are resolved, and a regular file, decided before any open;
 *   <li>{@link org.demarche.core.files.Utf8Input} checks UTF-8 byte by byte, so a bad byte is reported at its own
 *       line and a UTF-16 file by name.
 * </ul>
 *
 * <p>{@link org.demarche.core.files.AtomicFiles} is the one way to write an output file. Plugins and
 * features that read or write their own files use these too.
 */
package org.demarche.core.files;
