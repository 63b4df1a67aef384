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
 * Frozen copy of CsvSignatories and of ListCommitment's leaves as of cc4634f: the old path, where the
 * import, the commitment and the annex each read and check the CSV again. The baseline contender of
 * {@code EndToEndBenchmark} (render-pdf) only; never used by the library.
 *
 * <p>A CSV signatory list: checked whole once ({@link #check}), then read from disk on every stream, so a
 * million rows need not sit in memory. Committed with the salts file beside it.
 */
public final class LegacyCsvSignatories implements CommittedSignatories {
  private final Path path;
  private final Path salts;
  private final String display;
  private final Disclosure cap;
  private final boolean skipBadRows;
  private long count = -1;
  private SignatoryTally tally;
  private ListCommitment commitment;

  LegacyCsvSignatories(Path path, Path salts, String display, Disclosure cap, boolean skipBadRows) {
    this.path = path;
    this.salts = salts;
    this.display = display;
    this.cap = cap;
    this.skipBadRows = skipBadRows;
  }

  /** Imports {@code path} the old way (salts file beside it, no cap, bad rows refused). */
  public static LegacyCsvSignatories read(Path path) {
    LegacyCsvSignatories list = new LegacyCsvSignatories(path, SaltKey.fileBeside(path), path.toString(),
        Disclosure.FULL, false);
    list.check();
    return list;
  }

  /**
   * Reads every row, counting, tallying and finding duplicates.
   *
   * @throws InvalidInputException for a bad header, or for any bad row unless bad rows are skipped
   */
  ImportReport check() {
    Checking c = new Checking(display);
    try (SignatoryCsv in = SignatoryCsv.open(path, display)) {
      readRows(in, c);
    } catch (IOException | UncheckedIOException e) {
      String why = String.valueOf(e.getMessage());
      c.problems.add(new Problem(new Location(display, 1, 1), "", "cannot read the file: "
          + why.lines().findFirst().orElse(why)));
      c.badRows++;
    }
    if (c.unlisted > 0) {
      c.problems.add(new Problem(new Location(display, 0, 0), "", "and " + c.unlisted + " more problems not listed"));
    }
    if (!c.problems.isEmpty() && !skipBadRows) {
      throw new InvalidInputException(c.problems);
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
    Optional<Signatory> s = width > in.columns() ? Optional.empty() : LegacySignatoryFields.parse(in.known(row),
        in.extra(row), cap, (field, message) -> c.add(new Problem(in.at(row, field), SignatoryFields.COLUMNS.get(field),
            message)));
    if (s.isPresent() && c.problems.size() + c.unlisted == before) {
      c.imported++;
      c.counter.add(s.get());
      c.dups.add(s.get(), row.line(), in.columnOf(SignatoryFields.EMAIL), in.columnOf(SignatoryFields.NAME));
    } else {
      c.badRows++;
    }
  }

  /** What one check of the file has found so far. */
  private static final class Checking {
    final List<Problem> problems = new ArrayList<>();
    final DuplicateFinder dups;
    final SignatoryTally.Counter counter = new SignatoryTally.Counter();
    long unlisted;
    long rows;
    long imported;
    long badRows;

    Checking(String display) {
      dups = new DuplicateFinder(display);
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
            Optional<Signatory> s = LegacySignatoryFields.parse(in.known(row.get()), in.extra(row.get()), cap, (f, m) -> { });
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
      Leaves leaves = Leaves.of(this, SaltKey.readOrCreate(salts));
      java.security.MessageDigest md = Merkle.sha256();
      byte[] root = Merkle.root(md, leaves.sorted, leaves.sorted.length);
      commitment = new ListCommitment(leaves.sorted.length,
          java.util.HexFormat.of().formatHex(Merkle.commitment(md, leaves.sorted.length, root)));
    }
    return commitment;
  }

  private static final class Leaves {
    final byte[][] sorted;

    private Leaves(byte[][] sorted) {
      this.sorted = sorted;
    }

    static Leaves of(org.demarche.core.model.Signatories list, SaltKey key) {
      java.util.Objects.requireNonNull(list, "list");
      java.util.Objects.requireNonNull(key, "key");
      java.security.MessageDigest md = Merkle.sha256();
      SaltKey.Deriver salts = key.deriver();
      byte[][] leaves = new byte[1024][];
      int n = 0;
      try (Stream<Signatory> s = list.stream()) {
        java.util.Iterator<Signatory> it = s.iterator();
        while (it.hasNext()) {
          byte[] canonical = LegacyCanonical.encode(it.next());
          if (n == leaves.length) {
            if (n == Integer.MAX_VALUE - 8) {
              throw new IllegalStateException("a list commitment holds at most " + n + " signatories");
            }
            leaves = java.util.Arrays.copyOf(leaves, (int) Math.min(Integer.MAX_VALUE - 8L, n * 2L));
          }
          leaves[n] = Merkle.leaf(md, salts.salt(n, canonical), canonical);
          n++;
        }
      }
      byte[][] exact = n == leaves.length ? leaves : java.util.Arrays.copyOf(leaves, n);
      Merkle.sort(exact);
      return new Leaves(exact);
    }
  }


  @Override
  public String toString() {
    return count >= 0 ? count + " signatories from " + display : "signatories from " + display;
  }
}

