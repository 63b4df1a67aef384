package org.demarche.contacts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.demarche.core.model.Location;

/**
 * Turns CSV rows into the same mission objects a JSON file holds. Columns are the JSON field paths
 * ({@code address.lines}, {@code address.postalCode}, ...), lists are separated by {@code |}, a coordinate is
 * {@code latitude} + {@code longitude}, the mission's provenance is {@code source}, {@code checkedOn},
 * {@code confirmed}, {@code note}, and a fact's own provenance is {@code <fact>.source}, {@code <fact>.checkedOn}, ...
 * An empty cell means "not given".
 */
final class CsvColumns {
  static final Set<String> SCALARS = Set.of("id", "kind", "name", "localName", "sendingState", "hostCountry", "city",
      "email", "phone", "fax", "web");
  static final Set<String> ADDRESS = Set.of("address.city", "address.region", "address.postalCode",
      "address.streetUnknown");
  static final Set<String> LISTS = Set.of("address.lines", "address.localLines", "jurisdiction",
      "jurisdictionCountries");
  static final Set<String> PROVENANCE = Set.of("source", "checkedOn", "confirmed", "note");

  private CsvColumns() {}

  static List<Node> toMissions(List<List<Node>> rows, String file, Problems problems) {
    List<Node> header = rows.get(0);
    List<String> names = new ArrayList<>();
    boolean headerOk = true;
    for (Node h : header) {
      String name = ((String) h.value()).strip();
      names.add(name);
      if (!known(name)) {
        headerOk = false;
        problems.add(h.at(), name, "unknown column: use id, kind, name, localName, sendingState, hostCountry, city, "
            + "address.lines, address.city, address.region, address.postalCode, address.localLines, "
            + "address.streetUnknown, email, phone, fax, web, jurisdiction, jurisdictionCountries, latitude, longitude, "
            + "source, checkedOn, confirmed, note, or <fact>.source / <fact>.checkedOn / <fact>.confirmed / <fact>.note");
      }
    }
    if (!names.contains("id")) {
      problems.add(header.isEmpty() ? Location.of(file) : header.get(0).at(), "id", "the header has no 'id' column");
      return List.of();
    }
    if (!headerOk) {
      return List.of();
    }
    List<Node> out = new ArrayList<>();
    for (List<Node> row : rows.subList(1, rows.size())) {
      if (row.stream().allMatch(c -> ((String) c.value()).isBlank())) {
        continue;
      }
      Location rowAt = new Location(file, row.get(0).at().line(), 0);
      if (row.size() > names.size()) {
        problems.add(row.get(names.size()).at(), "", "this row has " + row.size() + " cells but the header names "
            + names.size() + " columns");
      }
      Map<String, Node> m = new LinkedHashMap<>();
      Map<String, Node> address = new LinkedHashMap<>();
      Map<String, Node> coordinate = new LinkedHashMap<>();
      Map<String, Map<String, Node>> sources = new LinkedHashMap<>();
      for (int i = 0; i < Math.min(row.size(), names.size()); i++) {
        Node cell = row.get(i);
        String text = ((String) cell.value()).strip();
        if (text.isEmpty()) {
          continue;
        }
        String col = names.get(i);
        Node v = new Node(text, cell.at());
        if (LISTS.contains(col)) {
          List<Node> items = new ArrayList<>();
          for (String part : text.split("\\|")) {
            if (!part.isBlank()) {
              items.add(new Node(part.strip(), cell.at()));
            }
          }
          v = new Node(items, cell.at());
        }
        if (col.equals("latitude")) {
          coordinate.put("lat", v);
        } else if (col.equals("longitude")) {
          coordinate.put("lon", v);
        } else if (PROVENANCE.contains(col)) {
          sources.computeIfAbsent("mission", k -> new LinkedHashMap<>()).put(col, v);
        } else if (col.startsWith("address.")) {
          address.put(col.substring("address.".length()), v);
        } else if (SCALARS.contains(col) || LISTS.contains(col)) {
          m.put(col, v);
        } else {
          int dot = col.lastIndexOf('.');
          sources.computeIfAbsent(col.substring(0, dot), k -> new LinkedHashMap<>()).put(col.substring(dot + 1), v);
        }
      }
      if (!address.isEmpty()) {
        m.put("address", new Node(address, rowAt));
      }
      if (!coordinate.isEmpty()) {
        m.put("coordinate", new Node(coordinate, rowAt));
      }
      if (!sources.isEmpty()) {
        Map<String, Node> s = new LinkedHashMap<>();
        sources.forEach((fact, fields) -> s.put(fact, new Node(fields, rowAt)));
        m.put("sources", new Node(s, rowAt));
      }
      out.add(new Node(m, rowAt));
    }
    return out;
  }

  private static boolean known(String col) {
    if (SCALARS.contains(col) || ADDRESS.contains(col) || LISTS.contains(col) || PROVENANCE.contains(col)
        || col.equals("latitude") || col.equals("longitude")) {
      return true;
    }
    int dot = col.lastIndexOf('.');
    return dot > 0 && PROVENANCE.contains(col.substring(dot + 1)) && MissionRecord.FACTS.contains(col.substring(0, dot));
  }
}
