package org.demarche.voice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.demarche.core.files.CsvRow;
import org.demarche.core.files.CsvRows;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Countries;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Values;

/**
 * Reads a supporter file on core's located {@link CsvRows} reader: the signatory CSV format (header row, UTF-8
 * with or without BOM, quoted fields may hold commas and newlines; columns name, kind, organization, city,
 * country, email, signedAt, disclosure) plus the place and personal paragraph columns {@code region} (ISO 3166-2,
 * e.g. JP-05), {@code latitude}, {@code longitude} and {@code paragraph}. A row needs a name and a place: a
 * country (with or without a region), a region, or a coordinate. The signatory columns are checked as the
 * signatory list checks them (kind person or organization, disclosure level, signedAt date), and a region
 * must be one the directory knows where it knows the country's regions. Every bad field of every row is
 * reported at once, with its line and column; other columns are accepted and ignored.
 */
public final class SupporterFile {
  /** The columns this reader uses; the signatory columns kind, organization, signedAt, disclosure are checked. */
  public static final Set<String> COLUMNS = Set.of("name", "email", "city", "country", "region", "latitude",
      "longitude", "paragraph");
  private static final int MAX_PROBLEMS = 1000;

  private SupporterFile() {}

  /** Reads every supporter of {@code file}, named {@code display} in problems; any well-formed region is accepted. */
  public static List<Supporter> read(Path file, String display) {
    return read(file, display, region -> true);
  }

  /**
   * Reads every supporter of {@code file}, named {@code display} in problems; a region {@code knownRegion}
   * refuses (see {@link KnownRegions}) is a problem of its row.
   *
   * @throws InvalidInputException with every bad field of every row, located
   */
  public static List<Supporter> read(Path file, String display, Predicate<String> knownRegion) {
    List<Problem> problems = new ArrayList<>();
    List<Supporter> out = new ArrayList<>();
    try (CsvRows rows = CsvRows.open(file, display)) {
      Optional<CsvRow> first = rows.next();
      List<String> header = new ArrayList<>();
      first.ifPresent(h -> h.texts().forEach(c -> header.add(c.strip().replace("\uFEFF", ""))));
      if (!header.contains("name")) {
        throw new InvalidInputException(new Problem(new Location(display, 1, 1), "name", "the header row has no"
            + " 'name' column; columns are name, email, city, country, region, latitude, longitude, paragraph"));
      }
      for (Optional<CsvRow> row = rows.next(); row.isPresent() && problems.size() <= MAX_PROBLEMS; row = rows.next()) {
        if (!row.get().isBlank()) {
          parse(row.get(), header, knownRegion, problems).ifPresent(out::add);
        }
      }
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    } catch (IOException | UncheckedIOException e) {
      problems.add(new Problem(Location.of(display), "", "cannot read the file: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return out;
  }

  private static Optional<Supporter> parse(CsvRow row, List<String> header, Predicate<String> knownRegion,
      List<Problem> problems) {
    Map<String, String> v = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      v.putIfAbsent(header.get(i), i < row.size() ? row.text(i).strip() : "");
    }
    int before = problems.size();
    Reporter bad = (field, message) -> problems.add(new Problem(row.at(Math.max(0, header.indexOf(field))), field,
        message));
    signatoryColumns(v, bad);
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
      } else if (!knownRegion.test(region.get())) {
        bad.add("region", "is not a known region: '" + v.get("region") + "' names no region of "
            + Countries.englishName(region.get().substring(0, 2)) + " (ISO 3166-2, such as "
            + region.get().substring(0, 2) + "-01)");
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
          new Location(row.at(0).file(), row.line(), 0)));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(new Location(row.at(0).file(), row.line(), 0), "", e.getMessage()));
      return Optional.empty();
    }
  }

  /** The signatory columns a supporter file may carry, checked as the signatory list checks them. */
  private static void signatoryColumns(Map<String, String> v, Reporter bad) {
    String kind = v.getOrDefault("kind", "").toLowerCase(Locale.ROOT);
    if (!Set.of("", "person", "individual", "organization", "organisation", "org").contains(kind)) {
      bad.add("kind", "must be person or organization, not '" + v.get("kind") + "'");
    }
    opt(v, "disclosure").ifPresent(d -> {
      try {
        Disclosure.fromKey(d);
      } catch (IllegalArgumentException e) {
        bad.add("disclosure", e.getMessage());
      }
    });
    opt(v, "signedAt").ifPresent(at -> {
      try {
        Object unused = at.length() == 10 ? LocalDate.parse(at) : Instant.parse(at);
      } catch (DateTimeParseException e) {
        bad.add("signedAt", "must be a date (2026-09-01) or an instant (2026-09-01T10:00:00Z), not '" + at + "'");
      }
    });
    opt(v, "organization").filter(o -> Values.firstLineBreakOrControl(o) >= 0)
        .ifPresent(o -> bad.add("organization", "must be one line without control characters"));
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
