package org.demarche.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where someone is: a country, and a region or a coordinate when known.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param region ISO 3166-2 code within that country, if known
 * @param coordinate a point, if known
 */
public record Place(String country, Optional<String> region, Optional<Coordinate> coordinate) {
  public Place {
    country = Values.country(country, "country");
    Objects.requireNonNull(region, "region");
    region = region.map(r -> Values.region(r, "region"));
    if (region.isPresent() && !region.get().startsWith(country + "-")) {
      throw new IllegalArgumentException("region " + region.get() + " is not in country " + country);
    }
    Objects.requireNonNull(coordinate, "coordinate");
  }

  public static Place region(String region) {
    return new Place(region.substring(0, 2), Optional.of(region), Optional.empty());
  }

  public static Place at(String country, Coordinate coordinate) {
    return new Place(country, Optional.empty(), Optional.of(coordinate));
  }
}
