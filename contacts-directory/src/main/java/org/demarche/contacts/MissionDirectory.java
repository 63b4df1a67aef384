package org.demarche.contacts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.demarche.contacts.internal.DistrictAreas;
import org.demarche.contacts.internal.MissionRecord;
import org.demarche.contacts.internal.Regions;
import org.demarche.contacts.internal.Text;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Place;
import org.demarche.core.model.ServingMission;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.MissionQuery;

/**
 * An immutable, in-memory, indexed {@link ContactDirectory}: every query answers from memory, no file is read.
 * Obtain one from {@link ContactDirectories}.
 *
 * <p>{@link #servingMission} applies, in order: the consular jurisdiction over the place's ISO 3166-2 region (a
 * coordinate in a country with region data, Japan, is first placed in its prefecture); else the nearest mission of
 * the sending state in the place's country by great-circle distance; else, without a coordinate, the sending
 * state's embassy in (or accredited to) that country; else the nearest mission of the sending state anywhere.
 */
public final class MissionDirectory implements ContactDirectory {
  private final List<DiplomaticMission> all;
  private final Map<String, DiplomaticMission> byId = new HashMap<>();
  private final Map<String, List<DiplomaticMission>> bySendingState = new HashMap<>();
  private final Map<String, List<DiplomaticMission>> byHostCountry = new HashMap<>();
  private final Map<String, List<DiplomaticMission>> byStateAndHost = new HashMap<>();
  private final Map<String, List<DiplomaticMission>> byStateAndRegion = new HashMap<>();
  private final Map<String, List<DiplomaticMission>> byRegion = new HashMap<>();
  private final Map<String, List<DiplomaticMission>> accreditedTo = new HashMap<>();
  private final Map<String, List<Candidate>> candidates;
  private final Map<String, MissionRecord> records;
  private final String[] folded;
  private final Regions regions;
  private final BundledStates others;
  private final DistrictAreas areas;

  MissionDirectory(Collection<DiplomaticMission> missions, Map<String, List<Candidate>> candidates,
      Map<String, MissionRecord> records, Regions regions) {
    this(missions, candidates, records, regions, BundledStates.NONE);
  }

  MissionDirectory(Collection<DiplomaticMission> missions, Map<String, List<Candidate>> candidates,
      Map<String, MissionRecord> records, Regions regions, BundledStates others) {
    this.others = others;
    this.areas = others == BundledStates.NONE ? DistrictAreas.none() : DistrictAreas.bundled();
    List<DiplomaticMission> sorted = new ArrayList<>(missions);
    sorted.sort(Comparator.comparing(DiplomaticMission::id));
    this.all = List.copyOf(sorted);
    this.candidates = Map.copyOf(candidates);
    this.records = Map.copyOf(records);
    this.regions = regions;
    this.folded = new String[all.size()];
    for (int i = 0; i < all.size(); i++) {
      DiplomaticMission m = all.get(i);
      if (byId.put(m.id(), m) != null) {
        throw new IllegalArgumentException("two missions have the id " + m.id());
      }
      add(bySendingState, m.sendingState(), m);
      add(byHostCountry, m.hostCountry(), m);
      add(byStateAndHost, m.sendingState() + "/" + m.hostCountry(), m);
      for (String r : m.jurisdiction()) {
        add(byRegion, r, m);
        add(byStateAndRegion, m.sendingState() + "/" + r, m);
      }
      for (String c : m.jurisdictionCountries()) {
        add(accreditedTo, m.sendingState() + "/" + c, m);
      }
      StringBuilder hay = new StringBuilder().append(m.name()).append('\u0000').append(m.city()).append('\u0000')
          .append(m.address().city());
      m.localName().ifPresent(n -> hay.append('\u0000').append(n));
      m.address().localLines().forEach(l -> hay.append('\u0000').append(l));
      folded[i] = Text.fold(hay.toString());
    }
  }

  private static void add(Map<String, List<DiplomaticMission>> index, String key, DiplomaticMission m) {
    index.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
  }

  /**
   * The missions held in memory: for the bundled directory, the PRC's (the other sending states are parsed when
   * a query names them; see {@link #allStates()}).
   */
  @Override
  public List<DiplomaticMission> missions() {
    return all;
  }

