package org.demarche.contacts.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.contacts.Candidate;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Values;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Location;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Provenance;

/**
 * One mission as a file gives it: each field with where it was written, possibly partial (a correction gives
 * only what it changes). Records are merged field by field ({@link #overlay}) and then built into a
 * {@link DiplomaticMission} ({@link #build}).
 */
public final class MissionRecord {
  /** What a street line says when the source has no street address (see the module README). */

  /** The facts a provenance may be attached to. */
  static final Set<String> FACTS = Set.of("mission", "kind", "name", "localName", "sendingState", "hostCountry",
      "city", "address", "email", "phone", "fax", "web", "jurisdiction", "jurisdictionCountries", "coordinate");
  private static final Set<String> TOP = Set.of("id", "kind", "name", "localName", "sendingState", "hostCountry",
      "city", "address", "email", "phone", "fax", "web", "jurisdiction", "jurisdictionCountries", "coordinate",
      "sources", "candidates");
  private static final Set<String> ADDRESS = Set.of("lines", "streetUnknown", "city", "region", "postalCode",
      "localLines");

  private record Field(Object value, Location at) {}

  private final String id;
  private final Location at;
  private final Map<String, Field> fields;
  private final Map<String, Provenance> sources;
  private final Map<String, Location> sourceAt;
  private final Map<String, List<Candidate>> candidates;
  private final Set<String> invalid;

