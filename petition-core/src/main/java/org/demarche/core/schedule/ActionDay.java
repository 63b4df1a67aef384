package org.demarche.core.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Schedule;

/**
 * A campaign's schedule applied to missions: each letter's due time in the mission's own zone, on a working day
 * there (per {@link Schedule.ClosedDayRule}), within the window; and for letters by post, the day to post them.
 *
 * <p>Sources: zones from the IANA zone.tab (bundled) with the JDK's tz rules; closed days are the country's weekend
 * (Saturday and Sunday, or CLDR's other weekend: weekends.tsv) and the bundled public holidays (holidays.tsv: Japan
 * and Korea hand-sourced, other host countries from jollyday, 2026 and 2027); delivery days from the campaign's {@code schedule.postalDays} over the
 * bundled table (which holds no official figure yet: see postal-days.tsv).
 */
public final class ActionDay {
  private static final Map<String, Integer> BUNDLED_POSTAL_DAYS = bundledPostalDays();

  private final Schedule schedule;
  private final String senderCountry;

  /**
   * @param schedule the campaign's schedule
   * @param senderCountry where letters by post are posted (the sender's country)
   */
  public ActionDay(Schedule schedule, String senderCountry) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.senderCountry = Objects.requireNonNull(senderCountry, "senderCountry");
  }

  private static Map<String, Integer> bundledPostalDays() {
    Map<String, Integer> out = new TreeMap<>();
    for (String[] row : Tables.read("postal-days.tsv")) {
      out.put(row[0], Integer.parseInt(row[1]));
    }
    return out;
  }

  /**
   * The mission's time zone as the schedule reads it: the directory's {@code timeZone}, else its country's, or the
   * nearest zone city's in a country with several; empty when its country is in no zone table.
   */
  public static Optional<ZoneId> zoneOf(DiplomaticMission m) {
    return Zones.of(m);
  }

  /** Whether {@code day} is a weekend or a known public holiday in {@code country}. */
  public static boolean isClosed(String country, LocalDate day) {
    return ClosedDays.isClosed(country, day);
  }

  /** Whether the bundled table knows {@code country}'s public holidays in {@code year} (else only weekends count). */
  public static boolean holidaysKnown(String country, int year) {
    return ClosedDays.known(country, year);
  }

  /** When the letter to {@code m} is due. */
  public Due due(DiplomaticMission m) {
    List<String> notes = new ArrayList<>();
    Optional<ZoneId> known = Zones.of(m);
    if (known.isEmpty()) {
      notes.add("no time zone known for " + m.hostCountry() + ": UTC");
    }
    ZoneId zone = known.orElse(ZoneOffset.UTC);
    LocalDate day = schedule.actionDay();
    if (closed(m, day)) {
      String why = ClosedDays.isClosed(m.hostCountry(), day) ? ClosedDays.why(m.hostCountry(), day)
          : "a day without office hours";
      if (schedule.onClosedDay() == Schedule.ClosedDayRule.PREVIOUS_WORKING_DAY) {
        day = previousWorkingDay(m, day);
        notes.add(schedule.actionDay() + " is " + why + " for " + m.id() + ": moved to the working day before, " + day);
      } else {
        notes.add(schedule.actionDay() + " is " + why + " for " + m.id() + ": kept (onClosedDay: same-day)");
      }
    }
    LocalTime time = time(m, day, notes);
    String route = senderCountry + "->" + m.hostCountry();
    Optional<Integer> days = postalDays(route);
    LocalDate arrival = day;
    Optional<LocalDate> postBy = days.map(n -> postBy(m.hostCountry(), arrival, n));
    return new Due(m.id(), zone, day.atTime(time).atZone(zone), notes, route, days, postBy);
  }

  /** The route's delivery days: the campaign's {@code FROM->TO}, {@code FROM->*}, {@code *->*}, then the bundled table's. */
  public Optional<Integer> postalDays(String route) {
    String from = route.substring(0, route.indexOf("->"));
    for (Map<String, Integer> table : List.of(schedule.postalDays(), BUNDLED_POSTAL_DAYS)) {
      for (String key : List.of(route, from + "->*", "*->*")) {
        if (table.containsKey(key)) {
          return Optional.of(table.get(key));
        }
      }
    }
    return Optional.empty();
  }

  /** A weekend or holiday where the mission is, or a weekday its published office hours leave out. */
  private static boolean closed(DiplomaticMission m, LocalDate day) {
    return ClosedDays.isClosed(m.hostCountry(), day)
        || m.officeHours().map(h -> !h.opensOn(day.getDayOfWeek())).orElse(false);
  }

  private static LocalDate previousWorkingDay(DiplomaticMission m, LocalDate day) {
    LocalDate d = day.minusDays(1);
    while (closed(m, d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /**
   * {@code sendAt} when the mission is open then: within its published office hours, else the campaign's window;
   * outside them, the next opening that day (after the last closing: the day's first opening, which has passed).
   */
  private LocalTime time(DiplomaticMission m, LocalDate day, List<String> notes) {
    LocalTime wanted = schedule.sendAt();
    if (m.officeHours().isPresent()) {
      LocalTime t = m.officeHours().get().timeOn(day.getDayOfWeek(), wanted).orElse(wanted);
      if (!t.equals(wanted)) {
        notes.add("sendAt " + wanted + " is outside " + m.id() + "'s office hours (" + m.officeHours().get()
            + "): at their next opening, " + t);
      }
      return t;
    }
    Schedule.Window w = schedule.window();
    if (w.contains(wanted)) {
      return wanted;
    }
    notes.add("sendAt " + wanted + " is outside the window " + w + ": at its opening, " + w.opens());
    return w.opens();
  }

  /**
   * The last working day to post a letter that takes {@code days} delivery days to arrive by {@code arrival}: days
   * on which the post of {@code country} does not deliver (its weekend, its public holidays) are not counted.
   */
  static LocalDate postBy(String country, LocalDate arrival, int days) {
    LocalDate d = arrival;
    int counted = 0;
    while (counted < days) {
      d = d.minusDays(1);
      if (!ClosedDays.isClosed(country, d)) {
        counted++;
      }
    }
    while (ClosedDays.isClosed(country, d)) {
      d = d.minusDays(1);
    }
    return d;
  }
}
