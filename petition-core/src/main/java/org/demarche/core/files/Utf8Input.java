package org.demarche.core.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * An input stream that lets through only UTF-8, checked byte by byte as it passes, so that the first byte
 * that is not UTF-8 is reported at its own line and column (a decoder reading ahead reports where its
 * reader happens to stand, many lines early). A file that starts as UTF-16 or UTF-32 is named as such.
 */
public final class Utf8Input extends FilterInputStream {
  private final String file;
  private int line = 1;
  private int column = 1;
  /** Continuation bytes still expected, and the allowed range of the next one (for overlong and surrogate forms). */
  private int pending;
  private int nextMin = 0x80;
  private int nextMax = 0xBF;
  /** The first byte of the character being read: what is reported when its sequence breaks. */
  private int lead;
  private final byte[] start = new byte[4];
  private int started;

  /**
   * Reads a whole file (at most {@link ReadLimits#MAX_FILE_BYTES}) as UTF-8 text, without its byte-order
   * mark if it has one; a file too large, unreadable or not UTF-8 adds a problem and gives an empty result.
   */
  public static java.util.Optional<String> readText(java.nio.file.Path path, String file,
      java.util.List<Problem> problems) {
    try {
      java.util.Optional<Problem> tooLarge = ReadLimits.tooLarge(path, file);
      if (tooLarge.isPresent()) {
        problems.add(tooLarge.get());
        return java.util.Optional.empty();
      }
      byte[] bytes = java.nio.file.Files.readAllBytes(path);
      int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
          && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
      try (Utf8Input in = new Utf8Input(new java.io.ByteArrayInputStream(bytes, skip, bytes.length - skip), file)) {
        in.readAllBytes();
        in.finish();
      }
      return java.util.Optional.of(new String(bytes, skip, bytes.length - skip, java.nio.charset.StandardCharsets.UTF_8));
    } catch (NotUtf8 e) {
      problems.add(e.problem());
    } catch (IOException e) {
      problems.add(new Problem(new Location(file, 1, 1), "", "cannot read the file: " + e.getMessage()));
    }
    return java.util.Optional.empty();
  }

  /** {@code in} (positioned after any UTF-8 byte-order mark), named {@code file} in problems. */
  public Utf8Input(InputStream in, String file) {
    super(in);
    this.file = file;
  }

  /** Text that is not UTF-8, with where. */
  public static final class NotUtf8 extends IOException {
    private final transient Problem problem;

    NotUtf8(Problem problem) {
      super(problem.toString(), null);
      this.problem = problem;
    }

    /** The problem, located at the offending byte. */
    public Problem problem() {
      return problem;
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    for (int i = 0; i < n; i++) {
      check(b[off + i] & 0xFF);
    }
    return n;
  }

  @Override
  public int read(byte[] b) throws IOException {
    return read(b, 0, b.length);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Names a file that starts as UTF-16, whose first two bytes tell it. */
  private void atStart(int b) throws NotUtf8 {
    if (started < start.length) {
      start[started++] = (byte) b;
      if (started == 1 && (b == 0xFE || b == 0xFF)) {
        // Never UTF-8, and the first byte of a UTF-16 or UTF-32 byte-order mark.
        throw refused(1, 1, "the file is UTF-16 (a byte-order mark): save it as UTF-8");
      }
      if (started == 2) {
        int b0 = start[0] & 0xFF;
        int b1 = start[1] & 0xFF;
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
          throw refused(1, 1, "the file is UTF-16 (a byte-order mark): save it as UTF-8");
        }
        if ((b0 == 0) != (b1 == 0)) {
          throw refused(1, 1, "the file looks like UTF-16 (every other byte is zero): save it as UTF-8");
        }
      }
    }
  }

  private void check(int b) throws NotUtf8 {
    atStart(b);
    if (pending > 0) {
      if (b < nextMin || b > nextMax) {
        throw bad(lead);
      }
      nextMin = 0x80;
      nextMax = 0xBF;
      if (--pending == 0) {
        column++;
      }
      return;
    }
    if (b < 0x80) {
      if (b == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      return;
    }
    lead = b;
    if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
      nextMin = b == 0xE0 ? 0xA0 : 0x80;
      nextMax = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
      nextMin = b == 0xF0 ? 0x90 : 0x80;
      nextMax = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw bad(b);
    }
  }

  /** Throws when the input ended inside a character; call after the last read. */
  public void finish() throws NotUtf8 {
    if (pending > 0) {
      throw refused(line, column, "the file ends inside a character: it is not UTF-8 text; save it as UTF-8");
    }
  }

  private NotUtf8 bad(int b) {
    return refused(line, column, String.format(Locale.ROOT, "the byte 0x%02X (the file may be in another encoding,"
        + " such as Shift_JIS or Windows-1252) is not UTF-8 text: save the file as UTF-8", b));
  }

  private NotUtf8 refused(int l, int c, String message) {
    return new NotUtf8(new Problem(new Location(file, l, c), "", message));
  }
}
