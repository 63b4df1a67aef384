package org.demarche.core;

import java.time.Instant;
import java.util.List;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Letter;
import org.demarche.core.schedule.ActionDay;
import org.demarche.core.schedule.Due;
import org.demarche.core.spi.DeliveryChannel;

/** Applies a campaign's schedule to a run: which letters are due now. */
final class Scheduling {
  private Scheduling() {}

  /**
   * The letters to work on at {@code now}: all of them without a schedule; with one, those due (late ones
   * included: a run after the due time sends at once) and every letter the channel cannot carry, whose print kit is
   * needed before the post-by date, long before the due time.
   */
  static List<Letter> dueNow(Campaign campaign, List<Letter> letters, DeliveryChannel channel, Instant now) {
    if (campaign.schedule().isEmpty()) {
      return letters;
    }
    ActionDay day = new ActionDay(campaign.schedule().get(), campaign.sender().address().country());
    return letters.stream().filter(l -> !channel.canDeliver(l) || day.due(l.mission()).isDue(now)).toList();
  }

  static List<Due> dueTimes(Campaign campaign, List<DiplomaticMission> missions) {
    if (campaign.schedule().isEmpty()) {
      return List.of();
    }
    ActionDay day = new ActionDay(campaign.schedule().get(), campaign.sender().address().country());
    return missions.stream().map(day::due).toList();
  }
}
