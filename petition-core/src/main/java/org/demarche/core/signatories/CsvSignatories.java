package org.demarche.core.signatories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.demarche.core.files.CsvRow;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Signatory;

/**
 * A CSV signatory list: checked whole once ({@link #check}), then read from disk on every stream, so a
 * million rows need not sit in memory. Committed with the salts file beside it.
 *
 * <p>The one pass of the check also does the work that would otherwise read the file again: it hashes each
 * good row's commitment leaf ({@link LeafList}; with the salts file's key, or with a new key that is written
 * to the salts file only when the commitment is first asked for) and keeps what an annex shows of each row
 * ({@link ShownRows}).
 */
final class CsvSignatories implements CommittedSignatories {
  private final Path path;
  private final Path salts;
  private final String display;
  private final Disclosure cap;
  private final boolean skipBadRows;
  private long count = -1;
  private SignatoryTally tally;
  private ListCommitment commitment;
  /** The leaves hashed by the check, until the commitment is computed from them; null if not kept. */
  private LeafList leaves;
  private ShownRows shown;

  CsvSignatories(Path path, Path salts, String display, Disclosure cap, boolean skipBadRows) {
    this.path = path;
    this.salts = salts;
    this.display = display;
    this.cap = cap;
    this.skipBadRows = skipBadRows;
  }

  /**
   * Reads every row, counting, tallying and finding duplicates.
   *
   * @throws InvalidInputException for a bad header, or for any bad row unless bad rows are skipped
   */
  ImportReport check() {
    Checking c = new Checking(display, leavesFor(salts), shownRows());
    try (SignatoryCsv in = SignatoryCsv.open(path, display)) {
      readRows(in, c);
      c.finish();
    } catch (IOException | UncheckedIOException e) {
      c.abandon();
      String why = String.valueOf(e.getMessage());
      c.problems.add(new Problem(new Location(display, 1, 1), "", "cannot read the file: "
          + why.lines().findFirst().orElse(why)));
      c.badRows++;
    }
    if (c.unlisted > 0) {
      c.problems.add(new Problem(new Location(display, 0, 0), "", "and " + c.unlisted + " more problems not listed"));
    }
    if (!c.problems.isEmpty() && !skipBadRows) {
      c.abandon();
      throw new InvalidInputException(c.problems);
    }
    leaves = c.leaves;
    shown = c.shown;
    if (shown != null) {
      shown.deleteWhenUnreachable(this);
    }
    count = c.imported;
    tally = c.counter.tally();
    return new ImportReport(display, c.rows, c.imported, c.badRows, c.problems, c.dups.listed(), c.dups.count(), tally);
  }

  private void readRows(SignatoryCsv in, Checking c) {
    while (true) {
      Optional<CsvRow> row;
      try {
        row = in.next();
      } catch (InvalidInputException e) {
        // Not valid CSV from here on: the rows before stand, the rest cannot be read.
        c.rows++;
        c.badRows++;
        c.problems.addAll(e.problems());
        return;
      }
      if (row.isEmpty()) {
        return;
      }
      c.rows++;
      checkRow(in, row.get(), c);
    }
  }

  private void checkRow(SignatoryCsv in, CsvRow row, Checking c) {
    long before = c.problems.size() + c.unlisted;
    int width = SignatoryCsv.width(row);
    if (width != in.columns()) {
      String what = "has " + width + " cells but the header names " + in.columns() + " columns"
          + (width > in.columns() ? "; quote a value that holds a comma" : "");
      c.add(new Problem(new Location(display, row.line(), Math.min(width, in.columns()) + 1), "", what));
    }
    Optional<Signatory> s = width > in.columns() ? Optional.empty() : SignatoryFields.parse(in.known(row),
        in.extra(row), cap, (field, message) -> c.add(new Problem(in.at(row, field), SignatoryFields.COLUMNS.get(field),
            message)));
    if (s.isPresent() && c.problems.size() + c.unlisted == before) {
      c.keep(s.get());
      c.counter.add(s.get());
      c.dups.add(s.get(), row.line(), in.columnOf(SignatoryFields.EMAIL), in.columnOf(SignatoryFields.NAME));
    } else {
      c.badRows++;
    }
  }

