package org.demarche.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.ServingMission;

/** Prints missions as a table or as JSON. */
final class Missions {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Missions() {}

  static ObjectNode json(DiplomaticMission m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", m.id());
    n.put("name", m.name());
    m.localName().ifPresent(v -> n.put("localName", v));
    n.put("kind", m.kind().key());
    n.put("sendingState", m.sendingState());
    n.put("hostCountry", m.hostCountry());
    n.put("city", m.city());
    if (m.email().isPresent()) {
      n.put("email", m.email().get());
    } else {
      n.putNull("email");
    }
    ArrayNode jurisdiction = n.putArray("jurisdiction");
    m.jurisdiction().stream().sorted().forEach(jurisdiction::add);
    ArrayNode lines = n.putArray("address");
    m.address().printedLines().forEach(lines::add);
    if (!m.address().localLines().isEmpty()) {
      ArrayNode local = n.putArray("localAddress");
      m.address().localLines().forEach(local::add);
    }
    m.phone().ifPresent(v -> n.put("phone", v));
    m.fax().ifPresent(v -> n.put("fax", v));
    m.web().ifPresent(v -> n.put("web", v.toString()));
    m.coordinate().ifPresent(c -> {
      n.put("latitude", c.latitude());
      n.put("longitude", c.longitude());
    });
    n.put("source", m.provenanceOf("mission").source());
    n.put("checkedOn", m.provenanceOf("mission").checkedOn().toString());
    return n;
  }

  static void print(List<DiplomaticMission> missions, String format, PrintWriter out) throws Exception {
    if (format.equals("json")) {
      ArrayNode arr = JSON.createArrayNode();
      missions.forEach(m -> arr.add(json(m)));
      out.println(JSON.writeValueAsString(arr));
      return;
    }
    Table t = new Table("ID", "KIND", "CITY", "EMAIL", "JURISDICTION");
    for (DiplomaticMission m : missions) {
      t.row(m.id(), m.kind().key(), m.city() + ", " + m.hostCountry(), m.email().orElse("(by post)"),
          m.jurisdiction().isEmpty() ? "-" : String.join(" ", m.jurisdiction().stream().sorted().toList()));
    }
    t.print(out);
    out.println(missions.size() + (missions.size() == 1 ? " mission" : " missions"));
  }

  static void printServing(ServingMission s, String format, PrintWriter out) throws Exception {
    if (format.equals("json")) {
      ObjectNode n = json(s.mission());
      n.put("rule", s.rule().name().toLowerCase(java.util.Locale.ROOT));
      s.region().ifPresent(r -> n.put("region", r));
      s.distanceKm().ifPresent(d -> n.put("distanceKm", Math.round(d * 10) / 10.0));
      ArrayNode arr = JSON.createArrayNode();
      arr.add(n);
      out.println(JSON.writeValueAsString(arr));
      return;
    }
    DiplomaticMission m = s.mission();
    out.println(m.name() + " (" + m.id() + ")");
    m.address().printedLines().forEach(l -> out.println("  " + l));
    if (!m.address().localLines().isEmpty()) {
      out.println("  " + String.join(" ", m.address().localLines()));
    }
    out.println("  email: " + m.email().orElse("none published: write by post"));
    Optional<String> how = switch (s.rule()) {
      case JURISDICTION -> Optional.of("its consular district includes " + s.region().orElse("the place"));
      case DISTANCE -> Optional.of("no consular district is known here; it is the nearest mission"
          + s.distanceKm().map(d -> String.format(java.util.Locale.ROOT, " (%.0f km)", d)).orElse(""));
      case EMBASSY_OF_COUNTRY -> Optional.of("the embassy in the country");
    };
    out.println("  chosen because " + how.get());
  }
}
