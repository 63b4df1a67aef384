package org.demarche.contacts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.demarche.contacts.Candidate;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.Location;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Provenance;
import org.demarche.core.model.Values;

/**
 * Reads one mission object of a directory file (JSON, or a CSV row read as an object by
 * {@link CsvColumns}) into a {@link MissionRecord}, every problem located where it was written.
 */
final class MissionReader {
  private static final Set<String> TOP = Set.of("id", "kind", "name", "localName", "sendingState", "hostCountry",
      "city", "address", "email", "phone", "fax", "web", "jurisdiction", "jurisdictionCountries", "coordinate",
      "sources", "candidates", "timeZone", "officeHours");
  private static final Set<String> ADDRESS = Set.of("lines", "streetUnknown", "city", "region", "postalCode",
      "localLines");

  private final LocatedTree mission;
  private final List<Problem> problems;
  private final Map<String, MissionRecord.Field> fields = new LinkedHashMap<>();
  private final MissionFields r;

  private MissionReader(LocatedTree mission, List<Problem> problems) {
    this.mission = mission;
    this.problems = problems;
    this.r = new MissionFields(mission, problems, fields);
  }

  /** Reads one mission object; problems go to {@code problems}. Empty when the id itself is unusable. */
  static Optional<MissionRecord> read(LocatedTree mission, List<Problem> problems) {
    MissionReader m = new MissionReader(mission, problems);
    m.onlyKnown("", TOP);
    Optional<String> id = m.id();
    m.facts();
    m.address();
    m.r.coordinate();
    Map<String, Provenance> sources = new LinkedHashMap<>();
    Map<String, Location> sourceAt = new HashMap<>();
    m.sources(sources, sourceAt);
    Map<String, List<Candidate>> candidates = m.candidates();
    return id.map(i -> new MissionRecord(i, mission.at(""), m.fields, sources, sourceAt, candidates, m.r.invalid));
  }

  private void onlyKnown(String path, Set<String> known) {
    JsonNode n = path.isEmpty() ? mission.root() : r.node(path);
    String prefix = path.isEmpty() ? "" : path + ".";
    n.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        r.problem(prefix + k, prefix + k, "unknown field: use one of " + String.join(", ", sorted(known)));
      }
    });
  }

  private Optional<String> id() {
    JsonNode id = r.node("id");
    if (id.isMissingNode() || id.isNull()) {
      r.problem("", "id", "missing: every mission needs an id such as cn-cg-jp-osaka");
    } else if (!id.isTextual()) {
      r.problem("id", "id", "must be lower-case letters, digits and inner hyphens such as cn-cg-jp-osaka, not "
          + MissionFields.describe(id));
    } else {
      try {
        return Optional.of(Values.id(id.asText(), "id"));
      } catch (IllegalArgumentException e) {
        r.problem("id", "id", Values.withoutField(e.getMessage(), "id"));
      }
    }
    return Optional.empty();
  }

  private void facts() {
    r.text("kind", v -> {
      try {
        return MissionKind.fromKey(v);
      } catch (IllegalArgumentException e) {
        throw new MissionFields.Invalid(e.getMessage());
      }
    });
    r.text("name", v -> v);
    r.text("localName", v -> v);
    r.text("sendingState", MissionReader::country);
    r.text("hostCountry", MissionReader::country);
    r.text("city", v -> v);
    r.text("email", v -> rule(() -> Values.email(v, "email"), "email"));
    r.text("phone", v -> v);
    r.text("fax", v -> v);
    r.text("web", MissionReader::web);
    r.text("timeZone", MissionReader::zone);
    r.text("officeHours", v -> {
      try {
        return org.demarche.core.model.OfficeHours.parse(v);
      } catch (IllegalArgumentException e) {
        throw new MissionFields.Invalid(Values.withoutField(e.getMessage(), "officeHours"));
      }
    });
    r.list("jurisdiction", MissionReader::region);
    r.list("jurisdictionCountries", MissionReader::country);
  }

  private void address() {
    JsonNode address = r.node("address");
    if (address.isMissingNode()) {
      return;
    }
    if (!address.isObject()) {
      r.problem("address", "address", "must be an object with lines, city, postalCode, ..., not "
          + MissionFields.describe(address));
      return;
    }
    onlyKnown("address", ADDRESS);
    r.list("address.lines", v -> v);
    r.list("address.localLines", v -> v);
    r.text("address.city", v -> v);
    r.text("address.region", MissionReader::region);
    r.text("address.postalCode", v -> v);
    r.bool("address.streetUnknown");
  }

  private void sources(Map<String, Provenance> sources, Map<String, Location> sourceAt) {
    JsonNode src = r.node("sources");
    if (src.isMissingNode()) {
      return;
    }
    if (!src.isObject()) {
      r.problem("sources", "sources", "must be an object from fact (mission, address, email, ...) to "
          + "{source, checkedOn, confirmed, note}");
      return;
    }
    src.fieldNames().forEachRemaining(fact -> {
      String path = "sources." + fact;
      if (!MissionRecord.FACTS.contains(fact)) {
        r.problem(path, path, "unknown fact: use one of " + String.join(", ", sorted(MissionRecord.FACTS)));
        return;
      }
      r.provenance(path, path, Set.of()).ifPresent(p -> {
        sources.put(fact, p);
        sourceAt.put(fact, r.at(path));
      });
    });
  }

  private Map<String, List<Candidate>> candidates() {
    Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
    JsonNode cand = r.node("candidates");
    if (cand.isMissingNode()) {
      return candidates;
    }
    if (!cand.isObject()) {
      r.problem("candidates", "candidates", "must be an object from fact to a list of {value, source, checkedOn, note}");
      return candidates;
    }
    cand.fields().forEachRemaining(e -> {
      String path = "candidates." + e.getKey();
      if (!e.getValue().isArray()) {
        r.problem(path, path, "must be a list of {value, source, checkedOn, note}");
        return;
      }
      List<Candidate> list = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        String at = path + "[" + i + "]";
        JsonNode value = e.getValue().get(i).path("value");
        if (!value.isTextual() || value.asText().isBlank()) {
          r.problem(at, path + ".value", "missing: a candidate needs a value");
          continue;
        }
        r.provenance(at, path, Set.of("value")).ifPresent(p -> list.add(new Candidate(e.getKey(),
            value.asText().strip(), p.unconfirmed(p.note()))));
      }
      candidates.put(e.getKey(), List.copyOf(list));
    });
    return candidates;
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
  private static Object rule(Supplier<String> check, String field) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new MissionFields.Invalid(Values.withoutField(e.getMessage(), field));
    }
  }

  /** An IANA time zone the JDK knows, such as Asia/Tokyo. */
  private static Object zone(String v) {
    try {
      return java.time.ZoneId.of(v.strip());
    } catch (java.time.DateTimeException e) {
      throw new MissionFields.Invalid("must be an IANA time zone such as Asia/Tokyo or America/New_York, not '" + v + "'");
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
    throw new MissionFields.Invalid("must be a web address starting with https:// or http://, not '" + v + "'");
  }
}
