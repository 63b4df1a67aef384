package org.demarche.voice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Location;
import org.demarche.voice.KnownRegions;
import org.demarche.voice.Supporter;

/**
 * The supporter form's fields turned into a {@link Supporter}, with the same checks as {@code demarche voice}
 * (the {@link Supporter} record's, the directory's known regions) and the page's own length limits.
 */
final class SupporterForm {
  static final int MAX_NAME = 200;
  static final int MAX_EMAIL = 254;
  static final int MAX_CITY = 100;
  static final int MAX_PARAGRAPH = 3000;

  /** The supporter, or every problem found, each naming its field. */
  record Result(Optional<Supporter> supporter, List<String> problems) {}

  private SupporterForm() {}

  static Result read(Form f, KnownRegions known) {
    List<String> problems = new ArrayList<>();
    length(f, "name", MAX_NAME, problems);
    length(f, "email", MAX_EMAIL, problems);
    length(f, "city", MAX_CITY, problems);
    length(f, "paragraph", MAX_PARAGRAPH, problems);
    if (f.get("name").isEmpty()) {
      problems.add("name: say how you sign your letter");
    }
    Optional<Coordinate> at = coordinate(f, problems);
    Optional<String> region = f.get("region");
    region.filter(r -> r.matches("[A-Z]{2}-[A-Z0-9]{1,3}") && !known.test(r))
        .ifPresent(r -> problems.add("region: " + r + " is not a region the campaign's directory knows"));
    if (!problems.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    try {
      Supporter s = new Supporter(f.get("name").orElseThrow(), f.get("email"), f.get("city"), f.get("country"),
          region, at, f.get("paragraph"), Location.of("(web form)"));
      return new Result(Optional.of(s), List.of());
    } catch (IllegalArgumentException e) {
      return new Result(Optional.empty(), List.of(e.getMessage()));
    }
  }

  private static void length(Form f, String field, int max, List<String> problems) {
    String v = f.getOrEmpty(field);
    if (v.codePointCount(0, v.length()) > max) {
      problems.add(field + ": at most " + max + " characters, not " + v.codePointCount(0, v.length()));
    }
  }

  private static Optional<Coordinate> coordinate(Form f, List<String> problems) {
    Optional<String> lat = f.get("lat");
    Optional<String> lon = f.get("lon");
    if (lat.isEmpty() && lon.isEmpty()) {
      return Optional.empty();
    }
    if (lat.isEmpty() || lon.isEmpty()) {
      problems.add("lat, lon: give both latitude and longitude, or neither");
      return Optional.empty();
    }
    try {
      if (!lat.get().matches("-?\\d{1,3}(\\.\\d{1,8})?") || !lon.get().matches("-?\\d{1,3}(\\.\\d{1,8})?")) {
        throw new IllegalArgumentException("latitude and longitude are decimal degrees, e.g. 39.72 and 140.10");
      }
      return Optional.of(new Coordinate(Double.parseDouble(lat.get()), Double.parseDouble(lon.get())));
    } catch (IllegalArgumentException e) {
      problems.add("lat, lon: " + e.getMessage());
      return Optional.empty();
    }
  }
}
