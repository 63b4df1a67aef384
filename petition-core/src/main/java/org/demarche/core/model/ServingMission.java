package org.demarche.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The mission that serves a place, and the rule that chose it.
 *
 * @param mission the mission
 * @param rule how it was chosen
 * @param region the region the place was found to be in, when the rule used one
 * @param distanceKm the great-circle distance from the place, when a coordinate was known
 */
public record ServingMission(DiplomaticMission mission, Rule rule, Optional<String> region, Optional<Double> distanceKm) {
  /** How a serving mission was chosen. */
  public enum Rule {
    /** The place's region is in the mission's consular jurisdiction. */
    JURISDICTION,
    /** No jurisdiction is known for the place: the nearest mission by great-circle distance. */
    DISTANCE,
    /** Neither region nor coordinate matched: the host country's embassy. */
    EMBASSY_OF_COUNTRY
  }

  public ServingMission {
    Objects.requireNonNull(mission, "mission");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(distanceKm, "distanceKm");
  }
}