  /** Every mission of every sending state, loading each bundled state not yet used (sorted by id). */
  public List<DiplomaticMission> allStates() {
    List<DiplomaticMission> out = new ArrayList<>(all);
    for (String state : others.states()) {
      if (!bySendingState.containsKey(state)) {
        others.state(state).ifPresent(d -> out.addAll(d.missions()));
      }
    }
    out.sort(Comparator.comparing(DiplomaticMission::id));
    return out;
  }

  /** The sending states this directory can answer for. */
  public java.util.Set<String> sendingStates() {
    java.util.Set<String> s = new java.util.TreeSet<>(bySendingState.keySet());
    s.addAll(others.states());
    return s;
  }

  /** The directory of a sending state held apart (parsed on first use), when this one holds none of its missions. */
  private Optional<MissionDirectory> other(String sendingState) {
    return bySendingState.containsKey(sendingState) ? Optional.empty() : others.state(sendingState);
  }

  @Override
  public Optional<DiplomaticMission> byId(String id) {
    DiplomaticMission m = byId.get(Objects.requireNonNull(id, "id"));
    if (m != null || id.length() < 3 || id.charAt(2) != '-') {
      return Optional.ofNullable(m);
    }
    return other(id.substring(0, 2).toUpperCase(java.util.Locale.ROOT)).flatMap(d -> d.byId(id));
  }

  @Override
  public List<DiplomaticMission> find(MissionQuery query) {
    Objects.requireNonNull(query, "query");
    if (query.sendingState().isPresent()) {
      Optional<MissionDirectory> state = other(query.sendingState().get());
      if (state.isPresent()) {
        return state.get().find(query);
      }
    }
    List<DiplomaticMission> from;
    if (query.sendingState().isPresent() && query.region().isPresent()) {
      from = byStateAndRegion.get(query.sendingState().get() + "/" + query.region().get());
    } else if (query.sendingState().isPresent() && query.hostCountry().isPresent()) {
      from = byStateAndHost.get(query.sendingState().get() + "/" + query.hostCountry().get());
    } else if (query.region().isPresent()) {
      from = byRegion.get(query.region().get());
    } else if (query.hostCountry().isPresent()) {
      from = byHostCountry.get(query.hostCountry().get());
    } else if (query.sendingState().isPresent()) {
      from = bySendingState.get(query.sendingState().get());
    } else {
      from = all;
    }
    if (from == null) {
      return List.of();
    }
    return from.stream().filter(query::matches).toList();
  }

  @Override
  public Optional<ServingMission> servingMission(String sendingState, Place place) {
    Objects.requireNonNull(sendingState, "sendingState");
    Objects.requireNonNull(place, "place");
    Optional<MissionDirectory> state = other(sendingState);
    if (state.isPresent()) {
      return state.get().servingMission(sendingState, place);
    }
    List<DiplomaticMission> ofState = bySendingState.get(sendingState);
    if (ofState == null) {
      return Optional.empty();
    }
    Optional<Coordinate> at = place.coordinate();
    Optional<String> region = place.region().or(() -> at.flatMap(c -> regions.regionAt(place.country(), c)));
    Optional<DistrictAreas.Area> area = at.flatMap(c -> areas.at(sendingState, place.country(), c));
    if (area.isPresent() && byId.containsKey(area.get().addedTo())) {
      return Optional.of(answer(byId.get(area.get().addedTo()), ServingMission.Rule.JURISDICTION, region, at));
    }
    if (region.isPresent()) {
      List<DiplomaticMission> serving = byStateAndRegion.get(sendingState + "/" + region.get());
      if (serving != null && area.isPresent()) {
        Set<String> carved = area.get().carvedOutOf();
        serving = serving.stream().filter(m -> !carved.contains(m.id())).toList();
        serving = serving.isEmpty() ? null : serving;
      }
      if (serving != null) {
        Coordinate from = at.or(() -> regions.region(region.get()).map(Regions.Region::office)).orElse(null);
        DiplomaticMission m = from == null ? serving.get(0) : nearest(serving, from).orElse(serving.get(0));
        return Optional.of(answer(m, ServingMission.Rule.JURISDICTION, region, at));
      }
    }
    Optional<Coordinate> point = at.or(() -> region.flatMap(regions::region).map(Regions.Region::office));
    List<DiplomaticMission> inCountry = byStateAndHost.getOrDefault(sendingState + "/" + place.country(), List.of());
    if (point.isPresent()) {
      Optional<DiplomaticMission> near = nearest(inCountry, point.get());
      if (near.isPresent()) {
        return Optional.of(answer(near.get(), ServingMission.Rule.DISTANCE, region, at));
      }
    }
    Optional<DiplomaticMission> embassy = inCountry.stream().filter(m -> m.kind() == MissionKind.EMBASSY).findFirst()
        .or(() -> accreditedTo.getOrDefault(sendingState + "/" + place.country(), List.of()).stream()
            .filter(m -> m.kind() == MissionKind.EMBASSY).findFirst());
    if (embassy.isPresent()) {
      return Optional.of(answer(embassy.get(), ServingMission.Rule.EMBASSY_OF_COUNTRY, region, at));
    }
    if (point.isPresent()) {
      return nearest(ofState, point.get()).map(m -> answer(m, ServingMission.Rule.DISTANCE, region, at));
    }
    return Optional.empty();
  }

