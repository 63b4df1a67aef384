package org.demarche.core.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Schedule;
import org.demarche.core.schedule.ActionDay;
import org.demarche.core.schedule.Due;

/**
 * What a campaign's schedule probably did not mean: a letter by post whose post-by day has passed, a postal route
 * with no known delivery time, an action day moved off a closed day, a country whose holidays are not bundled.
 */
final class ScheduleWarnings {
  private ScheduleWarnings() {}

  static List<Problem> of(Campaign campaign, List<DiplomaticMission> missions, LocalDate today,
      Function<String, Location> at) {
    if (campaign.schedule().isEmpty()) {
      return List.of();
    }
    Schedule s = campaign.schedule().get();
    ActionDay day = new ActionDay(s, campaign.sender().address().country());
    List<Problem> out = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    Map<String, Integer> unknownRoutes = new LinkedHashMap<>();
    Set<String> noHolidays = new LinkedHashSet<>();
    for (DiplomaticMission m : missions) {
      Due due = day.due(m);
      notes.addAll(due.notes());
      if (!ActionDay.holidaysKnown(m.hostCountry(), s.actionDay().getYear())) {
        noHolidays.add(m.hostCountry());
      }
      if (m.email().isPresent()) {
        continue;
      }
      if (due.postalDays().isEmpty()) {
        unknownRoutes.merge(due.postalRoute(), 1, Integer::sum);
      } else if (due.postedLate(today)) {
        out.add(new Problem(at.apply("schedule.postalDays"), "schedule", "the letter to " + m.id() + " goes by post and"
            + " should have been posted by " + due.postBy().get() + " to arrive on " + due.day() + " (" + due.postalRoute()
            + ", " + due.postalDays().get() + " delivery days); today is " + today + ": it will arrive late"));
      }
    }
    unknownRoutes.forEach((route, n) -> out.add(new Problem(at.apply("schedule"), "schedule.postalDays",
        n + (n == 1 ? " letter goes" : " letters go") + " by post on the route " + route + ", whose delivery time is"
            + " not known (no official figure is bundled): add schedule.postalDays { \"" + route + "\": DAYS } for a"
            + " post-by date")));
    notes.forEach(n -> out.add(new Problem(at.apply("schedule.actionDay"), "schedule", n)));
    if (!noHolidays.isEmpty()) {
      out.add(new Problem(at.apply("schedule.onClosedDay"), "schedule.onClosedDay", "public holidays of "
          + String.join(", ", noHolidays) + " in " + s.actionDay().getYear() + " are not bundled: only weekends count"
          + " as closed days there"));
    }
    return out;
  }
}
