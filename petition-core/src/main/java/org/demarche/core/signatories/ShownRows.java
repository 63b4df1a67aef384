package org.demarche.core.signatories;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatory;

/**
 * What an annex may show of each imported row, kept by the import in a private temporary file so that the
 * annex does not parse and check the list again: per row its level, and only for a row that may be shown,
 * its kind, name, organization and city. A row only counted is one byte: its name never reaches the file.
 * The file is deleted when the list is no longer used (or when the JVM exits).
 */
final class ShownRows {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final Disclosure[] LEVELS = Disclosure.values();
  private final Path file;
  private final long rows;

  private ShownRows(Path file, long rows) {
    this.file = file;
    this.rows = rows;
  }

  /** Deletes the file once {@code owner} is unreachable. */
  void deleteWhenUnreachable(Object owner) {
    Path f = file;
    CLEANER.register(owner, () -> {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        // A temporary file; the JVM's exit hook tries again.
      }
    });
  }

  /** Writes the rows of one import, in list order. */
  static final class Writer implements AutoCloseable {
    private final Path file;
    private final DataOutputStream out;
    private long rows;

    Writer() throws IOException {
      // createTempFile makes the file readable by its owner only where the file system has permissions.
      file = Files.createTempFile("demarche-shown-", ".rows");
      file.toFile().deleteOnExit();
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    void add(Signatory s) throws IOException {
      rows++;
      out.writeByte(s.disclosure().ordinal());
      if (s.disclosure() == Disclosure.COUNTED_ONLY) {
        return;
      }
      out.writeBoolean(s.kind() == Signatory.Kind.ORGANIZATION);
      put(s.name());
      put(s.organization().orElse(null));
      put(s.city().orElse(null));
    }

    private void put(String value) throws IOException {
      if (value == null) {
        out.writeInt(-1);
        return;
      }
      byte[] b = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    /** Finishes the file; the rows can be read from the result. */
    ShownRows finish() throws IOException {
      out.close();
      return new ShownRows(file, rows);
    }

    /** Abandons the file (the import failed). */
    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        // Deleted below or at exit.
      }
    }

    void delete() {
      close();
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Left for the JVM's exit hook.
      }
    }
  }

  /** What a recipient may see of each row under {@code cap}, in list order, as {@link Signatory#displayed}. */
  Stream<Optional<String>> displayed(Disclosure cap) {
    DataInputStream in;
    try {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the imported signatories kept in " + file + ": " + e.getMessage(), e);
    }
    Iterator<Optional<String>> it = new Iterator<>() {
      private long read;

      @Override
      public boolean hasNext() {
        return read < rows;
      }

      @Override
      public Optional<String> next() {
        if (read >= rows) {
          throw new NoSuchElementException();
        }
        read++;
        try {
          return row(in, cap);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the imported signatories kept in " + file + ": "
              + e.getMessage(), e);
        }
      }
    };
    return StreamSupport.stream(Spliterators.spliterator(it, rows, Spliterator.ORDERED | Spliterator.NONNULL
        | Spliterator.SIZED), false).onClose(() -> {
          try {
            in.close();
          } catch (IOException e) {
            // Only read from.
          }
        });
  }

  private static Optional<String> row(DataInputStream in, Disclosure cap) throws IOException {
    Disclosure level = LEVELS[in.readUnsignedByte()];
    if (level == Disclosure.COUNTED_ONLY) {
      return Optional.empty();
    }
    boolean organization = in.readBoolean();
    String name = text(in);
    String org = text(in);
    String city = text(in);
    if (level.cappedAt(cap) == Disclosure.COUNTED_ONLY) {
      return Optional.empty();
    }
    // The one rule of what is shown stays in Signatory; the fields it checks were checked at import.
    return new Signatory(organization ? Signatory.Kind.ORGANIZATION : Signatory.Kind.PERSON, name,
        Optional.ofNullable(org), Optional.ofNullable(city), Optional.empty(), Optional.empty(), Optional.empty(),
        level, java.util.Map.of()).displayed(cap);
  }

  private static String text(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < 0) {
      return null;
    }
    byte[] b = new byte[len];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
