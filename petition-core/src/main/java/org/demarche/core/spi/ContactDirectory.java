package org.demarche.core.spi;

import java.util.List;
import java.util.Optional;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Place;
import org.demarche.core.model.ServingMission;

/**
 * A source of diplomatic missions. Implementations answer from memory: no file is read per query.
 */
public interface ContactDirectory {

  /** Every mission, ordered by id. */
  List<DiplomaticMission> missions();

  /** The mission with this id. */
  Optional<DiplomaticMission> byId(String id);

  /** The missions that match {@code query}, ordered by id. */
  List<DiplomaticMission> find(MissionQuery query);

  /**
   * The mission of {@code sendingState} that serves {@code place}: by consular jurisdiction over the
   * place's region first, by great-circle distance where no jurisdiction is known. Empty when the
   * sending state has no mission that could serve the place.
   */
  Optional<ServingMission> servingMission(String sendingState, Place place);

  /** Missions whose name, local name or city contain {@code text} (case- and accent-insensitive, any script). */
  List<DiplomaticMission> search(String text);
}
