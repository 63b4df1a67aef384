package org.demarche.contacts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.files.CsvRow;
import org.demarche.core.files.CsvRows;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * Turns CSV rows into the same mission objects a JSON file holds. Columns are the JSON field paths
 * ({@code address.lines}, {@code address.postalCode}, ...), lists are separated by {@code |}, a coordinate is
 * {@code latitude} + {@code longitude}, the mission's provenance is {@code source}, {@code kind},
 * {@code sourceDate}, {@code retrievedOn}, {@code confirmed}, {@code note}, and a fact's own provenance is
 * {@code <fact>.source}, {@code <fact>.kind}, ...
 * An empty cell means "not given".
 */
final class CsvColumns {
  static final Set<String> SCALARS = Set.of("id", "kind", "name", "localName", "sendingState", "hostCountry", "city",
      "email", "phone", "fax", "web", "timeZone", "officeHours");
  static final Set<String> ADDRESS = Set.of("address.city", "address.region", "address.postalCode",
      "address.streetUnknown");
  static final Set<String> LISTS = Set.of("address.lines", "address.localLines", "jurisdiction",
      "jurisdictionCountries");
  static final Set<String> PROVENANCE = Set.of("source", "kind", "sourceDate", "retrievedOn", "checkedOn", "confirmed",
      "note");
  /** The mission-wide provenance columns ({@code sourceKind} is the provenance's kind: {@code kind} is the mission's). */
  static final Set<String> MISSION_PROVENANCE = Set.of("source", "sourceKind", "sourceDate", "retrievedOn", "checkedOn",
      "confirmed", "note");

  private final List<String> names;
  private final String file;

  private CsvColumns(List<String> names, String file) {
    this.names = names;
    this.file = file;
  }

  /** The mission objects of a CSV file with a header row; none when the file or its header is bad. */
  static List<LocatedTree> toMissions(CsvRows rows, List<Problem> problems) {
    try {
      Optional<CsvRow> header = rows.next();
      if (header.isEmpty()) {
        problems.add(new Problem(new Location(rows.file(), 1, 1), "", "the file is empty: expected a header row"));
        return List.of();
      }
      Optional<CsvColumns> columns = header(header.get(), rows.file(), problems);
      List<LocatedTree> out = new ArrayList<>();
      for (Optional<CsvRow> row = rows.next(); row.isPresent() && columns.isPresent(); row = rows.next()) {
        columns.get().mission(row.get(), problems).ifPresent(out::add);
      }
      return out;
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
      return List.of();
    }
  }

  /** The column names; empty (with problems) when one is unknown or there is no id column. */
  private static Optional<CsvColumns> header(CsvRow header, String file, List<Problem> problems) {
    List<String> names = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < header.size(); i++) {
      String name = header.text(i).strip();
      names.add(name);
      if (!known(name)) {
        ok = false;
        problems.add(new Problem(header.at(i), name, "unknown column: use id, kind, name, localName, sendingState, "
            + "hostCountry, city, address.lines, address.city, address.region, address.postalCode, address.localLines, "
            + "address.streetUnknown, email, phone, fax, web, jurisdiction, jurisdictionCountries, latitude, longitude, "
            + "source, sourceKind, sourceDate, retrievedOn (or checkedOn), confirmed, note, or <fact>.source / <fact>.kind / "
            + "<fact>.retrievedOn / ... for a fact's own provenance"));
      }
    }
    if (!names.contains("id")) {
      problems.add(new Problem(header.size() == 0 ? Location.of(file) : header.at(0), "id",
          "the header has no 'id' column"));
      return Optional.empty();
    }
    return ok ? Optional.of(new CsvColumns(names, file)) : Optional.empty();
  }

  /** One row as a mission object; empty for a row of blank cells. */
  private Optional<LocatedTree> mission(CsvRow row, List<Problem> problems) {
    if (row.texts().stream().allMatch(String::isBlank)) {
      return Optional.empty();
    }
    Location rowAt = new Location(file, row.line(), 0);
    if (row.size() > names.size()) {
      problems.add(new Problem(row.at(names.size()), "", "this row has " + row.size() + " cells but the header names "
          + names.size() + " columns"));
    }
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    Map<String, Location> at = new HashMap<>();
    at.put("", rowAt);
    for (int i = 0; i < Math.min(row.size(), names.size()); i++) {
      String text = row.text(i).strip();
      if (!text.isEmpty()) {
        put(m, at, path(names.get(i)), value(names.get(i), text), row.at(i), rowAt);
      }
    }
    return Optional.of(LocatedTree.of(file, m, at));
  }

  /** Where a column's value goes in a mission object. */
  private static String path(String column) {
    if (column.equals("latitude") || column.equals("longitude")) {
      return "coordinate." + column.substring(0, 3);
    }
    if (MISSION_PROVENANCE.contains(column)) {
      return "sources.mission." + (column.equals("sourceKind") ? "kind" : column);
    }
    return SCALARS.contains(column) || LISTS.contains(column) || ADDRESS.contains(column) ? column
        : "sources." + column;
  }

  private static JsonNode value(String column, String text) {
    if (!LISTS.contains(column)) {
      return JsonNodeFactory.instance.textNode(text);
    }
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    for (String part : text.split("\\|")) {
      if (!part.isBlank()) {
        items.add(part.strip());
      }
    }
    return items;
  }

  /** Puts {@code value} at a dotted path, making the sections above it (located at the row). */
  private static void put(ObjectNode root, Map<String, Location> at, String path, JsonNode value, Location cell,
      Location rowAt) {
    String[] parts = path.split("\\.");
    ObjectNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
      at.putIfAbsent(String.join(".", List.of(parts).subList(0, i + 1)), rowAt);
    }
    parent.set(parts[parts.length - 1], value);
    at.put(path, cell);
    for (int k = 0; k < value.size(); k++) {
      at.put(path + "[" + k + "]", cell);
    }
  }

  private static boolean known(String col) {
    if (SCALARS.contains(col) || ADDRESS.contains(col) || LISTS.contains(col) || MISSION_PROVENANCE.contains(col)
        || col.equals("latitude") || col.equals("longitude")) {
      return true;
    }
    int dot = col.lastIndexOf('.');
    return dot > 0 && PROVENANCE.contains(col.substring(dot + 1)) && MissionRecord.FACTS.contains(col.substring(0, dot));
  }
}
