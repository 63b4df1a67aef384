package org.demarche.voice;

import java.util.Locale;
import java.util.Objects;
import org.demarche.core.model.Countries;
import org.demarche.core.model.Place;
import org.demarche.core.model.ServingMission;

/**
 * Which mission a supporter's letter goes through, and why.
 *
 * @param supporter the supporter
 * @param place the place looked up (its country inferred when only a coordinate was given)
 * @param serving the mission and the rule that chose it
 * @param countryInferred true when the supporter gave no country and it was taken from the nearest mission
 */
public record Routing(Supporter supporter, Place place, ServingMission serving, boolean countryInferred) {
  public Routing {
    Objects.requireNonNull(supporter, "supporter");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(serving, "serving");
  }

  /** One sentence a supporter can read: which mission, by which rule. */
  public String explanation() {
    String mission = serving.mission().name();
    String km = serving.distanceKm().map(d -> String.format(Locale.ROOT, " (%.0f km away)", d)).orElse("");
    String country = Countries.englishName(place.country());
    String why = switch (serving.rule()) {
      case JURISDICTION -> "its consular district covers " + serving.region().orElse(place.country());
      case DISTANCE -> "it is the nearest mission" + km + " of " + serving.mission().sendingState()
          + (serving.mission().hostCountry().equals(place.country()) ? " in " + country : " to " + country)
          + " (no consular district is known there)";
      case EMBASSY_OF_COUNTRY -> "it is the embassy for " + country + " (no region or coordinate narrowed it down)";
    };
    return mission + " serves this supporter: " + why + " [rule " + serving.rule() + "]"
        + (countryInferred ? "; the country " + place.country() + " was inferred from the coordinate" : "");
  }
}
