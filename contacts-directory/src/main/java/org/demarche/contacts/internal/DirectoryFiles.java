package org.demarche.contacts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Location;

/** Reads directory files into records and lays layers over each other by mission id. */
public final class DirectoryFiles {
  private DirectoryFiles() {}

  /** The records of one file, as named by the user ({@code name} is used in problem locations). */
  public static List<MissionRecord> read(Path path, String name, Problems problems) {
    String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean csv = lower.endsWith(".csv");
    if (!csv && !lower.endsWith(".json")) {
      problems.add(new Location(name, 1, 1), "", "a directory file must end in .json or .csv");
      return List.of();
    }
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return records(csv ? TreeReader.csv(in, name, problems) : TreeReader.json(in, name, problems), problems);
    } catch (NoSuchFileException e) {
      problems.add(new Location(name, 1, 1), "", "no such file (resolved to " + path.toAbsolutePath() + ")");
    } catch (java.nio.charset.MalformedInputException e) {
      problems.add(new Location(name, 1, 1), "", "not UTF-8 text: save the file as UTF-8");
    } catch (IOException e) {
      problems.add(new Location(name, 1, 1), "", "cannot be read: " + e.getMessage());
    }
    return List.of();
  }

  /** The records of a JSON resource shipped with this module. */
  public static List<MissionRecord> resource(String resource, Problems problems) {
    try (InputStream in = DirectoryFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource " + resource + " is missing from the jar");
      }
      return records(TreeReader.json(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled:" + resource,
          problems), problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<MissionRecord> records(List<Node> nodes, Problems problems) {
    List<MissionRecord> out = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    for (Node n : nodes) {
      MissionRecord.read(n, problems).ifPresent(r -> {
        Location first = seen.putIfAbsent(r.id(), r.location());
        if (first != null) {
          problems.add(r.location(), "id", "duplicate id " + r.id() + ": already used on line " + first.line()
              + "; a file gives each mission once");
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
  public static void overlay(Map<String, MissionRecord> base, List<MissionRecord> layer, Problems problems) {
    for (MissionRecord r : layer) {
      MissionRecord earlier = base.get(r.id());
      base.put(r.id(), earlier == null ? r : earlier.overlay(r, problems));
    }
  }

  /** Builds every record; problems for the ones that are incomplete or inconsistent. */
  public static Map<String, DiplomaticMission> build(Map<String, MissionRecord> records, Problems problems) {
    Map<String, DiplomaticMission> out = new LinkedHashMap<>();
    for (MissionRecord r : records.values()) {
      Optional<DiplomaticMission> m = r.build(problems);
      m.ifPresent(x -> out.put(x.id(), x));
    }
    return out;
  }
}
