package org.demarche.contacts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Provenance;
import org.demarche.core.model.Values;

/**
 * Reads the typed fields of one mission (a {@link LocatedTree} rooted at the mission object) into
 * {@code fields}, each bad value reported where it was written, with its path in the mission as the field.
 * A path that failed is remembered ({@link #invalid}) so that the mission is not also said to lack it.
 */
final class MissionFields {
  private static final Set<String> PROVENANCE = Set.of("source", "kind", "sourceDate", "retrievedOn", "checkedOn", "confirmed", "note");

  private final LocatedTree mission;
  private final List<Problem> problems;
  private final Map<String, MissionRecord.Field> fields;
  final Set<String> invalid = new HashSet<>();

  MissionFields(LocatedTree mission, List<Problem> problems, Map<String, MissionRecord.Field> fields) {
    this.mission = mission;
    this.problems = problems;
    this.fields = fields;
  }

  /** The value at a dotted path of the mission; a missing node when absent. */
  JsonNode node(String path) {
    JsonNode n = mission.root();
    for (String part : path.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  Location at(String path) {
    return mission.at(path);
  }

  void problem(String at, String field, String message) {
    problems.add(new Problem(mission.at(at), field, message));
  }

  private void bad(String at, String path, String message) {
    invalid.add(path);
    problem(at, path, message);
  }

  /** A one-line text at {@code path}, checked with {@code check} (which throws {@link Invalid}); null clears. */
  void text(String path, Function<String, Object> check) {
    written(path).flatMap(n -> checkedText(n, path, path, check))
        .ifPresent(v -> fields.put(path, new MissionRecord.Field(v, at(path))));
  }

  /** The node at {@code path} when it holds a value; a missing one leaves the field alone, a null clears it. */
  private Optional<JsonNode> written(String path) {
    JsonNode n = node(path);
    if (n.isNull()) {
      fields.put(path, new MissionRecord.Field(null, at(path)));
    }
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n);
  }

  private Optional<Object> checkedText(JsonNode n, String at, String path, Function<String, Object> check) {
    if (!n.isTextual() || n.asText().isBlank()) {
      bad(at, path, "must be a non-empty text, not " + describe(n));
      return Optional.empty();
    }
    String v = n.asText().strip();
    if (Values.firstLineBreakOrControl(v) >= 0) {
      bad(at, path, "must be a single line without control characters");
      return Optional.empty();
    }
    try {
      return Optional.of(check.apply(v));
    } catch (Invalid e) {
      bad(at, path, e.getMessage());
      return Optional.empty();
    }
  }

  /** A list of one-line texts at {@code path}, each checked; a jurisdiction list becomes a set. */
  void list(String path, Function<String, Object> check) {
    Optional<JsonNode> written = written(path);
    if (written.isEmpty()) {
      return;
    }
    JsonNode n = written.get();
    if (!n.isArray()) {
      bad(path, path, "must be a list of texts, not " + describe(n));
      return;
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      checkedText(n.get(i), path + "[" + i + "]", path, check).ifPresent(out::add);
    }
    if (out.size() == n.size()) {
      Object value = path.startsWith("jurisdiction") ? Set.copyOf(new LinkedHashSet<>(out)) : List.copyOf(out);
      fields.put(path, new MissionRecord.Field(value, at(path)));
    }
  }

  void bool(String path) {
    JsonNode n = node(path);
    if (n.isMissingNode()) {
      return;
    }
    Boolean b = booleanOf(n);
    if (b == null) {
      bad(path, path, "must be true or false, not " + describe(n));
    } else {
      fields.put(path, new MissionRecord.Field(b, at(path)));
    }
  }

  /** {@code coordinate: {lat, lon}}; null clears it. */
  void coordinate() {
    Optional<JsonNode> written = written("coordinate");
    if (written.isEmpty()) {
      return;
    }
    JsonNode n = written.get();
    if (!n.isObject()) {
      problem("coordinate", "coordinate", "must be an object {\"lat\": 35.68, \"lon\": 139.69}, not " + describe(n));
      return;
    }
    Double lat = degrees("coordinate.lat", -90, 90);
    Double lon = degrees("coordinate.lon", -180, 180);
    n.fieldNames().forEachRemaining(k -> {
      if (!k.equals("lat") && !k.equals("lon")) {
        problem("coordinate." + k, "coordinate." + k, "unknown field: use lat and lon");
      }
    });
    if (lat != null && lon != null) {
      fields.put("coordinate", new MissionRecord.Field(new Coordinate(lat, lon), at("coordinate")));
    }
  }

  private Double degrees(String path, double min, double max) {
    String name = path.endsWith("lat") ? "latitude" : "longitude";
    JsonNode n = node(path);
    if (n.isMissingNode()) {
      problem("coordinate", path, "missing: a coordinate needs both a latitude and a longitude");
      return null;
    }
    Double d = null;
    if (n.isTextual() || n.isNumber()) {
      try {
        d = Double.parseDouble(n.asText().strip());
      } catch (NumberFormatException e) {
        d = null;
      }
    }
    if (d == null || d.isNaN() || d < min || d > max) {
      bad(path, path, "the " + name + " must be a number from " + (int) min + " to " + (int) max
          + " in decimal degrees, not " + describe(n));
      return null;
    }
    return d;
  }

  /**
   * The provenance object at {@code at} ({@code sources.email}, {@code candidates.email[0]}), reported under
   * the field {@code path}; {@code extra} names further fields it may hold. {@code checkedOn} is read as
   * {@code retrievedOn}; without {@code kind}, a confirmed fact (the default) is taken as official and an
   * unconfirmed one as third-party; with a kind, {@code confirmed} defaults to whether that kind can confirm.
   */
  Optional<Provenance> provenance(String at, String path, Set<String> extra) {
    JsonNode n = node(at.replaceAll("\\[\\d+]$", ""));
    n = at.endsWith("]") ? n.path(Integer.parseInt(at.substring(at.lastIndexOf('[') + 1, at.length() - 1))) : n;
    if (!n.isObject()) {
      bad(at, path, "must be an object {source, kind, sourceDate, retrievedOn, confirmed, note}, not " + describe(n));
      return Optional.empty();
    }
    n.fieldNames().forEachRemaining(k -> {
      if (!PROVENANCE.contains(k) && !extra.contains(k)) {
        problem(at + "." + k, path + "." + k, "unknown field: use source, kind, sourceDate, retrievedOn, confirmed, note");
      }
    });
    Optional<String> source = source(n, at, path);
    String dateField = n.has("retrievedOn") || !n.has("checkedOn") ? "retrievedOn" : "checkedOn";
    Optional<LocalDate> date = date(n, dateField, at, path, true);
    Optional<LocalDate> sourceDate = n.has("sourceDate") ? date(n, "sourceDate", at, path, false) : Optional.empty();
    Optional<Provenance.Kind> kind = kind(n, at, path);
    Optional<Boolean> confirmed = confirmed(n, at, path, kind);
    JsonNode note = n.path("note");
    Optional<String> noteText = note.isTextual() && !note.asText().isBlank()
        ? Optional.of(note.asText().strip().replaceAll("\\s+", " ")) : Optional.empty();
    if (source.isEmpty() || date.isEmpty() || confirmed.isEmpty() || (n.has("kind") && kind.isEmpty())
        || (n.has("sourceDate") && sourceDate.isEmpty())) {
      return Optional.empty();
    }
    Provenance.Kind k = kind.orElse(confirmed.get() ? Provenance.Kind.OFFICIAL : Provenance.Kind.THIRD_PARTY);
    if (confirmed.get() && !k.canConfirm()) {
      problem(at + ".confirmed", path + ".confirmed", "a fact from a " + k.key() + " source cannot be confirmed: "
          + "only an official or government source confirms a fact (set confirmed to false, or cite such a source)");
      return Optional.empty();
    }
    if (sourceDate.isPresent() && sourceDate.get().isAfter(date.get())) {
      problem(at + ".sourceDate", path + ".sourceDate", "the source's date " + sourceDate.get()
          + " is after the day it was read (" + date.get() + ")");
      return Optional.empty();
    }
    return Optional.of(new Provenance(source.get(), k, sourceDate, date.get(), confirmed.get(), noteText));
  }

  private Optional<String> source(JsonNode n, String at, String path) {
    JsonNode source = n.path("source");
    if (!source.isTextual() || source.asText().isBlank()) {
      problem(source.isMissingNode() ? at : at + ".source", path + ".source", "missing: say where the fact comes from "
          + "(a URL or the name of a document)");
      return Optional.empty();
    }
    return Optional.of(source.asText().strip());
  }

  private Optional<LocalDate> date(JsonNode n, String field, String at, String path, boolean required) {
    JsonNode value = n.path(field);
    if (!value.isTextual()) {
      if (required || !value.isMissingNode()) {
        problem(value.isMissingNode() ? at : at + "." + field, path + "." + field, (value.isMissingNode() ? "missing: "
            : "must be a text: ") + "the date the source was read (retrievedOn), as YYYY-MM-DD");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.asText().strip()));
    } catch (DateTimeParseException e) {
      bad(at + "." + field, path + "." + field, "must be a date as YYYY-MM-DD, not '" + value.asText() + "'");
      return Optional.empty();
    }
  }

