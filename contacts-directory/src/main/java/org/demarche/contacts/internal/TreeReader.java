package org.demarche.contacts.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.core.model.Location;

/**
 * Reads a directory file into located {@link Node}s: one object per mission. JSON is walked token by token
 * so that every value keeps its line and column; CSV rows become the same objects (see {@link CsvColumns}).
 */
final class TreeReader {
  // Directory files are small: bound what a hostile file can make the parser hold.
  private static final com.fasterxml.jackson.core.StreamReadConstraints LIMITS =
      com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxNestingDepth(64).maxStringLength(100_000).maxNumberLength(100).maxNameLength(1_000)
          .maxDocumentLength(16L * 1024 * 1024).build();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS)
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final CsvFactory CSV = CsvFactory.builder().streamReadConstraints(LIMITS).build();

  private TreeReader() {}

  /** The mission objects of a JSON file: a top-level object with "missions", or a bare array. */
  static List<Node> json(Reader in, String file, Problems problems) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(new Location(file, 1, 1), "", "the file is empty: expected an object with a \"missions\" list");
        return List.of();
      }
      Node root = value(p, file, problems);
      if (p.nextToken() != null) {
        problems.add(at(file, p.currentTokenLocation()), "", "unexpected content after the end of the top-level value");
      }
      Node missions = root;
      if (root.value() instanceof Map) {
        for (Map.Entry<String, Node> e : root.object().entrySet()) {
          switch (e.getKey()) {
            case "missions", "format", "description" -> { }
            default -> problems.add(e.getValue().at(), e.getKey(),
                "unknown top-level field: use \"missions\" (and optionally \"format\", \"description\")");
          }
        }
        missions = root.object().get("missions");
        if (missions == null) {
          problems.add(root.at(), "missions", "missing: the top-level object must hold a \"missions\" list");
          return List.of();
        }
      }
      if (!(missions.value() instanceof List)) {
        problems.add(missions.at(), "missions", "must be a list of mission objects, not " + missions.describe());
        return List.of();
      }
      List<Node> out = new ArrayList<>();
      int i = 0;
      for (Node m : missions.array()) {
        if (m.value() instanceof Map) {
          out.add(m);
        } else {
          problems.add(m.at(), "missions[" + i + "]", "must be a mission object, not " + m.describe());
        }
        i++;
      }
      return out;
    } catch (JsonProcessingException e) {
      problems.add(at(file, e.getLocation()), "", "not valid JSON: " + e.getOriginalMessage());
      return List.of();
    }
  }

  private static Node value(JsonParser p, String file, Problems problems) throws IOException {
    Location at = at(file, p.currentTokenLocation());
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Node> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          Location nameAt = at(file, p.currentTokenLocation());
          p.nextToken();
          Node v = value(p, file, problems);
          if (fields.containsKey(name)) {
            problems.add(nameAt, name, "given twice in one object (first on line " + fields.get(name).at().line() + ")");
          }
          fields.put(name, new Node(v.value(), nameAt));
        }
        return new Node(fields, at);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p, file, problems));
        }
        return new Node(items, at);
      }
      case VALUE_STRING:
        return new Node(p.getText(), at);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Node(p.getDoubleValue(), at);
      case VALUE_TRUE:
        return new Node(Boolean.TRUE, at);
      case VALUE_FALSE:
        return new Node(Boolean.FALSE, at);
      case VALUE_NULL:
        return new Node(null, at);
      default:
        problems.add(at, "", "unexpected " + t);
        return new Node(null, at);
    }
  }

  /** The mission objects of a CSV file with a header row. */
  static List<Node> csv(Reader in, String file, Problems problems) throws IOException {
    try (CsvParser p = CSV.createParser(in)) {
      p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      List<List<Node>> rows = new ArrayList<>();
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_ARRAY) {
        problems.add(new Location(file, 1, 1), "", "the file is empty: expected a header row");
        return List.of();
      }
      // The CSV parser reports no line numbers: count them, including newlines inside quoted cells.
      int line = 1;
      while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
        List<Node> cells = new ArrayList<>();
        int column = 1;
        int breaks = 0;
        while (p.nextToken() == JsonToken.VALUE_STRING) {
          String text = p.getText();
          cells.add(new Node(text, new Location(file, line, column++)));
          breaks += (int) text.chars().filter(c -> c == '\n').count();
        }
        rows.add(cells);
        line += 1 + breaks;
      }
      if (rows.isEmpty()) {
        problems.add(new Location(file, 1, 1), "", "the file is empty: expected a header row");
        return List.of();
      }
      return CsvColumns.toMissions(rows, file, problems);
    } catch (JsonProcessingException e) {
      problems.add(at(file, e.getLocation()), "", "not valid CSV: " + e.getOriginalMessage());
      return List.of();
    }
  }

  static Location at(String file, JsonLocation loc) {
    if (loc == null) {
      return new Location(file, 1, 1);
    }
    return new Location(file, Math.max(1, loc.getLineNr()), Math.max(0, loc.getColumnNr()));
  }
}