  private static Optional<DiplomaticMission> nearest(List<DiplomaticMission> missions, Coordinate from) {
    DiplomaticMission best = null;
    double bestKm = Double.MAX_VALUE;
    for (DiplomaticMission m : missions) {
      if (m.coordinate().isPresent()) {
        double km = m.coordinate().get().distanceKm(from);
        if (km < bestKm) {
          bestKm = km;
          best = m;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static ServingMission answer(DiplomaticMission m, ServingMission.Rule rule, Optional<String> region,
      Optional<Coordinate> at) {
    Optional<Double> km = at.flatMap(a -> m.coordinate().map(c -> c.distanceKm(a)));
    return new ServingMission(m, rule, region, km);
  }

  @Override
  public List<DiplomaticMission> search(String text) {
    Objects.requireNonNull(text, "text");
    String[] words = Text.fold(text).strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return List.of();
    }
    List<DiplomaticMission> out = new ArrayList<>();
    outer:
    for (int i = 0; i < folded.length; i++) {
      for (String w : words) {
        if (!folded[i].contains(w)) {
          continue outer;
        }
      }
      out.add(all.get(i));
    }
    return out;
  }

  /**
   * The unconfirmed values kept for a mission's facts (an email seen only in an old page, say), each with its
   * provenance. They are never used to send a letter.
   */
  public List<Candidate> candidates(String id) {
    return candidates.getOrDefault(Objects.requireNonNull(id, "id"), List.of());
  }

  /**
   * Whether a letter can be posted to this mission: false when no street address is known (the source gave
   * only the city), in which case a correction file must supply it first.
   */
  public static boolean hasStreetAddress(DiplomaticMission mission) {
    return mission.address().isPostable();
  }

  /**
   * Which district rule decides for {@code place}: the area a published district adds to a mission (or carves out
   * of another's region) when the place lies in one, else the region rule; empty when no district is known there
   * (the answer then goes by distance and says so).
   */
  public Optional<String> districtRule(String sendingState, Place place) {
    Optional<MissionDirectory> state = other(sendingState);
    if (state.isPresent()) {
      return state.get().districtRule(sendingState, place);
    }
    Optional<DistrictAreas.Area> area = place.coordinate().flatMap(c -> areas.at(sendingState, place.country(), c));
    if (area.isPresent()) {
      return Optional.of(area.get().describe() + " added to " + area.get().addedTo());
    }
    Optional<ServingMission> s = servingMission(sendingState, place);
    if (s.isPresent() && s.get().rule() == ServingMission.Rule.JURISDICTION) {
      DiplomaticMission m = s.get().mission();
      return Optional.of("region " + s.get().region().orElse("?") + " in the district of " + m.id() + " (source: "
          + m.provenanceOf("jurisdiction").source() + ", " + m.provenanceOf("jurisdiction").kind().key() + ")");
    }
    return Optional.empty();
  }

  /** The ISO 3166-2 region that {@code at} falls in, for countries with region data (Japan). */
  public Optional<String> regionAt(String country, Coordinate at) {
    return regions.regionAt(Objects.requireNonNull(country, "country"), Objects.requireNonNull(at, "at"));
  }

  Map<String, MissionRecord> records() {
    return records;
  }

  Map<String, List<Candidate>> allCandidates() {
    return candidates;
  }
}
