package org.demarche.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A postal address with its lines as the destination country's post expects them.
 *
 * @param lines the street lines in Latin script, in the order they are written on an envelope,
 *     without the city, postal code and country (empty when only the city is known: such an address
 *     can head a letter but is not enough to post one)
 * @param city the city or locality in Latin script
 * @param region the ISO 3166-2 code of the region (prefecture, state), if known
 * @param postalCode the postal code, if the country uses one
 * @param country the ISO 3166-1 alpha-2 code of the country
 * @param localLines the whole address in the local script, as the local post writes it (empty when not known)
 */
public record PostalAddress(
    List<String> lines,
    String city,
    Optional<String> region,
    Optional<String> postalCode,
    String country,
    List<String> localLines) {

  public PostalAddress {
    lines = Values.list(lines, "address.lines");
    lines = lines.stream().map(l -> Values.line(l, "address.lines")).toList();
    city = Values.line(city, "address.city");
    Objects.requireNonNull(region, "address.region");
    region = region.map(r -> Values.region(r, "address.region"));
    postalCode = Values.line(postalCode, "address.postalCode");
    country = Values.country(country, "address.country");
    localLines = Values.list(localLines, "address.localLines").stream()
        .map(l -> Values.line(l, "address.localLines")).toList();
  }

  /** Whether the address has street lines, so that a letter can be posted to it. */
  public boolean isPostable() {
    return !lines.isEmpty();
  }

  /** An address with street lines, city and country only. */
  public static PostalAddress of(List<String> lines, String city, String postalCode, String country) {
    return new PostalAddress(lines, city, Optional.empty(), Optional.ofNullable(postalCode), country, List.of());
  }

  /** The lines to print on a letter or an envelope in Latin script: street lines, then "City Postcode", then the country. */
  public List<String> printedLines() {
    List<String> out = new ArrayList<>(lines);
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    boolean cityAlreadyThere = !lines.isEmpty() && last.contains(city);
    if (!cityAlreadyThere) {
      out.add(postalCode.map(p -> city + " " + p).orElse(city));
    } else if (postalCode.isPresent() && !last.contains(postalCode.get())) {
      out.set(out.size() - 1, last + " " + postalCode.get());
    }
    out.add(Countries.englishName(country).toUpperCase(java.util.Locale.ROOT));
    return List.copyOf(out);
  }
}
