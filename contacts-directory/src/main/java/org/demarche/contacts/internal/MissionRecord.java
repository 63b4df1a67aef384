package org.demarche.contacts.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.contacts.Candidate;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Location;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Provenance;

/**
 * One mission as a file gives it: each field with where it was written, possibly partial (a correction gives
 * only what it changes). Records are merged field by field ({@link #overlay}) and then built into a
 * {@link DiplomaticMission} ({@link #build}).
 */
public final class MissionRecord {
  /** The facts a provenance may be attached to. */
  static final Set<String> FACTS = Set.of("mission", "kind", "name", "localName", "sendingState", "hostCountry",
      "city", "address", "email", "phone", "fax", "web", "jurisdiction", "jurisdictionCountries", "coordinate",
      "timeZone", "officeHours");

  /** One field's value as read (null when a file clears it) and where it was written. */
  record Field(Object value, Location at) {}

  private final String id;
  private final Location at;
  private final Map<String, Field> fields;
  private final Map<String, Provenance> sources;
  private final Map<String, Location> sourceAt;
  private final Map<String, List<Candidate>> candidates;
  private final Set<String> invalid;

  MissionRecord(String id, Location at, Map<String, Field> fields, Map<String, Provenance> sources,
      Map<String, Location> sourceAt, Map<String, List<Candidate>> candidates, Set<String> invalid) {
    this.invalid = invalid;
    this.id = id;
    this.at = at;
    this.fields = fields;
    this.sources = sources;
    this.sourceAt = sourceAt;
    this.candidates = candidates;
  }

  public String id() {
    return id;
  }

  public Location location() {
    return at;
  }

  public Map<String, List<Candidate>> candidates() {
    return candidates;
  }

  /**
   * This record with {@code later}'s fields laid over it. A fact the later record changes takes the later
   * record's provenance for that fact, else its {@code mission} provenance; a correction that says neither is a
   * problem. The earlier record's {@code mission} provenance stays for the facts the correction leaves alone.
   */
  MissionRecord overlay(MissionRecord later, List<Problem> problems) {
    Map<String, Field> f = new LinkedHashMap<>(fields);
    f.putAll(later.fields);
    Map<String, Provenance> s = new LinkedHashMap<>(sources);
    Map<String, Location> sAt = new HashMap<>(sourceAt);
    Set<String> changedFacts = new LinkedHashSet<>();
    for (String path : later.fields.keySet()) {
      changedFacts.add(fact(path));
    }
    for (String fact : changedFacts) {
      Provenance p = later.sources.getOrDefault(fact, later.sources.get("mission"));
      if (p == null) {
        Field first = later.fields.entrySet().stream().filter(e -> fact(e.getKey()).equals(fact))
            .findFirst().orElseThrow().getValue();
        problems.add(new Problem(first.at(), "sources." + fact, "a correction must say where its facts come from: add "
            + "sources." + fact + " or sources.mission with {source, checkedOn} (in CSV: the source and checkedOn columns)"));
        later.fields.keySet().stream().filter(path -> fact(path).equals(fact)).forEach(path -> {
          if (fields.containsKey(path)) {
            f.put(path, fields.get(path));
          } else {
            f.remove(path);
          }
        });
        continue;
      }
      s.put(fact, p);
      sAt.put(fact, later.sourceAt.getOrDefault(fact, later.at));
    }
    later.sources.forEach((fact, p) -> {
      if (!fact.equals("mission")) {
        s.put(fact, p);
        sAt.put(fact, later.sourceAt.get(fact));
      }
    });
    Map<String, List<Candidate>> c = new LinkedHashMap<>(candidates);
    c.putAll(later.candidates);
    Set<String> bad = new java.util.HashSet<>(invalid);
    bad.addAll(later.invalid);
    return new MissionRecord(id, later.at, f, s, sAt, c, bad);
  }

  /** Builds the mission, or reports what is missing or inconsistent, located where it was written. */
  Optional<DiplomaticMission> build(List<Problem> problems) {
    int before = problems.size();
    checkComplete(problems);
    checkConsistent(problems);
    if (problems.size() > before || !invalid.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(mission());
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(new Problem(at, "", "mission " + id + ": " + e.getMessage()));
      return Optional.empty();
    }
  }

