package org.demarche.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.files.FieldReader;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.RecipientSelection;
import org.demarche.core.model.Values;

/**
 * Reads a campaign's {@code recipients} section: its directory files (each checked by the campaign's
 * {@code FileScope} at its own list entry), and the ids or the filter that select missions; a mission
 * listed twice is refused at its second entry.
 */
final class RecipientsReader {
  private static final Set<String> RECIPIENTS = CampaignFields.names("recipients");
  private static final Set<String> SELECT = CampaignFields.names("recipients.select");

  private final FieldReader r;
  private final Siblings siblings;

  RecipientsReader(FieldReader r, Siblings siblings) {
    this.r = r;
    this.siblings = siblings;
  }

  Optional<RecipientSelection> recipients() {
    if (!CampaignFields.requireSection(r, "recipients")) {
      return Optional.empty();
    }
    r.onlyKnown("recipients", RECIPIENTS);
    r.onlyKnown("recipients.select", SELECT);
    List<String> directories = r.has("recipients.directories") ? r.textList("recipients.directories") : List.of("bundled");
    for (int i = 0; i < directories.size(); i++) {
      String layer = directories.get(i).strip();
      if (!layer.equals("bundled")) {
        String p = "recipients.directories[" + i + "]";
        siblings.file(layer, r.at(p), p, r.problems());
      }
    }
    List<String> ids = r.textList("recipients.ids");
    List<String> goodIds = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String p = "recipients.ids[" + i + "]";
      Optional<String> id = r.convert(p, Optional.of(ids.get(i)), x -> Values.id(x, "id"));
      if (id.isPresent() && seen.containsKey(id.get())) {
        r.problem(p, "the mission '" + id.get() + "' is listed twice (first at line "
            + r.at("recipients.ids[" + seen.get(id.get()) + "]").line() + "): list each mission once");
      } else if (id.isPresent()) {
        seen.put(id.get(), i);
        goodIds.add(id.get());
      }
    }
    Optional<String> state = r.convert("recipients.select.sendingState", r.optText("recipients.select.sendingState"),
        x -> Values.country(x, "sendingState"));
    Optional<String> host = r.convert("recipients.select.hostCountry", r.optText("recipients.select.hostCountry"),
        x -> Values.country(x, "hostCountry"));
    Set<MissionKind> kinds = new LinkedHashSet<>();
    List<String> kindNames = r.textList("recipients.select.kinds");
    for (int i = 0; i < kindNames.size(); i++) {
      r.convert("recipients.select.kinds[" + i + "]", Optional.of(kindNames.get(i)), MissionKind::fromKey)
          .ifPresent(kinds::add);
    }
    if (goodIds.size() != ids.size() || r.problems().stream().anyMatch(x -> x.field().startsWith("recipients."))) {
      return Optional.empty();
    }
    return CampaignLoader.build(r, "recipients", () -> new RecipientSelection(directories, goodIds, state, host, kinds));
  }
}
