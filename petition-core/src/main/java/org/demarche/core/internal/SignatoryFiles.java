package org.demarche.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.demarche.core.Disclosure;
import org.demarche.core.InvalidInputException;
import org.demarche.core.Location;
import org.demarche.core.Problem;
import org.demarche.core.Signatories;
import org.demarche.core.Signatory;

/**
 * Signatory lists: a CSV file with a header row (UTF-8, with or without BOM; quoted fields may hold
 * commas and newlines), a JSON list, or a list inline in the campaign. The columns are name (required),
 * kind (person or organization), organization, city, country, email, signedAt, disclosure; any other
 * column is kept as an extra field for the NGO. A file is checked whole when opened, every bad row
 * reported with its line and column; then it is streamed from disk each time it is read.
 */
public final class SignatoryFiles {
  static final Set<String> KNOWN = Set.of("name", "kind", "organization", "city", "country", "email", "signedAt",
      "disclosure");

  private SignatoryFiles() {}

  /** Opens a CSV or JSON list, checking every row; throws with every problem found. */
  public static Signatories open(Path path, String display, Disclosure cap) {
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      List<Problem> problems = new ArrayList<>();
      Optional<LocatedTree> tree = LocatedTree.read(path, display, problems);
      if (tree.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      if (!tree.get().root().isArray()) {
        throw new InvalidInputException(new Problem(tree.get().at(""), "", "a signatory file must be a JSON list of objects"));
      }
      FieldReader r = new FieldReader(tree.get(), problems);
      Optional<Signatories> s = fromNodes(r, "", tree.get().root(), cap);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      return s.orElseThrow();
    }
    CsvSignatories csv = new CsvSignatories(path, display, cap);
    csv.check();
    return csv;
  }

  /** Signatories written inline in the campaign file. */
  static Optional<Signatories> inline(FieldReader r, String path, Disclosure cap) {
    return fromNodes(r, path, r.node(path).orElseThrow(), cap);
  }

  private static Optional<Signatories> fromNodes(FieldReader r, String path, JsonNode list, Disclosure cap) {
    List<Signatory> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      String p = path + "[" + i + "]";
      JsonNode n = list.get(i);
      if (!n.isObject()) {
        r.problem(p, "must be a section with name, kind, city, ... fields");
        ok = false;
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
      List<String> errors = new ArrayList<>();
      Optional<Signatory> s = parse(row, cap, (field, message) -> errors.add(field + "\u0000" + message));
      for (String e : errors) {
        String[] fm = e.split("\u0000", 2);
        r.problem(p + "." + fm[0], fm[1]);
      }
      ok &= errors.isEmpty();
      s.ifPresent(out::add);
    }
    return ok ? Optional.of(Signatories.of(out)) : Optional.empty();
  }

  interface Errors {
    void add(String field, String message);
  }

  /** One row to a signatory; each bad field reported. Blank values count as absent. */
  static Optional<Signatory> parse(Map<String, String> row, Disclosure cap, Errors errors) {
    Map<String, String> v = new HashMap<>();
    Map<String, String> extra = new LinkedHashMap<>();
    row.forEach((k, val) -> {
      String key = k.strip();
      String value = val == null ? "" : val.strip();
      if (KNOWN.contains(key)) {
        v.put(key, value);
      } else if (!value.isEmpty() && !key.isEmpty()) {
        extra.put(key, value);
      }
    });
    boolean bad = false;
    String name = v.getOrDefault("name", "");
    if (name.isEmpty()) {
      errors.add("name", "is missing: every signatory needs a name");
      bad = true;
    } else if (Checks.firstLineBreakOrControl(name) >= 0) {
      errors.add("name", "must be one line without control characters");
      bad = true;
    }
    Signatory.Kind kind = Signatory.Kind.PERSON;
    String k = v.getOrDefault("kind", "").toLowerCase(Locale.ROOT);
    if (k.equals("organization") || k.equals("organisation") || k.equals("org")) {
      kind = Signatory.Kind.ORGANIZATION;
    } else if (!k.isEmpty() && !k.equals("person") && !k.equals("individual")) {
      errors.add("kind", "must be person or organization, not '" + k + "'");
      bad = true;
    }
    Optional<String> country = Optional.empty();
    String c = v.getOrDefault("country", "");
    if (!c.isEmpty()) {
      String upper = c.toUpperCase(Locale.ROOT);
      if (org.demarche.core.Countries.isKnown(upper)) {
        country = Optional.of(upper);
      } else {
        errors.add("country", "must be an ISO 3166-1 alpha-2 code such as JP, not '" + c + "'");
        bad = true;
      }
    }
    Optional<String> email = Optional.empty();
    String e = v.getOrDefault("email", "");
    if (!e.isEmpty()) {
      try {
        email = Optional.of(Checks.email(e, "email"));
      } catch (IllegalArgumentException ex) {
        errors.add("email", "must be an email address such as name@example.org, not '" + e + "'");
        bad = true;
      }
    }
    Optional<Instant> signedAt = Optional.empty();
    String at = v.getOrDefault("signedAt", "");
    if (!at.isEmpty()) {
      try {
        signedAt = Optional.of(at.length() == 10 ? LocalDate.parse(at).atStartOfDay().toInstant(ZoneOffset.UTC)
            : Instant.parse(at));
      } catch (java.time.format.DateTimeParseException ex) {
        errors.add("signedAt", "must be a date (2026-09-01) or an instant (2026-09-01T10:00:00Z), not '" + at + "'");
        bad = true;
      }
    }
    Disclosure disclosure = kind == Signatory.Kind.ORGANIZATION ? Disclosure.FULL : Disclosure.COUNTED_ONLY;
    String d = v.getOrDefault("disclosure", "");
    if (!d.isEmpty()) {
      try {
        disclosure = CampaignLoader.disclosure(d);
      } catch (IllegalArgumentException ex) {
        errors.add("disclosure", ex.getMessage());
        bad = true;
      }
    }
    for (String field : List.of("organization", "city")) {
      String text = v.getOrDefault(field, "");
      if (Checks.firstLineBreakOrControl(text) >= 0) {
        errors.add(field, "must be one line without control characters");
        bad = true;
      }
    }
    if (bad) {
      return Optional.empty();
    }
    return Optional.of(new Signatory(kind, name, opt(v, "organization"), opt(v, "city"), country, email, signedAt,
        disclosure.cappedAt(cap), extra));
  }

