package org.demarche.core.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * A CSV file read row by row (RFC 4180: comma-separated, fields quoted with {@code "} may hold commas,
 * line breaks and doubled quotes), every cell with its line and column. It streams: one row is held at
 * a time, each cell within {@link ReadLimits#MAX_STRING_CHARS} and each row within
 * {@link ReadLimits#MAX_CSV_CELLS}, so a list of a million rows reads in bounded memory. Files are UTF-8,
 * with or without a byte-order mark; blank lines are skipped.
 *
 * <pre>{@code
 * try (CsvRows rows = CsvRows.open(path, "signatories.csv")) {
 *   for (Optional<CsvRow> row = rows.next(); row.isPresent(); row = rows.next()) { ... }
 * }
 * }</pre>
 *
 * <p>Content that is not valid CSV, breaks a limit or is not UTF-8 ends the reading with an
 * {@link InvalidInputException} holding one problem located where the reader stopped.
 */
public final class CsvRows implements AutoCloseable {
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .streamReadConstraints(ReadLimits.constraints(false))
      .build();

  private final CsvParser parser;
  private final String file;
  private String[] cells = new String[16];
  private int[] lines = new int[16];
  private int width;

  private CsvRows(Reader reader, String file) throws IOException {
    this.parser = FACTORY.createParser(reader);
    this.parser.setSchema(CsvSchema.emptySchema());
    this.file = file;
  }

  /** Opens {@code path}, naming it {@code displayName} in locations. */
  public static CsvRows open(Path path, String displayName) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    try {
      skipByteOrderMark(in);
      // Checked byte by byte before decoding, so that a bad byte is reported at its own line; the strict
      // decoder behind it then never meets one.
      return new CsvRows(new InputStreamReader(new Utf8Input(in, displayName), StandardCharsets.UTF_8.newDecoder()),
          displayName);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads CSV text from {@code reader} (a byte-order mark, if any, already removed). */
  public static CsvRows of(Reader reader, String displayName) throws IOException {
    return new CsvRows(reader, displayName);
  }

  private static void skipByteOrderMark(InputStream in) throws IOException {
    in.mark(3);
    byte[] bom = in.readNBytes(3);
    if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
      in.reset();
    }
  }

  /** The file's name as given to {@link #open}. */
  public String file() {
    return file;
  }

  /**
   * The next row, or empty at the end of the file.
   *
   * @throws InvalidInputException when the rest of the file is not valid CSV, breaks a limit or is not UTF-8
   * @throws UncheckedIOException when the file cannot be read
   */
  public Optional<CsvRow> next() {
    try {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return Optional.empty();
      }
      width = 0;
      if (t != JsonToken.START_ARRAY) {
        throw refused("not valid CSV: unexpected " + t);
      }
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        if (width == ReadLimits.MAX_CSV_CELLS) {
          throw refused("a row has more than " + ReadLimits.MAX_CSV_CELLS + " cells");
        }
        if (width == cells.length) {
          cells = Arrays.copyOf(cells, width * 2);
          lines = Arrays.copyOf(lines, width * 2);
        }
        lines[width] = Math.max(1, parser.currentTokenLocation().getLineNr());
        cells[width++] = parser.getText();
      }
      return Optional.of(new CsvRow(file, Arrays.copyOf(cells, width), Arrays.copyOf(lines, width)));
    } catch (StreamConstraintsException e) {
      throw refused("a cell is longer than " + ReadLimits.MAX_STRING_CHARS + " characters");
    } catch (JsonProcessingException e) {
      String message = String.valueOf(e.getOriginalMessage());
      int nl = message.indexOf('\n');
      throw refused("not valid CSV: " + (nl > 0 ? message.substring(0, nl) : message));
    } catch (Utf8Input.NotUtf8 e) {
      throw new InvalidInputException(e.problem());
    } catch (CharacterCodingException e) {
      throw refused("not UTF-8 text: save the file as UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A problem where the reader stopped: its line, and the cell it was reading as the column. */
  private InvalidInputException refused(String message) {
    JsonLocation l = parser.currentLocation();
    return new InvalidInputException(new Problem(new Location(file, Math.max(1, l.getLineNr()), width + 1), "",
        message));
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
