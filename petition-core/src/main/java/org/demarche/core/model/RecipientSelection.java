package org.demarche.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which missions receive a campaign's letters: explicit ids, or every mission that matches a filter.
 *
 * @param directories the directories to read, later ones overriding earlier ones by mission id:
 *     {@code bundled} for the data shipped with contacts-directory, or a JSON/CSV file path
 * @param ids explicit mission ids; when not empty, the filter is not used
 * @param sendingState only missions of this sending state
 * @param hostCountry only missions in this host country
 * @param kinds only missions of these kinds (empty: all kinds)
 */
public record RecipientSelection(
    List<String> directories, List<String> ids, Optional<String> sendingState, Optional<String> hostCountry,
    Set<MissionKind> kinds) {

  public RecipientSelection {
    directories = Values.list(directories, "recipients.directories");
    if (directories.isEmpty()) {
      throw new IllegalArgumentException("recipients.directories must name at least one directory, e.g. bundled");
    }
    ids = Values.list(ids, "recipients.ids").stream().map(i -> Values.id(i, "recipients.ids")).toList();
    Objects.requireNonNull(sendingState, "recipients.select.sendingState");
    sendingState = sendingState.map(c -> Values.country(c, "recipients.select.sendingState"));
    Objects.requireNonNull(hostCountry, "recipients.select.hostCountry");
    hostCountry = hostCountry.map(c -> Values.country(c, "recipients.select.hostCountry"));
    kinds = Set.copyOf(kinds);
    if (ids.isEmpty() && sendingState.isEmpty() && hostCountry.isEmpty()) {
      throw new IllegalArgumentException(
          "recipients must name ids or a filter with sendingState or hostCountry: a campaign to every mission of every state is refused");
    }
  }

  /** Whether {@code mission} is selected by the filter (ids are matched by the caller). */
  public boolean matches(DiplomaticMission mission) {
    if (!ids.isEmpty()) {
      return ids.contains(mission.id());
    }
    return sendingState.map(mission.sendingState()::equals).orElse(true)
        && hostCountry.map(mission.hostCountry()::equals).orElse(true)
        && (kinds.isEmpty() || kinds.contains(mission.kind()));
  }
}