  private static Optional<String> opt(Map<String, String> v, String key) {
    String s = v.getOrDefault(key, "");
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** A CSV list read from disk on every stream. */
  private static final class CsvSignatories implements Signatories {
    private static final CsvMapper MAPPER = CsvMapper.builder()
        .enable(CsvParser.Feature.TRIM_SPACES)
        .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
        .build();
    private final Path path;
    private final String display;
    private final Disclosure cap;
    private long count = -1;

    CsvSignatories(Path path, String display, Disclosure cap) {
      this.path = path;
      this.display = display;
      this.cap = cap;
    }

    void check() {
      List<Problem> problems = new ArrayList<>();
      long n = 0;
      try (Rows rows = new Rows(path, display)) {
        boolean more = rows.hasNext();
        if (!rows.header().contains("name")) {
          problems.add(new Problem(new Location(display, 1, 1), "name",
              "the header row has no 'name' column; columns are name, kind, organization, city, country, email, signedAt, disclosure"));
        }
        for (; more; more = rows.hasNext()) {
          Row row = rows.next();
          if (row.error != null) {
            problems.add(new Problem(new Location(display, row.line, 0), "", row.error));
            break;
          }
          Optional<Signatory> s = parse(row.values, cap, (field, message) -> problems.add(
              new Problem(new Location(display, row.line, rows.columnOf(field)), field, message)));
          if (s.isPresent()) {
            n++;
          }
          if (problems.size() > 1000) {
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        String why = String.valueOf(e.getMessage());
        problems.add(new Problem(new Location(display, 1, 1), "", why.contains("Empty header")
            ? "the file has no header row; the first line names the columns: name, kind, organization, city, country,"
                + " email, signedAt, disclosure"
            : "cannot read the file: " + why.lines().findFirst().orElse(why)));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      count = n;
    }

    @Override
    public Stream<Signatory> stream() {
      Rows rows;
      try {
        rows = new Rows(path, display);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Iterator<Signatory> it = new Iterator<>() {
        Signatory next = advance();

        private Signatory advance() {
          while (rows.hasNext()) {
            Row row = rows.next();
            if (row.error != null) {
              return null;
            }
            Optional<Signatory> s = parse(row.values, cap, (f, m) -> {});
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
      return count >= 0 ? count : Signatories.super.count();
    }
  }

  private record Row(Map<String, String> values, int line, String error) {}

  /** The rows of a CSV file with their starting lines. */
  private static final class Rows implements AutoCloseable {
    private final MappingIterator<Map<String, String>> it;
    private final CsvParser parser;
    private final List<String> header = new ArrayList<>();
    private final String display;

    Rows(Path path, String display) throws IOException {
      this.display = display;
      InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      in.mark(3);
      byte[] bom = in.readNBytes(3);
      if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
        in.reset();
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
      CsvSchema schema = CsvSchema.emptySchema().withHeader();
      it = CsvSignatories.MAPPER.readerForMapOf(String.class).with(schema).readValues(reader);
      parser = (CsvParser) it.getParser();
    }

    List<String> header() {
      if (header.isEmpty()) {
        parser.getSchema().forEach(c -> header.add(c.getName().strip()));
      }
      return header;
    }

    int columnOf(String field) {
      int i = header().indexOf(field);
      return i < 0 ? 0 : i + 1;
    }

    private int rowStartLine;

    boolean hasNext() {
      try {
        boolean more = it.hasNextValue();
        // The row's start token is placed at the end of the line before it.
        rowStartLine = (int) parser.currentTokenLocation().getLineNr() + 1;
        return more;
      } catch (IOException e) {
        return true;
      }
    }

    Row next() {
      try {
        Map<String, String> values = it.nextValue();
        // The first field's token is where the row starts, even when a quoted field spans lines.
        return new Row(values, rowStartLine, null);
      } catch (IOException | RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return new Row(Map.of(), (int) parser.currentLocation().getLineNr(),
            "not valid CSV: " + (nl > 0 ? msg.substring(0, nl) : msg));
      }
    }

    private static int rowStart(int lastLine, Map<String, String> values) {
      int extra = 0;
      for (String v : values.values()) {
        if (v != null) {
          extra += (int) v.chars().filter(ch -> ch == '\n').count();
        }
      }
      return Math.max(1, lastLine - extra);
    }

    @Override
    public void close() {
      try {
        it.close();
      } catch (IOException e) {
        throw new UncheckedIOException("closing " + display, e);
      }
    }
  }
}
