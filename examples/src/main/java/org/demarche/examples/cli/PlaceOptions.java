package org.demarche.examples.cli;

import java.util.Locale;
import java.util.Optional;
import org.demarche.core.model.Coordinate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where someone is, as the commands that look up a serving mission take it. */
final class PlaceOptions {
  @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 code of the country, e.g. JP")
  String country;

  @Option(names = "--region", paramLabel = "CODE", description = "ISO 3166-2 code of the region, e.g. JP-27")
  String region;

  static final class At {
    @Option(names = "--lat", required = true, description = "latitude in degrees north") double lat;
    @Option(names = "--lon", required = true, description = "longitude in degrees east") double lon;
  }

  @ArgGroup(exclusive = false)
  At at;

  boolean given() {
    return country != null || region != null || at != null;
  }

  Optional<String> country() {
    return Optional.ofNullable(country).map(c -> Formats.country(c, "--country"));
  }

  Optional<String> region() {
    return Optional.ofNullable(region).map(r -> r.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The region, checked: an ISO 3166-2 code, in the --country given, and one the directory knows where it
   * knows that country's regions; otherwise bad usage naming the option.
   */
  Optional<String> region(org.demarche.core.spi.ContactDirectory directory) {
    Optional<String> r = region();
    if (r.isEmpty()) {
      return r;
    }
    String code = r.get();
    if (!code.matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
      throw new IllegalArgumentException("--region must be an ISO 3166-2 code such as JP-27, not '" + region + "'");
    }
    Optional<String> c = country();
    if (c.isPresent() && !code.startsWith(c.get() + "-")) {
      throw new IllegalArgumentException("--region " + code + " is not in --country " + c.get());
    }
    org.demarche.voice.KnownRegions known = org.demarche.voice.KnownRegions.of(directory);
    if (!known.test(code)) {
      String cc = code.substring(0, 2);
      throw new IllegalArgumentException("--region " + code + " is not a region of " + org.demarche.core.model.Countries
          .englishName(cc) + " (known: " + known.examples(cc) + ")");
    }
    return r;
  }

  Optional<Coordinate> coordinate() {
    return at == null ? Optional.empty() : Optional.of(new Coordinate(at.lat, at.lon));
  }
}
