package org.demarche.core.model;

import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An embassy, consulate or other post of a sending state in a host country.
 *
 * <p>Contact facts that could not be confirmed are absent here (a letter is never sent to a guessed
 * address); their candidates stay in the directory data with their provenance.
 *
 * @param id a stable id such as {@code cn-cg-jp-osaka}
 * @param kind embassy, consulate-general, ...
 * @param name the official English name
 * @param localName the name in the host country's script, if known
 * @param sendingState ISO 3166-1 alpha-2 code of the state the mission represents
 * @param hostCountry ISO 3166-1 alpha-2 code of the country it is in
 * @param city the city in Latin script
 * @param address the postal address
 * @param email the published email address, if any
 * @param phone the phone number in international form, if known
 * @param fax the fax number in international form, if known
 * @param web the web site, if known
 * @param jurisdiction ISO 3166-2 region codes of its consular district (empty when unknown)
 * @param jurisdictionCountries ISO 3166-1 codes of further countries it covers (an embassy accredited to several)
 * @param coordinate where it is, if known
 * @param source where the mission's facts come from, by fact name ("address", "email", "phone",
 *     "jurisdiction", ...); the entry "mission" holds the default for all facts
 * @param timeZone the mission's time zone where the directory gives one (else it follows from country and coordinate)
 * @param officeHours the hours the mission publishes, where the directory gives them
 */
public record DiplomaticMission(
    String id,
    MissionKind kind,
    String name,
    Optional<String> localName,
    String sendingState,
    String hostCountry,
    String city,
    PostalAddress address,
    Optional<String> email,
    Optional<String> phone,
    Optional<String> fax,
    Optional<URI> web,
    Set<String> jurisdiction,
    Set<String> jurisdictionCountries,
    Optional<Coordinate> coordinate,
    Map<String, Provenance> source,
    Optional<ZoneId> timeZone,
    Optional<OfficeHours> officeHours) {

  /** A mission whose directory gives neither a time zone nor office hours. */
  public DiplomaticMission(String id, MissionKind kind, String name, Optional<String> localName, String sendingState,
      String hostCountry, String city, PostalAddress address, Optional<String> email, Optional<String> phone,
      Optional<String> fax, Optional<URI> web, Set<String> jurisdiction, Set<String> jurisdictionCountries,
      Optional<Coordinate> coordinate, Map<String, Provenance> source) {
    this(id, kind, name, localName, sendingState, hostCountry, city, address, email, phone, fax, web, jurisdiction,
        jurisdictionCountries, coordinate, source, Optional.empty(), Optional.empty());
  }

  public DiplomaticMission {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(officeHours, "officeHours");
    id = Values.id(id, "id");
    Objects.requireNonNull(kind, "kind");
    name = Values.line(name, "name");
    localName = Values.line(localName, "localName");
    sendingState = Values.country(sendingState, "sendingState");
    hostCountry = Values.country(hostCountry, "hostCountry");
    city = Values.line(city, "city");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(email, "email");
    email = email.map(e -> Values.email(e, "email"));
    phone = Values.line(phone, "phone");
    fax = Values.line(fax, "fax");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    jurisdiction = Set.copyOf(new TreeSet<>(jurisdiction));
    for (String region : jurisdiction) {
      Values.region(region, "jurisdiction");
      if (!region.startsWith(hostCountry + "-")) {
        throw new IllegalArgumentException(
            "jurisdiction region " + region + " is not in the host country " + hostCountry);
      }
    }
    Objects.requireNonNull(jurisdictionCountries, "jurisdictionCountries");
    jurisdictionCountries.forEach(c -> Values.country(c, "jurisdictionCountries"));
    jurisdictionCountries = Set.copyOf(jurisdictionCountries);
    Objects.requireNonNull(coordinate, "coordinate");
    source = Map.copyOf(Objects.requireNonNull(source, "source"));
    if (!source.containsKey("mission")) {
      throw new IllegalArgumentException("source must name where the mission's facts come from (entry 'mission')");
    }
  }

  /** The provenance of one fact, or of the mission as a whole when the fact has none of its own. */
  public Provenance provenanceOf(String fact) {
    return source.getOrDefault(fact, source.get("mission"));
  }
}
