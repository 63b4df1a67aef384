package org.demarche.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.files.FieldReader;
import org.demarche.core.model.Schedule;

/**
 * Reads a campaign's optional {@code schedule} section (see {@link Schedule}); every problem is located at its
 * field. Absent: the letters go when the campaign runs.
 */
final class ScheduleReader {
  private final FieldReader r;

  ScheduleReader(FieldReader r) {
    this.r = r;
  }

  /** Empty inside when there is no schedule; empty outside when the section has a problem. */
  Optional<Optional<Schedule>> schedule() {
    if (!r.has("schedule")) {
      return Optional.of(Optional.empty());
    }
    if (!CampaignFields.requireSection(r, "schedule")) {
      return Optional.empty();
    }
    int before = r.problems().size();
    r.onlyKnown("schedule", CampaignFields.names("schedule"));
    Optional<LocalDate> day = r.convert("schedule.actionDay", r.text("schedule.actionDay"), v -> {
      try {
        return LocalDate.parse(v.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("must be a date written YYYY-MM-DD, such as 2026-09-24, not '" + v + "'");
      }
    });
    Optional<LocalTime> sendAt = r.convert("schedule.sendAt", time("schedule.sendAt", "09:30"),
        v -> Schedule.time(v, "schedule.sendAt"));
    Optional<Schedule.Window> window = r.convert("schedule.window", time("schedule.window", "09:00-17:00"),
        v -> Schedule.Window.parse(v, "schedule.window"));
    Optional<Schedule.ClosedDayRule> rule = r.convert("schedule.onClosedDay", r.optText("schedule.onClosedDay"),
        Schedule.ClosedDayRule::fromKey);
    Map<String, Integer> postal = postalDays();
    if (r.problems().size() > before || day.isEmpty()) {
      return Optional.empty();
    }
    LocalTime at = sendAt.orElse(LocalTime.of(9, 30));
    Schedule.Window w = window.orElse(new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)));
    return CampaignLoader.build(r, "schedule", () -> new Schedule(day.get(), at, w,
        rule.orElse(Schedule.ClosedDayRule.PREVIOUS_WORKING_DAY), postal)).map(Optional::of);
  }

  /** A time as text; YAML reads an unquoted 10:00 as the number 600, which is refused with the fix. */
  private Optional<String> time(String path, String example) {
    Optional<JsonNode> n = r.node(path);
    if (n.isPresent() && n.get().isNumber()) {
      r.problem(path, "write the time in quotes, such as \"" + example + "\": unquoted, YAML reads it as the number "
          + n.get().asText());
      return Optional.empty();
    }
    return r.optText(path);
  }

  private Map<String, Integer> postalDays() {
    Map<String, Integer> out = new LinkedHashMap<>();
    Optional<JsonNode> n = r.node("schedule.postalDays");
    if (n.isEmpty()) {
      return out;
    }
    if (!n.get().isObject()) {
      r.problem("schedule.postalDays", "must be a section of routes and days, such as { \"JP->JP\": 2, \"JP->*\": 7 },"
          + " not " + FieldReader.describe(n.get()));
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.get().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "schedule.postalDays." + e.getKey();
      // The tree keeps numbers as written (text): a whole number of days is digits.
      String written = e.getValue().isValueNode() ? e.getValue().asText().strip() : "";
      Integer days = written.matches("[0-9]{1,3}") ? Integer.valueOf(written) : null;
      try {
        Schedule.checkRoute(e.getKey(), days);
        out.put(e.getKey(), days);
      } catch (IllegalArgumentException x) {
        r.problem(path, FieldReader.cleanMessage(x.getMessage().replace("not null", "not '" + written + "'"), path));
      }
    }
    return out;
  }
}
