package org.demarche.core.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML or JSON document read into a tree, with the line and column of every field, so that a
 * problem found while validating can name where it was written. Reading is hardened against hostile
 * files: bounded size, nesting, string length and YAML aliases, and duplicate keys are refused.
 */
public final class LocatedTree {
  /** {@link ReadLimits#MAX_FILE_BYTES}: the largest file read whole (long lists belong in CSV files, which stream). */
  public static final long MAX_FILE_BYTES = ReadLimits.MAX_FILE_BYTES;
  private static final StreamReadConstraints LIMITS = ReadLimits.constraints(true);

  private final JsonNode root;
  private final Map<String, Location> locations;
  private final String file;
  /** The path of {@link #root} in the tree it was read as; "" for a whole document. */
  private final String prefix;

  private LocatedTree(JsonNode root, Map<String, Location> locations, String file, String prefix) {
    this.root = root;
    this.locations = locations;
    this.file = file;
    this.prefix = prefix;
  }

  /**
   * A tree assembled by the reader of another format (a CSV row read as an object, say): {@code locations}
   * maps each path ({@code address.lines}, {@code ids[2]}, "" for the root) to where it was written.
   */
  public static LocatedTree of(String file, JsonNode root, Map<String, Location> locations) {
    return new LocatedTree(Objects.requireNonNull(root, "root"), Map.copyOf(locations), Objects.requireNonNull(file, "file"), "");
  }