  private MissionRecord(String id, Location at, Map<String, Field> fields, Map<String, Provenance> sources,
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

  /** Reads one mission object; problems go to {@code problems}. Empty when the id itself is unusable. */
  static Optional<MissionRecord> read(Node node, Problems problems) {
    Map<String, Node> m = node.object();
    for (Map.Entry<String, Node> e : m.entrySet()) {
      if (!TOP.contains(e.getKey())) {
        problems.add(e.getValue().at(), e.getKey(), "unknown field: use one of " + String.join(", ", sorted(TOP)));
      }
    }
    Node idNode = m.get("id");
    String id = null;
    if (idNode == null || idNode.isNull()) {
      problems.add(node.at(), "id", "missing: every mission needs an id such as cn-cg-jp-osaka");
    } else if (!(idNode.value() instanceof String s)) {
      problems.add(idNode.at(), "id", "must be lower-case letters, digits and inner hyphens such as cn-cg-jp-osaka, not "
          + idNode.describe());
    } else {
      try {
        id = Values.id(s, "id");
      } catch (IllegalArgumentException e) {
        problems.add(idNode.at(), "id", Values.withoutField(e.getMessage(), "id"));
      }
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    Reader r = new Reader(problems, fields);
    r.text(m, "kind", "kind", v -> {
      try {
        return MissionKind.fromKey(v);
      } catch (IllegalArgumentException e) {
        return r.fail(e.getMessage());
      }
    });
    r.text(m, "name", "name", v -> v);
    r.text(m, "localName", "localName", v -> v);
    r.text(m, "sendingState", "sendingState", MissionRecord::country);
    r.text(m, "hostCountry", "hostCountry", MissionRecord::country);
    r.text(m, "city", "city", v -> v);
    r.text(m, "email", "email", v -> rule(() -> Values.email(v, "email"), "email"));
    r.text(m, "phone", "phone", v -> v);
    r.text(m, "fax", "fax", v -> v);
    r.text(m, "web", "web", MissionRecord::web);
    r.list(m, "jurisdiction", "jurisdiction", MissionRecord::region);
    r.list(m, "jurisdictionCountries", "jurisdictionCountries", MissionRecord::country);
    Node address = m.get("address");
    if (address != null) {
      if (!(address.value() instanceof Map)) {
        problems.add(address.at(), "address", "must be an object with lines, city, postalCode, ..., not "
            + address.describe());
      } else {
        Map<String, Node> a = address.object();
        for (Map.Entry<String, Node> e : a.entrySet()) {
          if (!ADDRESS.contains(e.getKey())) {
            problems.add(e.getValue().at(), "address." + e.getKey(), "unknown field: use one of "
                + String.join(", ", sorted(ADDRESS)));
          }
        }
        r.list(a, "lines", "address.lines", v -> v);
        r.list(a, "localLines", "address.localLines", v -> v);
        r.text(a, "city", "address.city", v -> v);
        r.text(a, "region", "address.region", MissionRecord::region);
        r.text(a, "postalCode", "address.postalCode", v -> v);
        r.bool(a, "streetUnknown", "address.streetUnknown");
      }
    }
    Node coordinate = m.get("coordinate");
    if (coordinate != null) {
      if (coordinate.isNull()) {
        fields.put("coordinate", new Field(null, coordinate.at()));
      } else {
        r.coordinate(coordinate);
      }
    }
    Map<String, Provenance> sources = new LinkedHashMap<>();
    Map<String, Location> sourceAt = new HashMap<>();
    Node src = m.get("sources");
    if (src != null) {
      if (!(src.value() instanceof Map)) {
        problems.add(src.at(), "sources", "must be an object from fact (mission, address, email, ...) to "
            + "{source, checkedOn, confirmed, note}");
      } else {
        for (Map.Entry<String, Node> e : src.object().entrySet()) {
          String fact = e.getKey();
          if (!FACTS.contains(fact)) {
            problems.add(e.getValue().at(), "sources." + fact, "unknown fact: use one of "
                + String.join(", ", sorted(FACTS)));
            continue;
          }
          r.provenance(e.getValue(), "sources." + fact, Set.of()).ifPresent(p -> {
            sources.put(fact, p);
            sourceAt.put(fact, e.getValue().at());
          });
        }
      }
    }
    Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
    Node cand = m.get("candidates");
    if (cand != null) {
      if (!(cand.value() instanceof Map)) {
        problems.add(cand.at(), "candidates", "must be an object from fact to a list of {value, source, checkedOn, note}");
      } else {
        for (Map.Entry<String, Node> e : cand.object().entrySet()) {
          String fact = e.getKey();
          String path = "candidates." + fact;
          if (!(e.getValue().value() instanceof List)) {
            problems.add(e.getValue().at(), path, "must be a list of {value, source, checkedOn, note}");
            continue;
          }
          List<Candidate> list = new ArrayList<>();
          for (Node c : e.getValue().array()) {
            Node value = c.value() instanceof Map ? c.object().get("value") : null;
            if (value == null || !(value.value() instanceof String v) || v.isBlank()) {
              problems.add(c.at(), path + ".value", "missing: a candidate needs a value");
              continue;
            }
            r.provenance(c, path, Set.of("value")).ifPresent(p -> list.add(new Candidate(fact, v.strip(),
                new Provenance(p.source(), p.checkedOn(), false, p.note()))));
          }
          candidates.put(fact, List.copyOf(list));
        }
      }
    }
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(new MissionRecord(id, node.at(), fields, sources, sourceAt, candidates, r.invalid));
  }

  /**
   * This record with {@code later}'s fields laid over it. A fact the later record changes takes the later
   * record's provenance for that fact, else its {@code mission} provenance; a correction that says neither is a
   * problem. The earlier record's {@code mission} provenance stays for the facts the correction leaves alone.
   */
  MissionRecord overlay(MissionRecord later, Problems problems) {
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
        problems.add(first.at(), "sources." + fact, "a correction must say where its facts come from: add "
            + "sources." + fact + " or sources.mission with {source, checkedOn} (in CSV: the source and checkedOn columns)");
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
  Optional<DiplomaticMission> build(Problems problems) {
    int before = problems.list().size();
    for (String required : List.of("kind", "name", "sendingState", "hostCountry", "city")) {
      if (get(required) == null && !invalid.contains(required)) {
        problems.add(at, required, "missing: mission " + id + " needs a " + required);
      }
    }
    if (!sources.containsKey("mission")) {
      problems.add(at, "sources.mission", "missing: mission " + id + " needs sources.mission {source, checkedOn} "
          + "saying where its facts come from (in CSV: the source and checkedOn columns)");
    }
    @SuppressWarnings("unchecked")
    List<String> lines = (List<String>) get("address.lines");
    boolean streetUnknown = Boolean.TRUE.equals(get("address.streetUnknown"));
    if ((lines == null || lines.isEmpty()) && !streetUnknown && !invalid.contains("address.lines")) {
      problems.add(located("address.lines"), "address.lines", "missing: mission " + id + " needs at least one street"
          + " line, or \"streetUnknown\": true when no street address is known");
    }
    String host = (String) get("hostCountry");
    String region = (String) get("address.region");
    if (host != null && region != null && !region.startsWith(host + "-")) {
      problems.add(located("address.region"), "address.region", "region " + region + " is not in the host country "
          + host);
    }
    @SuppressWarnings("unchecked")
    Set<String> jurisdiction = (Set<String>) getOr("jurisdiction", Set.of());
    if (host != null) {
      for (String r : jurisdiction) {
        if (!r.startsWith(host + "-")) {
          problems.add(located("jurisdiction"), "jurisdiction", "region " + r + " is not in the host country " + host
              + ": a consular district lists regions of the country the mission is in");
        }
      }
    }
    Provenance emailSource = sources.getOrDefault("email", sources.get("mission"));
    if (get("email") != null && emailSource != null && !emailSource.confirmed()) {
      problems.add(located("email"), "email", "the email " + get("email") + " is marked unconfirmed, and letters are "
          + "never sent to an unconfirmed address: move it to candidates.email, or confirm it with a source");
    }
    if (problems.list().size() > before || !invalid.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Provenance> src = new LinkedHashMap<>(sources);
    if (lines == null || lines.isEmpty()) {
      // No street line: the address heads a letter but cannot be posted to (PostalAddress.isPostable()).
      lines = List.of();
      Provenance base = src.getOrDefault("address", src.get("mission"));
      src.put("address", new Provenance(base.source(), base.checkedOn(), false,
          Optional.of(base.note().orElse("no street address in the source: a letter by post needs a correction file"))));
    }
    String city = (String) get("city");
    @SuppressWarnings("unchecked")
    List<String> localLines = (List<String>) getOr("address.localLines", List.of());
    @SuppressWarnings("unchecked")
    Set<String> jurisdictionCountries = (Set<String>) getOr("jurisdictionCountries", Set.of());
    try {
      PostalAddress address = new PostalAddress(lines, (String) getOr("address.city", city), Optional.ofNullable(region),
          Optional.ofNullable((String) get("address.postalCode")), host, localLines);
      return Optional.of(new DiplomaticMission(id, (MissionKind) get("kind"), (String) get("name"),
          Optional.ofNullable((String) get("localName")), (String) get("sendingState"), host, city, address,
          Optional.ofNullable((String) get("email")), Optional.ofNullable((String) get("phone")),
          Optional.ofNullable((String) get("fax")), Optional.ofNullable((URI) get("web")), jurisdiction,
          jurisdictionCountries, Optional.ofNullable((Coordinate) get("coordinate")), src));
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(at, "", "mission " + id + ": " + e.getMessage());
      return Optional.empty();
    }
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

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static Object country(String v) {
    return rule(() -> Values.country(v, "country"), "country");
  }

  private static Object region(String v) {
    return rule(() -> Values.region(v, "region"), "region");
  }

  /** Applies one of the model's value rules, its complaint becoming this reader's located problem. */
  private static Object rule(java.util.function.Supplier<String> check, String field) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new Invalid(Values.withoutField(e.getMessage(), field));
    }
  }

  private static Object web(String v) {
    try {
      URI u = new URI(v);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
        return u;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new Invalid("must be a web address starting with https:// or http://, not '" + v + "'");
  }

  /** A value that fails its check; carries the message for the problem. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads typed fields from a node map into {@code fields}, reporting each bad value with its location. */
  private static final class Reader {
    private final Problems problems;
    private final Map<String, Field> fields;
    final Set<String> invalid = new java.util.HashSet<>();

    Reader(Problems problems, Map<String, Field> fields) {
      this.problems = problems;
      this.fields = fields;
    }

    private void bad(Location at, String path, String message) {
      invalid.add(path);
      problems.add(at, path, message);
    }

    Object fail(String message) {
      throw new Invalid(message);
    }

    void text(Map<String, Node> m, String key, String path, java.util.function.Function<String, Object> check) {
      Node n = m.get(key);
      if (n == null) {
        return;
      }
      if (n.isNull()) {
        fields.put(path, new Field(null, n.at()));
        return;
      }
      if (!(n.value() instanceof String s) || s.isBlank()) {
        bad(n.at(), path, "must be a non-empty text, not " + n.describe());
        return;
      }
      String v = s.strip();
      try {
        Values.line(v, path);
      } catch (IllegalArgumentException e) {
        bad(n.at(), path, "must be a single line without control characters");
        return;
      }
      try {
        fields.put(path, new Field(check.apply(v), n.at()));
      } catch (Invalid e) {
        bad(n.at(), path, e.getMessage());
      }
    }

    void list(Map<String, Node> m, String key, String path, java.util.function.Function<String, Object> check) {
      Node n = m.get(key);
      if (n == null) {
        return;
      }
      if (n.isNull()) {
        fields.put(path, new Field(null, n.at()));
        return;
      }
      if (!(n.value() instanceof List)) {
        bad(n.at(), path, "must be a list of texts, not " + n.describe());
        return;
      }
      boolean ok = true;
      List<Object> out = new ArrayList<>();
      for (Node item : n.array()) {
        Map<String, Node> one = Map.of(key, item);
        Map<String, Field> scratch = new HashMap<>();
        new Reader(problems, scratch).text(one, key, path, check);
        Field f = scratch.get(path);
        if (f == null || f.value() == null) {
          ok = false;
        } else {
          out.add(f.value());
        }
      }
      if (ok) {
        Object value = path.startsWith("jurisdiction") ? Set.copyOf(new LinkedHashSet<>(out)) : List.copyOf(out);
        fields.put(path, new Field(value, n.at()));
      }
    }

    void bool(Map<String, Node> m, String key, String path) {
      Node n = m.get(key);
      if (n == null) {
        return;
      }
      Boolean b = booleanOf(n);
      if (b == null) {
        bad(n.at(), path, "must be true or false, not " + n.describe());
      } else {
        fields.put(path, new Field(b, n.at()));
      }
    }

    void coordinate(Node n) {
      if (!(n.value() instanceof Map)) {
        problems.add(n.at(), "coordinate", "must be an object {\"lat\": 35.68, \"lon\": 139.69}, not " + n.describe());
        return;
      }
      Double lat = number(n.object().get("lat"), "coordinate.lat", -90, 90, n.at());
      Double lon = number(n.object().get("lon"), "coordinate.lon", -180, 180, n.at());
      for (String k : n.object().keySet()) {
        if (!k.equals("lat") && !k.equals("lon")) {
          problems.add(n.object().get(k).at(), "coordinate." + k, "unknown field: use lat and lon");
        }
      }
      if (lat != null && lon != null) {
        fields.put("coordinate", new Field(new Coordinate(lat, lon), n.at()));
      }
    }

    private Double number(Node n, String path, double min, double max, Location parent) {
      String name = path.endsWith("lat") ? "latitude" : "longitude";
      if (n == null) {
        problems.add(parent, path, "missing: a coordinate needs both a latitude and a longitude");
        return null;
      }
      Double d = null;
      if (n.value() instanceof Number x) {
        d = x.doubleValue();
      } else if (n.value() instanceof String s) {
        try {
          d = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
          d = null;
        }
      }
      if (d == null || d.isNaN() || d < min || d > max) {
        bad(n.at(), path, "the " + name + " must be a number from " + (int) min + " to " + (int) max
            + " in decimal degrees, not " + n.describe());
        return null;
      }
      return d;
    }

    Optional<Provenance> provenance(Node n, String path, Set<String> extra) {
      if (!(n.value() instanceof Map)) {
        bad(n.at(), path, "must be an object {source, checkedOn, confirmed, note}, not " + n.describe());
        return Optional.empty();
      }
      Map<String, Node> m = n.object();
      for (Map.Entry<String, Node> e : m.entrySet()) {
        if (!Set.of("source", "checkedOn", "confirmed", "note").contains(e.getKey()) && !extra.contains(e.getKey())) {
          problems.add(e.getValue().at(), path + "." + e.getKey(), "unknown field: use source, checkedOn, confirmed, note");
        }
      }
      Node source = m.get("source");
      Node checked = m.get("checkedOn");
      boolean ok = true;
      if (source == null || !(source.value() instanceof String s) || s.isBlank()) {
        problems.add(source == null ? n.at() : source.at(), path + ".source", "missing: say where the fact comes from "
            + "(a URL or the name of a document)");
        ok = false;
      }
      LocalDate date = null;
      if (checked == null || !(checked.value() instanceof String c)) {
        problems.add(checked == null ? n.at() : checked.at(), path + ".checkedOn", "missing: the date the fact was "
            + "checked, as YYYY-MM-DD");
        ok = false;
      } else {
        try {
          date = LocalDate.parse(c.strip());
        } catch (DateTimeParseException e) {
          bad(checked.at(), path + ".checkedOn", "must be a date as YYYY-MM-DD, not '" + c + "'");
          ok = false;
        }
      }
      boolean confirmed = true;
      Node conf = m.get("confirmed");
      if (conf != null) {
        Boolean b = booleanOf(conf);
        if (b == null) {
          problems.add(conf.at(), path + ".confirmed", "must be true or false, not " + conf.describe());
          ok = false;
        } else {
          confirmed = b;
        }
      }
      Node note = m.get("note");
      Optional<String> noteText = Optional.empty();
      if (note != null && note.value() instanceof String t && !t.isBlank()) {
        noteText = Optional.of(t.strip().replaceAll("\\s+", " "));
      }
      if (!ok) {
        return Optional.empty();
      }
      return Optional.of(new Provenance(((String) source.value()).strip(), date, confirmed, noteText));
    }

    private static Boolean booleanOf(Node n) {
      if (n.value() instanceof Boolean b) {
        return b;
      }
      if (n.value() instanceof String s) {
        switch (s.strip().toLowerCase(Locale.ROOT)) {
          case "true", "yes" -> {
            return Boolean.TRUE;
          }
          case "false", "no" -> {
            return Boolean.FALSE;
          }
          default -> {
            return null;
          }
        }
      }
      return null;
    }
  }
}
