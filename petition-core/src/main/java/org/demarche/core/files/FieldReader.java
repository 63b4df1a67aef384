package org.demarche.core.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * Reads typed fields out of a {@link LocatedTree}, collecting a located problem for each missing or
 * malformed one instead of stopping at the first.
 */
public final class FieldReader {
  private final LocatedTree tree;
  private final List<Problem> problems;

  public FieldReader(LocatedTree tree, List<Problem> problems) {
    this.tree = tree;
    this.problems = problems;
  }

  public LocatedTree tree() {
    return tree;
  }

  public List<Problem> problems() {
    return problems;
  }

  public void problem(String path, String message) {
    problems.add(new Problem(tree.at(path), path, message));
  }

  public Location at(String path) {
    return tree.at(path);
  }

  /** The node at a dotted path, or empty when absent or null. */
  public Optional<JsonNode> node(String path) {
    JsonNode n = tree.root();
    for (String part : path.split("\\.")) {
      if (n == null || !n.isObject()) {
        return Optional.empty();
      }
      n = n.get(part);
    }
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
  }

  public boolean has(String path) {
    return node(path).isPresent();
  }

  /** Refuses fields of the object at {@code path} not in {@code known}. */
  public void onlyKnown(String path, Set<String> known) {
    Optional<JsonNode> n = path.isEmpty() ? Optional.of(tree.root()) : node(path);
    if (n.isEmpty() || !n.get().isObject()) {
      return;
    }
    Iterator<String> names = n.get().fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        problem(path.isEmpty() ? name : path + "." + name,
            "unknown field '" + name + "'; valid fields here are " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  public boolean requireObject(String path) {
    Optional<JsonNode> n = node(path);
    if (n.isEmpty()) {
      problem(path, "is missing");
      return false;
    }
    if (!n.get().isObject()) {
      problem(path, "must be a section with fields, not " + describe(n.get()));
      return false;
    }
    return true;
  }

  public Optional<String> optText(String path) {
    Optional<JsonNode> n = node(path);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (!n.get().isTextual()) {
      problem(path, "must be text, not " + describe(n.get())
          + (n.get().isBoolean() ? " (write it in quotes if you mean the word)" : ""));
      return Optional.empty();
    }
    return Optional.of(n.get().asText());
  }

  public Optional<String> text(String path) {
    if (node(path).isEmpty()) {
      problem(path, "is missing");
      return Optional.empty();
    }
    return optText(path);
  }

  /** Converts a field with {@code convert}; an IllegalArgumentException becomes a problem with its message. */
  public <T> Optional<T> convert(String path, Optional<String> raw, Function<String, T> convert) {
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(convert.apply(raw.get()));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      problem(path, cleanMessage(e.getMessage(), path));
      return Optional.empty();
    }
  }

  public Optional<Boolean> optBoolean(String path) {
    Optional<JsonNode> n = node(path);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get().isBoolean()) {
      return Optional.of(n.get().booleanValue());
    }
    problem(path, "must be true or false, not " + describe(n.get()));
    return Optional.empty();
  }

  public List<String> textList(String path) {
    Optional<JsonNode> n = node(path);
    if (n.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (n.get().isTextual()) {
      out.add(n.get().asText());
      return out;
    }
    if (!n.get().isArray()) {
      problem(path, "must be a list, not " + describe(n.get()));
      return List.of();
    }
    for (int i = 0; i < n.get().size(); i++) {
      JsonNode e = n.get().get(i);
      if (e.isTextual()) {
        out.add(e.asText());
      } else {
        problems.add(new Problem(tree.at(path + "[" + i + "]"), path + "[" + i + "]", "must be text, not " + describe(e)));
      }
    }
    return out;
  }

  /** The scalar fields of the object at {@code path}, as text, with where each was written. */
  public Map<String, String> scalars(String path, Map<String, Location> locationsOut) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<JsonNode> n = node(path);
    if (n.isEmpty()) {
      return out;
    }
    if (!n.get().isObject()) {
      problem(path, "must be a section with fields, not " + describe(n.get()));
      return out;
    }
    n.get().fields().forEachRemaining(e -> {
      String child = path + "." + e.getKey();
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        out.put(e.getKey(), e.getValue().asText());
        locationsOut.put(e.getKey(), tree.at(child));
      } else if (e.getValue().isArray()) {
        List<String> items = new ArrayList<>();
        e.getValue().forEach(item -> items.add(item.asText()));
        out.put(e.getKey(), String.join(",", items));
        locationsOut.put(e.getKey(), tree.at(child));
      } else if (!e.getValue().isNull()) {
        problem(child, "must be a single value, not " + describe(e.getValue()));
      }
    });
    return out;
  }

  public static String describe(JsonNode n) {
    if (n.isObject()) {
      return "a section";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isBoolean()) {
      return "a true/false value";
    }
    String t = n.asText();
    return "'" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'";
  }

  /** Drops the field-name prefix that model validation puts in front of its messages. */
  public static String cleanMessage(String message, String path) {
    if (message == null) {
      return "is not valid";
    }
    String last = path.substring(path.lastIndexOf('.') + 1);
    for (String prefix : new String[] {path + " ", last + " "}) {
      if (message.startsWith(prefix)) {
        return message.substring(prefix.length());
      }
    }
    int space = message.indexOf(' ');
    if (space > 0 && message.substring(0, space).matches("[a-zA-Z.]+") && message.substring(space + 1).startsWith("must")) {
      return message.substring(space + 1);
    }
    return message;
  }
}
