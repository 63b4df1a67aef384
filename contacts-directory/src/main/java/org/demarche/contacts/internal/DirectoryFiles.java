package org.demarche.contacts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.files.CsvRows;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.files.ReadLimits;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * Reads directory files into records, on petition-core's located readers ({@link LocatedTree} for JSON,
 * {@link CsvRows} for CSV) and within their limits, and lays layers over each other by mission id.
 */
public final class DirectoryFiles {
  private DirectoryFiles() {}

  /** The records of one file, as named by the user ({@code name} is used in problem locations). */
  public static List<MissionRecord> read(Path path, String name, List<Problem> problems) {
    String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean csv = lower.endsWith(".csv");
    if (!csv && !lower.endsWith(".json")) {
      problems.add(new Problem(new Location(name, 1, 1), "", "a directory file must end in .json or .csv"));
      return List.of();
    }
    if (!Files.isRegularFile(path)) {
      problems.add(new Problem(new Location(name, 1, 1), "", "no such file (resolved to " + path.toAbsolutePath() + ")"));
      return List.of();
    }
    if (!csv) {
      return LocatedTree.read(path, name, problems).map(tree -> records(missions(tree, problems), problems))
          .orElse(List.of());
    }
    try {
      Optional<Problem> tooLarge = ReadLimits.tooLarge(path, name);
      if (tooLarge.isPresent()) {
        problems.add(tooLarge.get());
        return List.of();
      }
      try (CsvRows rows = CsvRows.open(path, name)) {
        return records(CsvColumns.toMissions(rows, problems), problems);
      }
    } catch (IOException | UncheckedIOException e) {
      problems.add(new Problem(new Location(name, 1, 1), "", "cannot be read: " + e.getMessage()));
      return List.of();
    }
  }

  /** The records of a JSON resource shipped with this module. */
  public static List<MissionRecord> resource(String resource, List<Problem> problems) {
    try (InputStream in = DirectoryFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource " + resource + " is missing from the jar");
      }
      return LocatedTree.read(in, "bundled:" + resource, true, problems)
          .map(tree -> records(missions(tree, problems), problems)).orElse(List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The records of a CSV resource shipped with this module (one sending state's missions); empty when absent. */
  public static Optional<List<MissionRecord>> csvResource(String resource, List<Problem> problems) {
    try (InputStream in = DirectoryFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      try (CsvRows rows = CsvRows.of(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8),
          "bundled:" + resource)) {
        return Optional.of(records(CsvColumns.toMissions(rows, problems), problems));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mission objects of a JSON file: a top-level object with "missions", or a bare array. */
  private static List<LocatedTree> missions(LocatedTree tree, List<Problem> problems) {
    JsonNode root = tree.root();
    String list = "";
    if (root.isObject()) {
      root.fieldNames().forEachRemaining(key -> {
        if (!List.of("missions", "format", "description").contains(key)) {
          problems.add(new Problem(tree.at(key), key,
              "unknown top-level field: use \"missions\" (and optionally \"format\", \"description\")"));
        }
      });
      if (!root.has("missions")) {
        problems.add(new Problem(tree.at(""), "missions", "missing: the top-level object must hold a \"missions\" list"));
        return List.of();
      }
      list = "missions";
    }
    JsonNode missions = list.isEmpty() ? root : root.get(list);
    if (!missions.isArray()) {
      problems.add(new Problem(tree.at(list), "missions", "must be a list of mission objects, not "
          + MissionFields.describe(missions)));
      return List.of();
    }
    List<LocatedTree> out = new ArrayList<>();
    for (int i = 0; i < missions.size(); i++) {
      String path = list + "[" + i + "]";
      if (missions.get(i).isObject()) {
        out.add(tree.subtree(path).orElseThrow());
      } else {
        problems.add(new Problem(tree.at(path), "missions[" + i + "]", "must be a mission object, not "
            + MissionFields.describe(missions.get(i))));
      }
    }
    return out;
  }

  private static List<MissionRecord> records(List<LocatedTree> missions, List<Problem> problems) {
    List<MissionRecord> out = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    for (LocatedTree m : missions) {
      MissionReader.read(m, problems).ifPresent(r -> {
        Location first = seen.putIfAbsent(r.id(), r.location());
        if (first != null) {
          problems.add(new Problem(r.location(), "id", "duplicate id " + r.id() + ": already used on line "
              + first.line() + "; a file gives each mission once"));
        } else {
          out.add(r);
        }
      });
    }
    return out;
  }

  /**
   * Lays {@code layer} over {@code base}: a record whose id is already there is merged field by field, a new id
   * is added.
   */
  public static void overlay(Map<String, MissionRecord> base, List<MissionRecord> layer, List<Problem> problems) {
    for (MissionRecord r : layer) {
      MissionRecord earlier = base.get(r.id());
      base.put(r.id(), earlier == null ? r : earlier.overlay(r, problems));
    }
  }

  /** Builds every record; problems for the ones that are incomplete or inconsistent. */
  public static Map<String, DiplomaticMission> build(Map<String, MissionRecord> records, List<Problem> problems) {
    Map<String, DiplomaticMission> out = new LinkedHashMap<>();
    for (MissionRecord r : records.values()) {
      Optional<DiplomaticMission> m = r.build(problems);
      m.ifPresent(x -> out.put(x.id(), x));
    }
    return out;
  }

  /** Throws {@link InvalidInputException} holding every problem, in file, line and column order, if there is any. */
  public static void throwIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparing((Problem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparingInt(p -> p.location().column()));
      throw new InvalidInputException(sorted);
    }
  }
}
