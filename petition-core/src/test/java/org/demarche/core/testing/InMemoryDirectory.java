package org.demarche.core.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Place;
import org.demarche.core.model.ServingMission;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.MissionQuery;

/** A directory over a fixed list, for tests of the engine. */
public final class InMemoryDirectory implements ContactDirectory {
  private final List<DiplomaticMission> missions;

  public InMemoryDirectory(List<DiplomaticMission> missions) {
    this.missions = missions.stream().sorted(Comparator.comparing(DiplomaticMission::id)).toList();
  }

  @Override
  public List<DiplomaticMission> missions() {
    return missions;
  }

  @Override
  public Optional<DiplomaticMission> byId(String id) {
    return missions.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  @Override
  public List<DiplomaticMission> find(MissionQuery query) {
    return missions.stream().filter(query::matches).toList();
  }

  @Override
  public Optional<ServingMission> servingMission(String sendingState, Place place) {
    return missions.stream()
        .filter(m -> m.sendingState().equals(sendingState) && place.region().map(m.jurisdiction()::contains).orElse(false))
        .findFirst()
        .map(m -> new ServingMission(m, ServingMission.Rule.JURISDICTION, place.region(), Optional.empty()));
  }

  @Override
  public List<DiplomaticMission> search(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return missions.stream().filter(m -> (m.name() + " " + m.city()).toLowerCase(Locale.ROOT).contains(t)).toList();
  }
}