  private void checkComplete(List<Problem> problems) {
    for (String required : List.of("kind", "name", "sendingState", "hostCountry", "city")) {
      if (get(required) == null && !invalid.contains(required)) {
        problems.add(new Problem(at, required, "missing: mission " + id + " needs a " + required));
      }
    }
    if (!sources.containsKey("mission")) {
      problems.add(new Problem(at, "sources.mission", "missing: mission " + id + " needs sources.mission {source, "
          + "checkedOn} saying where its facts come from (in CSV: the source and checkedOn columns)"));
    }
    List<?> lines = (List<?>) get("address.lines");
    boolean streetUnknown = Boolean.TRUE.equals(get("address.streetUnknown"));
    if ((lines == null || lines.isEmpty()) && !streetUnknown && !invalid.contains("address.lines")) {
      problems.add(new Problem(located("address.lines"), "address.lines", "missing: mission " + id + " needs at least "
          + "one street line, or \"streetUnknown\": true when no street address is known"));
    }
  }

  private void checkConsistent(List<Problem> problems) {
    String host = (String) get("hostCountry");
    String region = (String) get("address.region");
    if (host != null && region != null && !region.startsWith(host + "-")) {
      problems.add(new Problem(located("address.region"), "address.region", "region " + region
          + " is not in the host country " + host));
    }
    if (host != null) {
      for (Object r : (Set<?>) getOr("jurisdiction", Set.of())) {
        if (!r.toString().startsWith(host + "-")) {
          problems.add(new Problem(located("jurisdiction"), "jurisdiction", "region " + r + " is not in the host "
              + "country " + host + ": a consular district lists regions of the country the mission is in"));
        }
      }
    }
    Provenance emailSource = sources.getOrDefault("email", sources.get("mission"));
    if (get("email") != null && emailSource != null && !emailSource.confirmed()) {
      problems.add(new Problem(located("email"), "email", "the email " + get("email") + " is marked unconfirmed, and "
          + "letters are never sent to an unconfirmed address: move it to candidates.email, or confirm it with a "
          + "source"));
    }
  }

  /** The mission of a complete, consistent record. */
  @SuppressWarnings("unchecked")
  private DiplomaticMission mission() {
    Map<String, Provenance> src = new LinkedHashMap<>(sources);
    List<String> lines = (List<String>) getOr("address.lines", List.of());
    if (lines.isEmpty()) {
      // No street line: the address heads a letter but cannot be posted to (PostalAddress.isPostable()).
      Provenance base = src.getOrDefault("address", src.get("mission"));
      src.put("address", base.unconfirmed(
          Optional.of(base.note().orElse("no street address in the source: a letter by post needs a correction file"))));
    }
    String city = (String) get("city");
    String host = (String) get("hostCountry");
    PostalAddress address = new PostalAddress(lines, (String) getOr("address.city", city),
        Optional.ofNullable((String) get("address.region")), Optional.ofNullable((String) get("address.postalCode")),
        host, (List<String>) getOr("address.localLines", List.of()));
    return new DiplomaticMission(id, (MissionKind) get("kind"), (String) get("name"),
        Optional.ofNullable((String) get("localName")), (String) get("sendingState"), host, city, address,
        Optional.ofNullable((String) get("email")), Optional.ofNullable((String) get("phone")),
        Optional.ofNullable((String) get("fax")), Optional.ofNullable((URI) get("web")),
        (Set<String>) getOr("jurisdiction", Set.of()), (Set<String>) getOr("jurisdictionCountries", Set.of()),
        Optional.ofNullable((Coordinate) get("coordinate")), src,
        Optional.ofNullable((java.time.ZoneId) get("timeZone")),
        Optional.ofNullable((org.demarche.core.model.OfficeHours) get("officeHours")));
  }

  private Object get(String path) {
    Field f = fields.get(path);
    return f == null ? null : f.value();
  }

  private Object getOr(String path, Object otherwise) {
    Object v = get(path);
    return v == null ? otherwise : v;
  }

  private Location located(String path) {
    Field f = fields.get(path);
    return f == null ? at : f.at();
  }

  private static String fact(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}
