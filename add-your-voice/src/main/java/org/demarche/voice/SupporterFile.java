package org.demarche.voice;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Countries;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Values;

/**
 * Reads a supporter file: the signatory CSV format (header row, UTF-8 with or without BOM, quoted fields may
 * hold commas and newlines; columns name, kind, organization, city, country, email, signedAt, disclosure) plus
 * the place and personal paragraph columns {@code region} (ISO 3166-2, e.g. JP-05), {@code latitude},
 * {@code longitude} and {@code paragraph}. A row needs a name and a place: a country (with or without a
 * region), a region, or a coordinate. Every bad field of every row is reported at once, with its line and
 * column; other columns are accepted and ignored.
 */
public final class SupporterFile {
  /** The columns this reader uses; the signatory columns kind, organization, signedAt, disclosure are accepted. */
  public static final Set<String> COLUMNS = Set.of("name", "email", "city", "country", "region", "latitude",
      "longitude", "paragraph");
  private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
      .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS).build();

  private SupporterFile() {}

  /** Reads every supporter of {@code file}, named {@code display} in problems. */
  public static List<Supporter> read(Path file, String display) {
    List<Problem> problems = new ArrayList<>();
    List<Supporter> out = new ArrayList<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(3);
      byte[] bom = raw.readNBytes(3);
      if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
        raw.reset();
      }
      MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class)
          .with(CsvSchema.emptySchema().withHeader())
          .readValues(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()));
      CsvParser parser = (CsvParser) it.getParser();
      List<String> header = new ArrayList<>();
      boolean first = true;
      while (true) {
        Map<String, String> row;
        int line;
        try {
          if (!it.hasNextValue()) {
            break;
          }
          row = it.nextValue();
          line = (int) parser.currentTokenLocation().getLineNr();
        } catch (IOException | RuntimeException e) {
          String msg = String.valueOf(e.getMessage());
          problems.add(new Problem(new Location(display, (int) parser.currentLocation().getLineNr(), 0), "",
              "not valid CSV: " + msg.lines().findFirst().orElse(msg)));
          break;
        }
        if (first) {
          parser.getSchema().forEach(c -> header.add(c.getName().strip()));
          if (!header.contains("name")) {
            problems.add(new Problem(new Location(display, 1, 1), "name", "the header row has no 'name' column;"
                + " columns are name, email, city, country, region, latitude, longitude, paragraph"));
            break;
          }
          first = false;
        }
        int start = Math.max(2, line - newlines(row));
        parse(row, display, start, header, problems).ifPresent(out::add);
        if (problems.size() > 1000) {
          break;
        }
      }
    } catch (IOException e) {
      problems.add(new Problem(Location.of(display), "", "cannot read the file: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return out;
  }

  private static int newlines(Map<String, String> row) {
    int n = 0;
    for (String v : row.values()) {
      if (v != null) {
        n += (int) v.chars().filter(c -> c == '\n').count();
      }
    }
    return n;
  }

  private static Optional<Supporter> parse(Map<String, String> raw, String display, int line, List<String> header,
      List<Problem> problems) {
    Map<String, String> v = new HashMap<>();
    raw.forEach((k, val) -> v.put(k.strip(), val == null ? "" : val.strip()));
    int before = problems.size();
    Reporter bad = (field, message) -> problems.add(new Problem(
        new Location(display, line, header.indexOf(field) + 1), field, message));
    String name = v.getOrDefault("name", "");
    if (name.isEmpty()) {
      bad.add("name", "is missing: every supporter needs a name");
    } else if (Values.firstLineBreakOrControl(name) >= 0) {
      bad.add("name", "must be one line without control characters");
    }
    Optional<String> email = opt(v, "email");
    if (email.isPresent()) {
      try {
        Values.email(email.get(), "email");
      } catch (IllegalArgumentException e) {
        bad.add("email", "must be an email address such as name@example.org, not '" + email.get() + "'");
      }
    }
    Optional<String> city = opt(v, "city");
    if (city.isPresent() && Values.firstLineBreakOrControl(city.get()) >= 0) {
      bad.add("city", "must be one line without control characters");
    }
    Optional<String> country = opt(v, "country").map(c -> c.toUpperCase(Locale.ROOT));
    if (country.isPresent() && !Countries.isKnown(country.get())) {
      bad.add("country", "must be an ISO 3166-1 alpha-2 code such as JP, not '" + v.get("country") + "'");
    }
    Optional<String> region = opt(v, "region").map(r -> r.toUpperCase(Locale.ROOT));
    if (region.isPresent()) {
      if (!region.get().matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
        bad.add("region", "must be an ISO 3166-2 code such as JP-05 (Akita), not '" + v.get("region") + "'");
      } else if (country.isPresent() && !region.get().startsWith(country.get() + "-")) {
        bad.add("region", "is not in the row's country " + country.get() + ": " + region.get());
      }
    }
    Optional<Double> lat = number(v, "latitude", -90, 90, bad);
    Optional<Double> lon = number(v, "longitude", -180, 180, bad);
    if (lat.isPresent() != lon.isPresent() && problems.size() == before) {
      bad.add(lat.isPresent() ? "longitude" : "latitude", "is missing: a coordinate needs latitude and longitude");
    }
    if (country.isEmpty() && region.isEmpty() && lat.isEmpty() && problems.size() == before) {
      bad.add("country", "is missing: say where the supporter lives with country (and region), or latitude and"
          + " longitude");
    }
    Optional<String> paragraph = opt(v, "paragraph");
    if (problems.size() > before) {
      return Optional.empty();
    }
    try {
      Optional<Coordinate> at = lat.isPresent() ? Optional.of(new Coordinate(lat.get(), lon.get())) : Optional.empty();
      return Optional.of(new Supporter(name, email, city, country, region, at, paragraph,
          new Location(display, line, 0)));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(new Location(display, line, 0), "", e.getMessage()));
      return Optional.empty();
    }
  }

  private interface Reporter {
    void add(String field, String message);
  }

  private static Optional<Double> number(Map<String, String> v, String key, double min, double max, Reporter bad) {
    Optional<String> s = opt(v, key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      double d = Double.parseDouble(s.get());
      if (d >= min && d <= max) {
        return Optional.of(d);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    bad.add(key, "must be a number of degrees between " + (int) min + " and " + (int) max + ", such as "
        + (key.equals("latitude") ? "39.72" : "140.10") + ", not '" + s.get() + "'");
    return Optional.empty();
  }

  private static Optional<String> opt(Map<String, String> v, String key) {
    String s = v.getOrDefault(key, "");
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