  private Optional<Provenance.Kind> kind(JsonNode n, String at, String path) {
    JsonNode kind = n.path("kind");
    if (kind.isMissingNode()) {
      return Optional.empty();
    }
    Optional<Provenance.Kind> k = kind.isTextual() ? Provenance.Kind.fromKey(kind.asText().strip()) : Optional.empty();
    if (k.isEmpty()) {
      bad(at + ".kind", path + ".kind", "must be official, government, open-data or third-party, not " + describe(kind));
    }
    return k;
  }

  private Optional<Boolean> confirmed(JsonNode n, String at, String path, Optional<Provenance.Kind> kind) {
    JsonNode conf = n.path("confirmed");
    if (conf.isMissingNode()) {
      return Optional.of(kind.map(Provenance.Kind::canConfirm).orElse(true));
    }
    Boolean b = booleanOf(conf);
    if (b == null) {
      problem(at + ".confirmed", path + ".confirmed", "must be true or false, not " + describe(conf));
    }
    return Optional.ofNullable(b);
  }

  private static Boolean booleanOf(JsonNode n) {
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (!n.isTextual()) {
      return null;
    }
    return switch (n.asText().strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> Boolean.TRUE;
      case "false", "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** How a value reads in a message. */
  static String describe(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return "null";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "a list";
    }
    return n.isTextual() ? "'" + n.asText() + "'" : n.asText();
  }

  /** A value that fails its check; carries the message for the problem. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }
}