  /**
   * The leaves of this list, salted with the salts file's key, or with a new key kept in memory until the
   * commitment is needed (reading a list writes no file). Null when the salts file cannot be read: the
   * commitment then reads the list again and reports the damaged file.
   */
  private static LeafList leavesFor(Path salts) {
    try {
      return new LeafList(java.nio.file.Files.exists(salts) ? SaltKey.read(salts) : SaltKey.generate());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A new file of what the annex shows, or null (the annex then reads the list again) when none can be made. */
  private static ShownRows.Writer shownRows() {
    try {
      return new ShownRows.Writer();
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  /** What one check of the file has found so far. */
  private static final class Checking {
    final List<Problem> problems = new ArrayList<>();
    final DuplicateFinder dups;
    final SignatoryTally.Counter counter = new SignatoryTally.Counter();
    final Canonical.Buffer canonical = new Canonical.Buffer();
    LeafList leaves;
    ShownRows.Writer writer;
    ShownRows shown;
    long unlisted;
    long rows;
    long imported;
    long badRows;

    Checking(String display, LeafList leaves, ShownRows.Writer writer) {
      dups = new DuplicateFinder(display);
      this.leaves = leaves;
      this.writer = writer;
    }

    /** A good row: counted, its leaf hashed and what it shows kept, in the same pass. */
    void keep(Signatory s) {
      imported++;
      if (leaves != null) {
        int length = canonical.encode(s);
        leaves.add(canonical.bytes(), length);
      }
      if (writer != null) {
        try {
          writer.add(s);
        } catch (IOException e) {
          // A full temporary disk costs speed only: the annex reads the list again.
          writer.delete();
          writer = null;
        }
      }
    }

    void finish() {
      if (writer != null) {
        try {
          shown = writer.finish();
        } catch (IOException e) {
          writer.delete();
        }
        writer = null;
      }
    }

    /** The file was refused: nothing of it is kept. */
    void abandon() {
      leaves = null;
      if (writer != null) {
        writer.delete();
        writer = null;
      }
      shown = null;
    }

    /** Keeps checking every row past the listing limit, without holding a million problems. */
    void add(Problem p) {
      if (problems.size() < ImportReport.MAX_LISTED) {
        problems.add(p);
      } else {
        unlisted++;
      }
    }
  }

  @Override
  public Stream<Signatory> stream() {
    SignatoryCsv rows;
    try {
      rows = SignatoryCsv.open(path, display);
    } catch (InvalidInputException e) {
      throw new IllegalStateException(display + " changed since it was checked: its header is no longer valid", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + display + ": " + e.getMessage(), e);
    }
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Rows(rows),
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(rows::close);
  }

  /** The good rows of the file as signatories; a row that is not valid CSV ends the list. */
  private final class Rows implements Iterator<Signatory> {
    private final SignatoryCsv in;
    private Signatory next;

    Rows(SignatoryCsv in) {
      this.in = in;
      this.next = advance();
    }

    private Signatory advance() {
      try {
        for (Optional<CsvRow> row = in.next(); row.isPresent(); row = in.next()) {
          if (SignatoryCsv.width(row.get()) == in.columns()) {
            Optional<Signatory> s = SignatoryFields.parse(in.known(row.get()), in.extra(row.get()), cap, (f, m) -> { });
            if (s.isPresent()) {
              return s.get();
            }
          }
        }
      } catch (InvalidInputException e) {
        // Reported by check(); the rows before it are the list.
      }
      return null;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Signatory next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Signatory s = next;
      next = advance();
      return s;
    }
  }

  @Override
  public long count() {
    return count >= 0 ? count : CommittedSignatories.super.count();
  }

  @Override
  public synchronized SignatoryTally tally() {
    if (tally == null) {
      tally = SignatoryTally.of(this, Disclosure.FULL);
    }
    return tally;
  }

  @Override
  public ListCommitment issueReceipts(Consumer<InclusionReceipt> each) {
    return ListCommitment.issueReceipts(this, SaltKey.readOrCreate(salts), each);
  }

  @Override
  public synchronized ListCommitment commitment() {
    if (commitment == null) {
      if (leaves != null) {
        SaltKey key = SaltKey.createWith(salts, leaves.key());
        // Another process may have written the salts file since the import: its key is the list's key.
        commitment = key.equals(leaves.key()) ? leaves.commitment() : ListCommitment.compute(this, key);
        leaves = null;
      } else {
        commitment = ListCommitment.compute(this, SaltKey.readOrCreate(salts));
      }
    }
    return commitment;
  }

  @Override
  public Stream<Optional<String>> displayed(Disclosure cap) {
    return shown != null ? shown.displayed(cap) : CommittedSignatories.super.displayed(cap);
  }

  @Override
  public String toString() {
    return count >= 0 ? count + " signatories from " + display : "signatories from " + display;
  }
}
