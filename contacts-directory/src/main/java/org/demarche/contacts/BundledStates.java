package org.demarche.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.demarche.contacts.internal.DirectoryFiles;
import org.demarche.contacts.internal.MissionRecord;
import org.demarche.contacts.internal.Regions;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Problem;

/**
 * The bundled missions of every sending state but the PRC (Wikidata CC0 extract), one resource per state, each
 * parsed on its first use and then kept: start-up reads only the list of states.
 */
final class BundledStates {
  private static final String WORLD = "/org/demarche/contacts/data/world/";
  static final BundledStates INSTANCE = new BundledStates();

  private final Set<String> states;
  private final Map<String, Optional<MissionDirectory>> loaded = new ConcurrentHashMap<>();

  private BundledStates() {
    Set<String> s = new TreeSet<>();
    try (InputStream in = BundledStates.class.getResourceAsStream(WORLD + "index.csv")) {
      if (in != null) {
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1)
            .forEach(l -> s.add(l.substring(0, l.indexOf(','))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.states = Set.copyOf(s);
  }

  /** The sending states with bundled missions here. */
  Set<String> states() {
    return states;
  }

  /** The directory of one sending state's missions, parsed on first use; empty for a state with none. */
  Optional<MissionDirectory> state(String sendingState) {
    if (!states.contains(sendingState)) {
      return Optional.empty();
    }
    return loaded.computeIfAbsent(sendingState, this::load);
  }

  private Optional<MissionDirectory> load(String state) {
    List<Problem> problems = new ArrayList<>();
    String resource = WORLD + state.toLowerCase(Locale.ROOT) + ".csv";
    Map<String, MissionRecord> records = new LinkedHashMap<>();
    DirectoryFiles.csvResource(resource, problems).orElseThrow().forEach(r -> records.put(r.id(), r));
    Map<String, DiplomaticMission> built = DirectoryFiles.build(records, problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the bundled directory data is invalid (a bug in contacts-directory): " + problems);
    }
    return Optional.of(new MissionDirectory(built.values(), Map.of(), records, Regions.bundled(), NONE));
  }

  /** No further states (a directory built from files or code). */
  static final BundledStates NONE = new BundledStates(Set.of());

  private BundledStates(Set<String> states) {
    this.states = states;
  }
}
