package org.demarche.core.internal;

import org.demarche.core.files.FieldReader;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.Values;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.Duplicate;
import org.demarche.core.signatories.ImportReport;
import org.demarche.core.signatories.ListCommitment;
import org.demarche.core.signatories.SaltKey;
import org.demarche.core.signatories.SignatoryTally;

/**
 * Signatory lists: a CSV file with a header row (UTF-8, with or without BOM; quoted fields may hold
 * commas and newlines), a JSON list, or a list inline in the campaign. The columns are name (required),
 * kind (person or organization), organization, city, country, email, signedAt, disclosure; any other
 * column is kept as an extra field for the NGO. A file is checked whole when opened, every bad row
 * reported with its line and column, duplicates found and the list counted; then it is streamed from disk
 * each time it is read. A list from a file is committed with the salts file beside it
 * ({@link SaltKey#fileBeside}), created on first use.
 */
public final class SignatoryFiles {
  static final List<String> COLUMNS = List.of("name", "kind", "organization", "city", "country", "email", "signedAt",
      "disclosure");
  static final Set<String> KNOWN = Set.copyOf(COLUMNS);
  private static final int NAME = 0;
  private static final int KIND = 1;
  private static final int ORGANIZATION = 2;
  private static final int CITY = 3;
  private static final int COUNTRY = 4;
  private static final int EMAIL = 5;
  private static final int SIGNED_AT = 6;
  private static final int DISCLOSURE = 7;

  private SignatoryFiles() {}

  /** A list read from a file and what the import found. */
  public record Loaded(CommittedSignatories signatories, ImportReport report) {}

  /** Opens a CSV or JSON list, checking every row; throws with every problem found. */
  public static Signatories open(Path path, String display, Disclosure cap) {
    return read(path, display, cap, false).signatories();
  }