  /** Reads {@code path} (YAML unless it ends in .json); parse failures become problems and an empty result. */
  public static Optional<LocatedTree> read(Path path, String displayName, List<Problem> problems) {
    // Checked as UTF-8 first, so that a bad byte is reported at its own line and a UTF-16 file by name.
    Optional<String> text = Utf8Input.readText(path, displayName, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return read(new java.io.ByteArrayInputStream(text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        displayName, path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"), problems);
  }

  /** Reads a YAML (or, with {@code json}, JSON) document from {@code in}; parse failures become problems. */
  public static Optional<LocatedTree> read(InputStream in, String displayName, boolean json, List<Problem> problems) {
    JsonFactory factory = json ? jsonFactory() : yamlFactory();
    Map<String, Location> locations = new HashMap<>();
    JsonParser parser = null;
    try (JsonParser p = factory.createParser(in)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(new Problem(new Location(displayName, 1, 1), "", "the file is empty"));
        return Optional.empty();
      }
      JsonNode root = readValue(p, "", locations, displayName);
      if (p.nextToken() != null) {
        problems.add(new Problem(location(p.currentTokenLocation(), displayName), "",
            "unexpected content after the end of the document"));
        return Optional.empty();
      }
      return Optional.of(new LocatedTree(root, locations, displayName, ""));
    } catch (Refused e) {
      problems.add(new Problem(e.location, e.field, e.getMessage()));
    } catch (IOException | RuntimeException e) {
      Problem problem = parseProblem(e, displayName);
      if (problem.location().line() == 0 && parser != null) {
        // Limits (nesting, lengths) are reported without a location: use where the parser stopped.
        problem = new Problem(location(parser.currentLocation(), displayName), problem.field(), problem.message());
      }
      if (problem.location().line() == 0) {
        problem = new Problem(new Location(displayName, 1, 1), problem.field(), problem.message());
      }
      problems.add(problem);
    }
    return Optional.empty();
  }

  private static Problem parseProblem(Exception e, String file) {
    Optional<Problem> yaml = YamlErrors.explain(e, file);
    if (yaml.isPresent()) {
      return yaml.get();
    }
    Location where = Location.of(file);
    String message = String.valueOf(e.getMessage());
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
      where = location(jpe.getLocation(), file);
      message = jpe.getOriginalMessage();
    }
    // Keep the first line: the rest of parser messages repeats the source and the location.
    int nl = message.indexOf('\n');
    if (nl > 0) {
      message = message.substring(0, nl);
    }
    if (e instanceof StreamConstraintsException && message.startsWith("String value length")) {
      return new Problem(where, "", "a value is longer than " + ReadLimits.MAX_STRING_CHARS + " characters");
    }
    if (e instanceof StreamConstraintsException && message.startsWith("Name length")) {
      return new Problem(where, "", "a key is longer than " + ReadLimits.MAX_KEY_CHARS + " characters");
    }
    java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(message);
    if (dup.find()) {
      return new Problem(where, "", "the key '" + dup.group(1) + "' appears twice in one section; keep one");
    }
    if (message.length() > 300) {
      message = message.substring(0, 300) + "...";
    }
    return new Problem(where, "", "not valid " + (file.endsWith(".json") ? "JSON" : "YAML") + ": " + message);
  }

  private static JsonNode readValue(JsonParser p, String path, Map<String, Location> locations, String file)
      throws IOException {
    JsonToken t = p.currentToken();
    locations.putIfAbsent(path, location(p.currentTokenLocation(), file));
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // The parser hands an alias over as its anchor's name, a silently different value. Refused rather
      // than resolved: a campaign is short, an alias saves little, and a reader sees each value where it is.
      throw new Refused(location(p.currentTokenLocation(), file), path,
          "anchors and aliases are not supported: write the value out (here *" + p.getText() + ")");
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (t) {
      case START_OBJECT: {
        ObjectNode obj = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = path.isEmpty() ? name : path + "." + name;
          Location at = location(p.currentTokenLocation(), file);
          if (obj.has(name)) {
            throw new Refused(at, child, "the key appears twice in one object; keep one");
          }
          if (name.length() > ReadLimits.MAX_KEY_CHARS) {
            throw new Refused(at, "", "a key is longer than " + ReadLimits.MAX_KEY_CHARS + " characters");
          }
          locations.put(child, at);
          p.nextToken();
          obj.set(name, readValue(p, child, locations, file));
        }
        return obj;
      }
      case START_ARRAY: {
        ArrayNode arr = nodes.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          arr.add(readValue(p, path + "[" + i + "]", locations, file));
          i++;
        }
        return arr;
      }
      case VALUE_STRING:
        // The YAML parser does not apply Jackson's string limit itself.
        if (p.getTextLength() > ReadLimits.MAX_STRING_CHARS) {
          throw new Refused(location(p.currentTokenLocation(), file), path,
              "a value is longer than " + ReadLimits.MAX_STRING_CHARS + " characters");
        }
        return nodes.textNode(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        // Numbers are kept as written: the loader converts each where it expects one.
        return nodes.textNode(p.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        // YAML 1.1 reads yes, no, on, off, y and n as booleans: keep them as the text written, so that a
        // true/false field refuses "draft: yes" and a text field keeps "country: NO" (Norway).
        if (p instanceof YAMLParser && !p.getText().equals("true") && !p.getText().equals("false")) {
          return nodes.textNode(p.getText());
        }
        return nodes.booleanNode(t == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw new IOException("unexpected " + t);
    }
  }

  private static Location location(JsonLocation l, String file) {
    return new Location(file, Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
  }

  private static JsonFactory jsonFactory() {
    return JsonFactory.builder()
        .streamReadConstraints(LIMITS)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  private static JsonFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(ReadLimits.MAX_ALIASES);
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(ReadLimits.MAX_NESTING);
    options.setCodePointLimit((int) ReadLimits.MAX_FILE_BYTES);
    options.setAllowRecursiveKeys(false);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(LIMITS).build();
  }

  /** The document's root value (an object, a list, or a single value). */
  public JsonNode root() {
    return root;
  }

  /** The file's name as given when it was read. */
  public String file() {
    return file;
  }

  /**
   * The value at {@code path} ({@code missions[3]}, {@code sender.address}) as a tree of its own, whose
   * paths start from it and whose locations stay those of this file; empty when there is no such value.
   */
  public Optional<LocatedTree> subtree(String path) {
    JsonNode n = root;
    for (String part : path.replace("[", ".[").split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      n = part.startsWith("[") ? n.path(Integer.parseInt(part.substring(1, part.length() - 1))) : n.path(part);
    }
    return n.isMissingNode() ? Optional.empty() : Optional.of(new LocatedTree(n, locations, file, join(prefix, path)));
  }

  private static String join(String parent, String path) {
    return parent.isEmpty() || path.isEmpty() || path.startsWith("[") ? parent + path : parent + "." + path;
  }

  /** Where the field at {@code path} (e.g. {@code sender.email}, {@code ids[2]}) was written, else its nearest parent. */
  public Location at(String path) {
    String p = join(prefix, path);
    while (p.length() > prefix.length()) {
      Location l = locations.get(p);
      if (l != null) {
        return l;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? "" : p.substring(0, cut);
    }
    return locations.getOrDefault(prefix, new Location(file, 1, 1));
  }

  /** A document refused by this reader's own checks (a duplicate key, a limit), with where. */
  private static final class Refused extends RuntimeException {
    final transient Location location;
    final String field;

    Refused(Location location, String field, String message) {
      super(message, null, false, false);
      this.location = location;
      this.field = field;
    }
  }
}
