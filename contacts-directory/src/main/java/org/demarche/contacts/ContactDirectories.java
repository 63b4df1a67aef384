package org.demarche.contacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.demarche.contacts.internal.DirectoryFiles;
import org.demarche.contacts.internal.MissionRecord;
import org.demarche.contacts.internal.Regions;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.spi.ContactDirectory;

/**
 * The entry point of the contacts directory, usable without Guice.
 *
 * <pre>{@code
 * MissionDirectory bundled = ContactDirectories.bundled();            // shipped, sourced data
 * MissionDirectory corrected = ContactDirectories.open(               // with an NGO's corrections on top
 *     List.of("bundled", "corrections.json"), campaignFolder);
 * ServingMission s = corrected.servingMission("CN", Place.region("JP-27")).orElseThrow();
 * }</pre>
 *
 * <p>Directory files are JSON or CSV (schema in the module README). Layers are applied in order: a later
 * record with the id of an earlier one changes only the fields it gives (field-level merge), a new id adds a
 * mission. Every problem in every file is reported at once as an {@link InvalidInputException}, each with its
 * file, line and field.
 */
public final class ContactDirectories {
  /** The name of the shipped data in a list of layers. */
  public static final String BUNDLED = "bundled";

  private static final String DATA = "/org/demarche/contacts/data/";
  private static final List<String> BUNDLED_LAYERS =
      List.of("prc-worldwide.json", "prc-japan.json", "corrections.json");

  private ContactDirectories() {}

  /** The shipped data: parsed once, on first use, then shared. */
  public static MissionDirectory bundled() {
    return Bundled.DIRECTORY;
  }

  /** The missions of one JSON or CSV file; each record must be complete. */
  public static MissionDirectory fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    return open(List.of(file.toString()), Path.of(""));
  }

  /**
   * Opens {@code layers} in order: {@value #BUNDLED} is the shipped data, anything else a JSON or CSV file
   * relative to {@code baseDir}. Later layers override earlier ones by mission id, field by field.
   *
   * @throws InvalidInputException listing every problem in every file, with file, line and field
   */
  public static MissionDirectory open(List<String> layers, Path baseDir) {
    Objects.requireNonNull(layers, "layers");
    Objects.requireNonNull(baseDir, "baseDir");
    List<Problem> problems = new ArrayList<>();
    Map<String, MissionRecord> records = new LinkedHashMap<>();
    for (String layer : layers) {
      if (layer.equals(BUNDLED)) {
        records.putAll(Bundled.DIRECTORY.records());
      } else {
        DirectoryFiles.overlay(records, DirectoryFiles.read(baseDir.resolve(layer), layer, problems), problems);
      }
    }
    Map<String, DiplomaticMission> built = DirectoryFiles.build(records, problems);
    DirectoryFiles.throwIfAny(problems);
    return new MissionDirectory(built.values(), candidates(records), records, Regions.bundled(),
        layers.contains(BUNDLED) ? BundledStates.INSTANCE : BundledStates.NONE);
  }

  /**
   * Several directories as one: a later directory's mission replaces an earlier one with the same id as a
   * whole (to merge field by field, open the files as layers with {@link #open}).
   */
  public static MissionDirectory layered(List<? extends ContactDirectory> directories) {
    Map<String, DiplomaticMission> missions = new LinkedHashMap<>();
    Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
    Map<String, MissionRecord> records = new LinkedHashMap<>();
    for (ContactDirectory d : directories) {
      for (DiplomaticMission m : d.missions()) {
        missions.put(m.id(), m);
        candidates.remove(m.id());
        records.remove(m.id());
      }
      if (d instanceof MissionDirectory md) {
        candidates.putAll(md.allCandidates());
        records.putAll(md.records());
      }
    }
    return new MissionDirectory(missions.values(), candidates, records, Regions.bundled());
  }

  /** A directory of the given missions (built in code). */
  public static MissionDirectory of(Collection<DiplomaticMission> missions) {
    return new MissionDirectory(missions, Map.of(), Map.of(), Regions.bundled());
  }

  private static Map<String, List<Candidate>> candidates(Map<String, MissionRecord> records) {
    Map<String, List<Candidate>> out = new LinkedHashMap<>();
    records.forEach((id, r) -> {
      List<Candidate> all = new ArrayList<>();
      r.candidates().values().forEach(all::addAll);
      if (!all.isEmpty()) {
        out.put(id, List.copyOf(all));
      }
    });
    return out;
  }

  /** Holder: the JVM parses the bundled data once, on first use, thread-safely. */
  private static final class Bundled {
    static final MissionDirectory DIRECTORY = load();

    private static MissionDirectory load() {
      List<Problem> problems = new ArrayList<>();
      Map<String, MissionRecord> records = new LinkedHashMap<>();
      for (String layer : BUNDLED_LAYERS) {
        DirectoryFiles.overlay(records, DirectoryFiles.resource(DATA + layer, problems), problems);
      }
      Map<String, DiplomaticMission> built = DirectoryFiles.build(records, problems);
      if (!problems.isEmpty()) {
        throw new IllegalStateException("the bundled directory data is invalid (a bug in contacts-directory): "
            + problems);
      }
      return new MissionDirectory(built.values(), candidates(records), records, Regions.bundled(),
          BundledStates.INSTANCE);
    }
  }
}