  /**
   * Reads a CSV or JSON list, checking every row. With {@code skipBadRows} false any bad row throws
   * (every problem listed); with it true bad rows are left out and counted. Structural problems (no
   * header, no name column, not a JSON list) always throw.
   */
  public static Loaded read(Path path, String display, Disclosure cap, boolean skipBadRows) {
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return json(path, display, cap, skipBadRows);
    }
    CsvSignatories csv = new CsvSignatories(path, display, cap, skipBadRows);
    ImportReport report = csv.check();
    return new Loaded(csv, report);
  }

  private static Loaded json(Path path, String display, Disclosure cap, boolean skipBadRows) {
    List<Problem> problems = new ArrayList<>();
    Optional<LocatedTree> tree = LocatedTree.read(path, display, problems);
    if (tree.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (!tree.get().root().isArray()) {
      throw new InvalidInputException(new Problem(tree.get().at(""), "", "a signatory file must be a JSON list of objects"));
    }
    FieldReader r = new FieldReader(tree.get(), problems);
    JsonNode list = tree.get().root();
    List<Signatory> out = new ArrayList<>();
    Duplicates dups = new Duplicates(display);
    SignatoryTally.Counter counter = new SignatoryTally.Counter();
    long skipped = 0;
    for (int i = 0; i < list.size(); i++) {
      Optional<Signatory> s = fromNode(r, "[" + i + "]", list.get(i), cap);
      if (s.isEmpty()) {
        skipped++;
        continue;
      }
      out.add(s.get());
      counter.add(s.get());
      Location at = r.at("[" + i + "]");
      dups.add(s.get(), at.line(), at.column(), at.column());
    }
    if (!problems.isEmpty() && !skipBadRows) {
      throw new InvalidInputException(problems);
    }
    SignatoryTally tally = counter.tally();
    Path salts = SaltKey.fileBeside(path);
    CommittedSignatories committed = CommittedSignatories.of(Signatories.of(out), () -> SaltKey.readOrCreate(salts));
    return new Loaded(committed, new ImportReport(display, list.size(), out.size(), skipped, problems, dups.listed,
        dups.count, tally));
  }

  /** Signatories written inline in the campaign file. */
  static Optional<Signatories> inline(FieldReader r, String path, Disclosure cap) {
    JsonNode list = r.node(path).orElseThrow();
    List<Signatory> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      Optional<Signatory> s = fromNode(r, path + "[" + i + "]", list.get(i), cap);
      ok &= s.isPresent();
      s.ifPresent(out::add);
    }
    return ok ? Optional.of(Signatories.of(out)) : Optional.empty();
  }

  private static Optional<Signatory> fromNode(FieldReader r, String p, JsonNode n, Disclosure cap) {
    if (!n.isObject()) {
      r.problem(p, "must be a section with name, kind, city, ... fields");
      return Optional.empty();
    }
    String[] cells = new String[COLUMNS.size()];
    Map<String, String> extra = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> {
      String key = e.getKey().strip();
      String value = e.getValue().isNull() ? "" : e.getValue().asText().strip();
      int k = COLUMNS.indexOf(key);
      if (k >= 0) {
        cells[k] = value;
      } else if (!value.isEmpty() && !key.isEmpty()) {
        extra.put(key, value);
      }
    });
    List<String[]> errors = new ArrayList<>();
    Optional<Signatory> s = parse(cells, extra, cap, (field, message) -> errors.add(new String[] {field, message}));
    for (String[] e : errors) {
      r.problem(p + "." + COLUMNS.get(Integer.parseInt(e[0])), e[1]);
    }
    return s;
  }

  interface Errors {
    /** A bad field: its index in {@link #COLUMNS} as text, and the message. */
    void add(String field, String message);
  }

  /**
   * One row to a signatory; each bad field reported. {@code cells} holds the known columns in the order of
   * {@link #COLUMNS} (null or blank counts as absent).
   */
  static Optional<Signatory> parse(String[] cells, Map<String, String> extra, Disclosure cap, Errors errors) {
    boolean bad = false;
    String name = cell(cells, NAME);
    if (name.isEmpty()) {
      errors.add("0", "is missing: every signatory needs a name");
      bad = true;
    } else if (Values.firstLineBreakOrControl(name) >= 0) {
      errors.add("0", "must be one line without control characters");
      bad = true;
    }
    Signatory.Kind kind = Signatory.Kind.PERSON;
    String k = cell(cells, KIND);
    if (!k.isEmpty()) {
      k = k.toLowerCase(Locale.ROOT);
      if (k.equals("organization") || k.equals("organisation") || k.equals("org")) {
        kind = Signatory.Kind.ORGANIZATION;
      } else if (!k.equals("person") && !k.equals("individual")) {
        errors.add("1", "must be person or organization, not '" + k + "'");
        bad = true;
      }
    }
    Optional<String> country = Optional.empty();
    String c = cell(cells, COUNTRY);
    if (!c.isEmpty()) {
      String upper = c.toUpperCase(Locale.ROOT);
      if (upper.length() == 2 && org.demarche.core.model.Countries.isKnown(upper)) {
        country = Optional.of(upper);
      } else {
        errors.add("4", "must be an ISO 3166-1 alpha-2 code such as JP, not '" + c + "'");
        bad = true;
      }
    }
    Optional<String> email = Optional.empty();
    String e = cell(cells, EMAIL);
    if (!e.isEmpty()) {
      if (plausibleEmail(e)) {
        email = Optional.of(e);
      } else {
        errors.add("5", "must be an email address such as name@example.org, not '" + e + "'");
        bad = true;
      }
    }
    Optional<Instant> signedAt = Optional.empty();
    String at = cell(cells, SIGNED_AT);
    if (!at.isEmpty()) {
      try {
        signedAt = Optional.of(at.length() == 10 ? LocalDate.parse(at).atStartOfDay().toInstant(ZoneOffset.UTC)
            : Instant.parse(at));
      } catch (java.time.format.DateTimeParseException ex) {
        errors.add("6", "must be a date (2026-09-01) or an instant (2026-09-01T10:00:00Z), not '" + at + "'");
        bad = true;
      }
    }
    Disclosure disclosure = kind == Signatory.Kind.ORGANIZATION ? Disclosure.FULL : Disclosure.COUNTED_ONLY;
    String d = cell(cells, DISCLOSURE);
    if (!d.isEmpty()) {
      try {
        disclosure = CampaignLoader.disclosure(d);
      } catch (IllegalArgumentException ex) {
        errors.add("7", ex.getMessage());
        bad = true;
      }
    }
    for (int field : new int[] {ORGANIZATION, CITY}) {
      if (Values.firstLineBreakOrControl(cell(cells, field)) >= 0) {
        errors.add(Integer.toString(field), "must be one line without control characters");
        bad = true;
      }
    }
    if (bad) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Signatory(kind, name, opt(cells, ORGANIZATION), opt(cells, CITY), country, email, signedAt,
          disclosure.cappedAt(cap), extra.isEmpty() ? Map.of() : extra));
    } catch (IllegalArgumentException ex) {
      // The model's own checks are stricter in a few corners (an email the quick check let through).
      String m = String.valueOf(ex.getMessage());
      errors.add(m.startsWith("email") ? "5" : m.startsWith("country") ? "4" : "0", m);
      return Optional.empty();
    }
  }

  /** A quick email check without a regular expression; the model's check runs after it. */
  static boolean plausibleEmail(String e) {
    int at = e.indexOf('@');
    if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1) {
      return false;
    }
    int dot = e.indexOf('.', at);
    if (dot < 0 || dot == at + 1 || e.endsWith(".")) {
      return false;
    }
    for (int i = 0; i < e.length(); i++) {
      char ch = e.charAt(i);
      if (ch <= ' ' || ch == '"' || ch == '<' || ch == '>' || ch == '(' || ch == ')' || ch == ',' || ch == ';'
          || ch == ':' || ch == '\\' || ch == '[' || ch == ']' || Character.isWhitespace(ch)) {
        return false;
      }
    }
    return true;
  }

  private static String cell(String[] cells, int i) {
    String v = cells[i];
    return v == null ? "" : v;
  }

  private static Optional<String> opt(String[] cells, int i) {
    String s = cell(cells, i);
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** Finds rows that repeat an earlier row's email, or its name and city when there is no email. */
  static final class Duplicates {
    private final String display;
    final List<Duplicate> listed = new ArrayList<>();
    long count;
    // Open addressing on 128 bits of two independent hashes of the normalized key; line of the first row.
    private long[] h1 = new long[1 << 12];
    private long[] h2 = new long[1 << 12];
    private int[] lines = new int[1 << 12];
    private int[] columns = new int[1 << 12];
    private int size;

    Duplicates(String display) {
      this.display = display;
    }

    void add(Signatory s, int line, int emailColumn, int nameColumn) {
      Duplicate.Rule rule;
      String key;
      int column;
      if (s.email().isPresent()) {
        rule = Duplicate.Rule.EMAIL;
        key = "e" + s.email().get().strip().toLowerCase(Locale.ROOT);
        column = emailColumn;
      } else {
        rule = Duplicate.Rule.NAME_AND_CITY;
        key = "n" + normalize(s.name()) + "\u0000" + s.city().map(Duplicates::normalize).orElse("");
        column = nameColumn;
      }
      long a = fnv(key);
      long b = mix(key);
      if (size * 2 >= h1.length) {
        grow();
      }
      int mask = h1.length - 1;
      int i = (int) (a ^ (a >>> 32)) & mask;
      while (lines[i] != 0) {
        if (h1[i] == a && h2[i] == b) {
          count++;
          if (listed.size() < ImportReport.MAX_LISTED) {
            listed.add(new Duplicate(new Location(display, line, column), new Location(display, lines[i], columns[i]), rule));
          }
          return;
        }
        i = (i + 1) & mask;
      }
      h1[i] = a;
      h2[i] = b;
      lines[i] = Math.max(1, line);
      columns[i] = column;
      size++;
    }

    private void grow() {
      long[] o1 = h1;
      long[] o2 = h2;
      int[] ol = lines;
      int[] oc = columns;
      int n = o1.length * 2;
      h1 = new long[n];
      h2 = new long[n];
      lines = new int[n];
      columns = new int[n];
      for (int j = 0; j < o1.length; j++) {
        if (ol[j] != 0) {
          int i = (int) (o1[j] ^ (o1[j] >>> 32)) & (n - 1);
          while (lines[i] != 0) {
            i = (i + 1) & (n - 1);
          }
          h1[i] = o1[j];
          h2[i] = o2[j];
          lines[i] = ol[j];
          columns[i] = oc[j];
        }
      }
    }

    static String normalize(String s) {
      String n = Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
      StringBuilder out = new StringBuilder(n.length());
      boolean space = false;
      for (int i = 0; i < n.length(); i++) {
        char c = n.charAt(i);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          space = out.length() > 0;
        } else {
          if (space) {
            out.append(' ');
            space = false;
          }
          out.append(c);
        }
      }
      return out.toString().toLowerCase(Locale.ROOT);
    }

    private static long fnv(String s) {
      long h = 0xcbf29ce484222325L;
      for (int i = 0; i < s.length(); i++) {
        h ^= s.charAt(i);
        h *= 0x100000001b3L;
      }
      return h;
    }

    private static long mix(String s) {
      long h = 0x9E3779B97F4A7C15L;
      for (int i = 0; i < s.length(); i++) {
        h = (h + s.charAt(i)) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
      }
      h ^= h >>> 32;
      h *= 0x94D049BB133111EBL;
      return h ^ (h >>> 31);
    }
  }

  /** A CSV list read from disk on every stream. */
  private static final class CsvSignatories implements CommittedSignatories {
    private final Path path;
    private final String display;
    private final Disclosure cap;
    private final boolean skipBadRows;
    private long count = -1;
    private SignatoryTally tally;
    private ListCommitment commitment;

    CsvSignatories(Path path, String display, Disclosure cap, boolean skipBadRows) {
      this.path = path;
      this.display = display;
      this.cap = cap;
      this.skipBadRows = skipBadRows;
    }

    ImportReport check() {
      List<Problem> problems = new ArrayList<>();
      long[] unlisted = {0};
      java.util.function.Consumer<Problem> add = p -> {
        // Keep checking every row past the listing limit, without holding a million problems.
        if (problems.size() < ImportReport.MAX_LISTED) {
          problems.add(p);
        } else {
          unlisted[0]++;
        }
      };
      long n = 0;
      long rows = 0;
      long badRows = 0;
      Duplicates dups = new Duplicates(display);
      SignatoryTally.Counter counter = new SignatoryTally.Counter();
      try (Rows in = new Rows(path)) {
        Optional<Problem> header = in.header(display);
        if (header.isPresent()) {
          throw new InvalidInputException(header.get());
        }
        int nameColumn = in.columnOf(NAME);
        int emailColumn = in.columnOf(EMAIL);
        while (in.next()) {
          rows++;
          if (in.error != null) {
            problems.add(new Problem(new Location(display, in.line, 0), "", in.error));
            badRows++;
            break;
          }
          long before = problems.size() + unlisted[0];
          if (in.width != in.header.length) {
            String what = in.width > in.header.length
                ? "has " + in.width + " cells but the header names " + in.header.length + " columns; quote a value"
                    + " that holds a comma"
                : "has " + in.width + " cells but the header names " + in.header.length + " columns";
            add.accept(new Problem(new Location(display, in.line, Math.min(in.width, in.header.length) + 1), "", what));
          }
          Optional<Signatory> s = in.width > in.header.length ? Optional.empty() : parse(in.known(), in.extra(), cap,
              (field, message) -> {
                int f = Integer.parseInt(field);
                add.accept(new Problem(new Location(display, in.line, in.columnOf(f)), COLUMNS.get(f), message));
              });
          if (s.isPresent() && problems.size() + unlisted[0] == before) {
            n++;
            counter.add(s.get());
            dups.add(s.get(), in.line, emailColumn, nameColumn);
          } else {
            badRows++;
          }
        }
      } catch (InvalidInputException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        String why = String.valueOf(e.getMessage());
        problems.add(new Problem(new Location(display, 1, 1), "", "cannot read the file: "
            + why.lines().findFirst().orElse(why)));
        badRows++;
      }
      if (unlisted[0] > 0) {
        problems.add(new Problem(new Location(display, 0, 0), "", "and " + unlisted[0] + " more problems not listed"));
      }
      if (!problems.isEmpty() && !skipBadRows) {
        throw new InvalidInputException(problems);
      }
      count = n;
      tally = counter.tally();
      return new ImportReport(display, rows, n, badRows, problems, dups.listed, dups.count, tally);
    }

    @Override
    public Stream<Signatory> stream() {
      Rows rows;
      try {
        rows = new Rows(path);
        if (rows.header(display).isPresent()) {
          rows.close();
          throw new IllegalStateException(display + " changed since it was checked: its header is no longer valid");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + display + ": " + e.getMessage(), e);
      }
      Iterator<Signatory> it = new Iterator<>() {
        Signatory next = advance();

        private Signatory advance() {
          while (rows.next()) {
            if (rows.error != null) {
              return null;
            }
            if (rows.width != rows.header.length) {
              continue;
            }
            Optional<Signatory> s = parse(rows.known(), rows.extra(), cap, (f, m) -> {});
            if (s.isPresent()) {
              return s.get();
            }
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
      };
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
          .onClose(rows::close);
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
    public ListCommitment issueReceipts(java.util.function.Consumer<org.demarche.core.signatories.InclusionReceipt> each) {
      return ListCommitment.issueReceipts(this, SaltKey.readOrCreate(SaltKey.fileBeside(path)), each);
    }

    @Override
    public synchronized ListCommitment commitment() {
      if (commitment == null) {
        commitment = ListCommitment.compute(this, SaltKey.readOrCreate(SaltKey.fileBeside(path)));
      }
      return commitment;
    }

    @Override
    public String toString() {
      return count >= 0 ? count + " signatories from " + display : "signatories from " + display;
    }
  }

  /** The rows of a CSV file as arrays of cells, with the line each row starts on. */
  private static final class Rows implements AutoCloseable {
    private static final CsvFactory FACTORY = CsvFactory.builder()
        .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
        .build();
    private final CsvParser parser;
    String[] header = new String[0];
    private int[] known = new int[COLUMNS.size()];
    private final String[] cells;
    private String[] row = new String[16];
    int width;
    int line;
    String error;

    Rows(Path path) throws IOException {
      InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      in.mark(3);
      byte[] bom = in.readNBytes(3);
      if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
        in.reset();
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
      parser = FACTORY.createParser(reader);
      parser.setSchema(CsvSchema.emptySchema());
      cells = new String[COLUMNS.size()];
    }

    /** Reads the header row; a problem when there is none, or it lacks a name column, or names a column twice. */
    Optional<Problem> header(String display) throws IOException {
      String columns = "the first line names the columns: " + String.join(", ", COLUMNS);
      if (!next() || error != null) {
        return Optional.of(new Problem(new Location(display, 1, 1), "",
            error != null ? error : "the file has no header row; " + columns));
      }
      header = Arrays.copyOf(row, width);
      Arrays.fill(known, -1);
      for (int i = 0; i < header.length; i++) {
        String h = header[i] == null ? "" : header[i].strip();
        if (i == 0 && h.startsWith("\uFEFF")) {
          h = h.substring(1);
        }
        header[i] = h;
        int k = COLUMNS.indexOf(h);
        if (k >= 0) {
          if (known[k] >= 0) {
            return Optional.of(new Problem(new Location(display, 1, i + 1), h, "the header names the column '" + h
                + "' twice (columns " + (known[k] + 1) + " and " + (i + 1) + ")"));
          }
          known[k] = i;
        }
      }
      if (known[NAME] < 0) {
        return Optional.of(new Problem(new Location(display, 1, 1), "name", "the header row has no 'name' column; "
            + columns));
      }
      return Optional.empty();
    }

    int columnOf(int field) {
      return known[field] < 0 ? 0 : known[field] + 1;
    }

    String[] known() {
      for (int k = 0; k < cells.length; k++) {
        int i = known[k];
        cells[k] = i < 0 || i >= width ? null : strip(row[i]);
      }
      return cells;
    }

    Map<String, String> extra() {
      Map<String, String> out = null;
      for (int i = 0; i < width && i < header.length; i++) {
        if (!header[i].isEmpty() && !KNOWN.contains(header[i])) {
          String v = strip(row[i]);
          if (!v.isEmpty()) {
            if (out == null) {
              out = new LinkedHashMap<>();
            }
            out.put(header[i], v);
          }
        }
      }
      return out == null ? Map.of() : out;
    }

    private static String strip(String v) {
      if (v.isEmpty()) {
        return v;
      }
      char first = v.charAt(0);
      char last = v.charAt(v.length() - 1);
      return first > ' ' && last > ' ' && !Character.isWhitespace(first) && !Character.isWhitespace(last) ? v : v.strip();
    }

    /** Advances to the next row; false at the end. A row that is not valid CSV sets {@link #error}. */
    boolean next() {
      error = null;
      width = 0;
      try {
        JsonToken t = parser.nextToken();
        if (t == null) {
          return false;
        }
        // A row's array starts at the end of the line before it: the row's line is its first cell's.
        line = (int) parser.currentTokenLocation().getLineNr() + 1;
        if (t != JsonToken.START_ARRAY) {
          error = "not valid CSV near line " + line;
          return true;
        }
        while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
          if (width == 0) {
            line = (int) parser.currentTokenLocation().getLineNr();
          }
          if (width == row.length) {
            row = Arrays.copyOf(row, width * 2);
          }
          row[width++] = parser.getText();
        }
        if (width == 1 && row[0].isEmpty()) {
          width = 0;
        }
        return true;
      } catch (IOException | RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        line = Math.max(1, (int) parser.currentLocation().getLineNr());
        error = "not valid CSV: " + (nl > 0 ? msg.substring(0, nl) : msg);
        return true;
      }
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
}
