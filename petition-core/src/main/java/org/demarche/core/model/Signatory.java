package org.demarche.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A co-signer of a petition: a person or an organization, with what it consents to have shown.
 *
 * @param kind person or organization
 * @param name the person's or organization's name (never shown beyond what {@code disclosure} allows)
 * @param organization the organization a person belongs to, if given
 * @param city the city, if given
 * @param country the ISO 3166-1 alpha-2 country, if given
 * @param email the signer's email, for duplicates and receipts only: never shown to a recipient
 * @param signedAt when the signatory signed, if known
 * @param disclosure what the signatory consents to show
 * @param extra further optional fields from the import, kept for the NGO only
 */
public record Signatory(
    Kind kind,
    String name,
    Optional<String> organization,
    Optional<String> city,
    Optional<String> country,
    Optional<String> email,
    Optional<Instant> signedAt,
    Disclosure disclosure,
    Map<String, String> extra) {

  /** Whether the signatory is a person or an organization. */
  public enum Kind { PERSON, ORGANIZATION }

  public Signatory {
    Objects.requireNonNull(kind, "kind");
    name = Values.line(name, "name");
    organization = Values.line(organization, "organization");
    city = Values.line(city, "city");
    Objects.requireNonNull(country, "country");
    country = country.map(c -> Values.country(c, "country"));
    Objects.requireNonNull(email, "email");
    email = email.map(e -> Values.email(e, "email"));
    Objects.requireNonNull(signedAt, "signedAt");
    Objects.requireNonNull(disclosure, "disclosure");
    extra = Map.copyOf(Objects.requireNonNull(extra, "extra"));
  }

  /** A person shown in full. */
  public static Signatory person(String name, String city, Disclosure disclosure) {
    return new Signatory(Kind.PERSON, name, Optional.empty(), Optional.ofNullable(city), Optional.empty(),
        Optional.empty(), Optional.empty(), disclosure, Map.of());
  }

  /** An organization shown in full. */
  public static Signatory organization(String name, String city) {
    return new Signatory(Kind.ORGANIZATION, name, Optional.empty(), Optional.ofNullable(city), Optional.empty(),
        Optional.empty(), Optional.empty(), Disclosure.FULL, Map.of());
  }

  /**
   * What a recipient may see of this signatory under the campaign's {@code cap}: empty when it is only
   * counted. Never includes the email.
   */
  public Optional<String> displayed(Disclosure cap) {
    switch (disclosure.cappedAt(cap)) {
      case FULL: {
        List<String> parts = new ArrayList<>();
        parts.add(name);
        organization.ifPresent(parts::add);
        city.ifPresent(parts::add);
        return Optional.of(String.join(", ", parts));
      }
      case NAME_ONLY:
        return Optional.of(name);
      case INITIALS:
        return Optional.of(initials(name));
      default:
        return Optional.empty();
    }
  }

  static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.strip().split("[\\s\\-]+")) {
      if (part.isEmpty()) {
        continue;
      }
      int cp = part.codePointAt(0);
      if (out.length() > 0) {
        out.append(' ');
      }
      out.appendCodePoint(Character.toUpperCase(cp));
      // Scripts without letter case or spaces (Chinese, Japanese names) show the first character only.
      if (Character.isLetter(cp) && Character.isUpperCase(Character.toUpperCase(cp))
          && Character.toLowerCase(cp) != Character.toUpperCase(cp)) {
        out.append('.');
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
