package org.demarche.core.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.MissionKind;

/**
 * A filter over missions; empty fields match everything.
 *
 * @param sendingState only missions of this state
 * @param hostCountry only missions in this country
 * @param kinds only these kinds (empty: all)
 * @param region only missions whose jurisdiction includes this ISO 3166-2 region
 */
public record MissionQuery(
    Optional<String> sendingState, Optional<String> hostCountry, Set<MissionKind> kinds, Optional<String> region) {
  public MissionQuery {
    Objects.requireNonNull(sendingState, "sendingState");
    Objects.requireNonNull(hostCountry, "hostCountry");
    kinds = Set.copyOf(kinds);
    Objects.requireNonNull(region, "region");
  }

  public static MissionQuery all() {
    return new MissionQuery(Optional.empty(), Optional.empty(), Set.of(), Optional.empty());
  }

  public MissionQuery sendingState(String code) {
    return new MissionQuery(Optional.of(code), hostCountry, kinds, region);
  }

  public MissionQuery hostCountry(String code) {
    return new MissionQuery(sendingState, Optional.of(code), kinds, region);
  }

  public MissionQuery kinds(Set<MissionKind> k) {
    return new MissionQuery(sendingState, hostCountry, k, region);
  }

  public MissionQuery region(String code) {
    return new MissionQuery(sendingState, hostCountry, kinds, Optional.of(code));
  }

  public boolean matches(DiplomaticMission m) {
    return sendingState.map(m.sendingState()::equals).orElse(true)
        && hostCountry.map(m.hostCountry()::equals).orElse(true)
        && (kinds.isEmpty() || kinds.contains(m.kind()))
        && region.map(m.jurisdiction()::contains).orElse(true);
  }
}
