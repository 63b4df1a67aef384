package org.demarche.voice;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Location;
import org.demarche.core.model.Values;

/**
 * Someone who adds their voice: who they are, where they live, and what they want to say themselves.
 *
 * @param name the name they sign with
 * @param email their own address: the email draft is from it, or the Reply-To when the NGO sends
 * @param city their city or town, printed on their letterhead when given
 * @param country ISO 3166-1 alpha-2 code of where they live (may be inferred from the coordinate)
 * @param region ISO 3166-2 code of their region (prefecture, state), when known
 * @param coordinate where they live, when known
 * @param paragraph their personal paragraph, placed before the closing (blank counts as absent)
 * @param origin where the supporter was read from (file and line, or the command line)
 */
public record Supporter(String name, Optional<String> email, Optional<String> city, Optional<String> country,
    Optional<String> region, Optional<Coordinate> coordinate, Optional<String> paragraph, Location origin) {

  public Supporter {
    name = Values.line(name, "name");
    Objects.requireNonNull(email, "email");
    email = email.map(e -> Values.email(e, "email"));
    city = Values.line(city, "city");
    Objects.requireNonNull(country, "country");
    country = country.map(c -> Values.country(c, "country"));
    Objects.requireNonNull(region, "region");
    region = region.map(r -> Values.region(r, "region"));
    Objects.requireNonNull(coordinate, "coordinate");
    if (region.isPresent() && country.isPresent() && !region.get().startsWith(country.get() + "-")) {
      throw new IllegalArgumentException("region " + region.get() + " is not in country " + country.get());
    }
    if (country.isEmpty() && region.isEmpty() && coordinate.isEmpty()) {
      throw new IllegalArgumentException("say where the supporter lives: a country (and region), or a coordinate");
    }
    Objects.requireNonNull(paragraph, "paragraph");
    paragraph = paragraph.map(p -> Values.text(p, "paragraph").strip().replaceAll("[ \\t]*\\r?\\n[ \\t]*", " "))
        .filter(p -> !p.isEmpty());
    Objects.requireNonNull(origin, "origin");
    if (region.isPresent() && country.isEmpty()) {
      country = Optional.of(region.get().substring(0, 2));
    }
  }

  /** A supporter given on the command line or in code. */
  public static Supporter of(String name, Optional<String> email, Optional<String> country, Optional<String> region,
      Optional<Coordinate> coordinate, Optional<String> paragraph) {
    return new Supporter(name, email, Optional.empty(), country, region, coordinate, paragraph,
        Location.of("(command line)"));
  }

  /**
   * What makes two rows the same supporter: the address when given (NFKC, lower case), else the name
   * (NFKC, case and spacing folded) with the place (country, region, coordinate to two decimals, about 1 km).
   */
  public String identity() {
    if (email.isPresent()) {
      return "email:" + fold(email.get());
    }
    StringBuilder key = new StringBuilder("name:").append(fold(name)).append('|').append(country.orElse(""))
        .append('|').append(region.orElse(""));
    coordinate.ifPresent(c -> key.append('|')
        .append(String.format(Locale.ROOT, "%.2f,%.2f", c.latitude(), c.longitude())));
    return key.toString();
  }

  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
