package org.demarche.core.files;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * The one set of limits for every file the project reads: campaigns, translations, directory files,
 * signatory and supporter lists. A hostile file is refused with a located problem before it can make
 * a reader hold much memory or time.
 *
 * <p>Why these values: the largest legitimate file read whole is the bundled worldwide directory
 * (about 150 KB), so {@link #MAX_FILE_BYTES} of 4 MiB leaves a wide margin while keeping the YAML
 * reader's worst case inside the 48 MB heap that petition-core's {@code BoundedMemoryTest} allows (the
 * directory reader used to allow 16 MiB; nothing needed it). The longest legitimate value is a letter
 * body written inline or a note in a signatory list, a few thousand characters: {@link #MAX_STRING_CHARS}
 * of 100,000 (the directory reader's old value; the campaign reader allowed 1,000,000) is about 25 pages.
 * The hostile-input tests of petition-core ({@code hostile/}) and contacts-directory
 * ({@code HostileDirectoryFilesTest}) pass with every one of them. CSV lists stream, so they have no
 * file limit, only per-cell and per-row ones.
 */
public final class ReadLimits {
  /** The largest file read whole into memory (YAML, JSON, a translation, a directory CSV), in bytes. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
  /** The longest string value, key excepted, or CSV cell, in characters. */
  public static final int MAX_STRING_CHARS = 100_000;
  /** The longest key of a YAML or JSON object, in characters. */
  public static final int MAX_KEY_CHARS = 1_000;
  /** The longest number as written, in characters. */
  public static final int MAX_NUMBER_CHARS = 100;
  /** How deep sections and lists may nest. */
  public static final int MAX_NESTING = 64;
  /** How many YAML aliases may point at a collection (against "billion laughs"). */
  public static final int MAX_ALIASES = 20;
  /** The most cells in one CSV row. */
  public static final int MAX_CSV_CELLS = 1_000;

  private ReadLimits() {}

  /** Jackson's form of these limits; {@code wholeFile} adds the file limit (CSV streams without it). */
  static StreamReadConstraints constraints(boolean wholeFile) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING)
        .maxStringLength(MAX_STRING_CHARS)
        .maxNumberLength(MAX_NUMBER_CHARS)
        .maxNameLength(MAX_KEY_CHARS)
        .maxDocumentLength(wholeFile ? MAX_FILE_BYTES : -1)
        .build();
  }

  /**
   * A problem at {@code displayName}:1:1 when {@code path} is larger than {@link #MAX_FILE_BYTES}, for
   * a reader about to hold the whole file.
   */
  public static Optional<Problem> tooLarge(Path path, String displayName) throws IOException {
    if (Files.size(path) <= MAX_FILE_BYTES) {
      return Optional.empty();
    }
    return Optional.of(new Problem(new Location(displayName, 1, 1), "",
        "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB"));
  }
}
