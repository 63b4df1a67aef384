package org.demarche.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.internal.PluginCatalog;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DeliverySettings;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.RecipientSelection;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.RendererFactory;

/** What {@link Demarche} checks of a campaign beyond its own fields: its plugins' settings and its missions. */
final class CampaignSetup {
  private CampaignSetup() {}

  /** @param environment what a renderer may read secrets from (does a signing key open?); empty to read none */
  static List<Problem> problems(Demarche demarche, Campaign campaign, Map<String, String> environment) {
    List<Problem> problems = new ArrayList<>();
    DeliverySettings d = campaign.delivery();
    Location where = d.options().sectionLocation();
    ChannelFactory channel = demarche.channels.get(d.channel());
    if (channel == null) {
      problems.add(new Problem(where, "delivery.channel", PluginCatalog.missing("channel", d.channel(), demarche.channels.keySet())));
    } else {
      problems.addAll(channel.validate(d.options()));
    }
    RendererFactory renderer = demarche.renderers.get(d.renderer());
    if (renderer == null) {
      problems.add(new Problem(d.rendererOptions().sectionLocation(), "delivery.renderer",
          PluginCatalog.missing("renderer", d.renderer(), demarche.renderers.keySet())));
    } else {
      problems.addAll(renderer.validate(d.rendererOptions(), environment));
    }
    if (demarche.directories.isEmpty()) {
      problems.add(new Problem(new Location(campaign.source().name(), 1, 1), "recipients.directories",
          PluginCatalog.noDirectories()));
    } else {
      try {
        List<DiplomaticMission> selected = demarche.missions(campaign);
        if (selected.isEmpty()) {
          problems.add(new Problem(new Location(campaign.source().name(), 1, 1), "recipients",
              "selects no mission: check the ids or the filter"));
        }
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    return problems;
  }

  /** The missions {@code recipients.ids} names, in that order; every id that names no mission is a problem. */
  static List<DiplomaticMission> byIds(ContactDirectory directory, Campaign campaign) {
    RecipientSelection sel = campaign.recipients();
    List<Problem> problems = new ArrayList<>();
    List<DiplomaticMission> out = new ArrayList<>();
    for (String id : sel.ids()) {
      Optional<DiplomaticMission> m = directory.byId(id);
      if (m.isEmpty()) {
        problems.add(new Problem(DryRun.idLocation(campaign, id), "recipients.ids",
            "no mission has the id '" + id + "' in " + String.join(" + ", sel.directories())
                + "; `demarche recipients` lists the ids"));
      } else {
        out.add(m.get());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return out;
  }
}
