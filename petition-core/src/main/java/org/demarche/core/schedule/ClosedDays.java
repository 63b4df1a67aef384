package org.demarche.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Days a mission is closed: its country's weekend (weekends.tsv: the countries whose weekend is not Saturday and
 * Sunday, from CLDR; every other country Saturday and Sunday) and the public holidays of the bundled table
 * (holidays.tsv: Japan and Korea hand-sourced, the other host countries jollyday covers generated from it).
 */
final class ClosedDays {
  private static final Set<DayOfWeek> SATURDAY_SUNDAY = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  private static final Map<String, Set<DayOfWeek>> WEEKENDS = weekends();
  private static final Map<String, String> HOLIDAYS = new HashMap<>();
  private static final Set<String> YEARS_KNOWN = new HashSet<>();

  static {
    for (String[] row : Tables.read("holidays.tsv")) {
      // country, date, name, source: the source is for people (and the table's tests), not for the schedule.
      HOLIDAYS.put(row[0] + " " + row[1], row[2]);
      YEARS_KNOWN.add(row[0] + " " + row[1].substring(0, 4));
    }
  }

  private ClosedDays() {}

  /** weekends.tsv: country, its weekend days (such as {@code FRI SAT}), source. */
  private static Map<String, Set<DayOfWeek>> weekends() {
    Map<String, Set<DayOfWeek>> out = new HashMap<>();
    for (String[] row : Tables.read("weekends.tsv")) {
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (String day : row[1].split(" ")) {
        days.add(dayOf(day));
      }
      out.put(row[0], days);
    }
    return out;
  }

  private static DayOfWeek dayOf(String threeLetters) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(threeLetters)) {
        return d;
      }
    }
    throw new IllegalStateException("weekends.tsv names a day that is none: " + threeLetters);
  }

  /** The days of {@code country}'s weekend: Saturday and Sunday unless weekends.tsv says otherwise. */
  static Set<DayOfWeek> weekend(String country) {
    return WEEKENDS.getOrDefault(country, SATURDAY_SUNDAY);
  }

  static boolean isWeekend(String country, LocalDate d) {
    return weekend(country).contains(d.getDayOfWeek());
  }

  /** The holiday's name when {@code d} is a public holiday in {@code country}, else null. */
  static String holiday(String country, LocalDate d) {
    return HOLIDAYS.get(country + " " + d);
  }

  static boolean isClosed(String country, LocalDate d) {
    return isWeekend(country, d) || holiday(country, d) != null;
  }

  /** Whether the table holds {@code country}'s holidays of {@code year}. */
  static boolean known(String country, int year) {
    return YEARS_KNOWN.contains(country + " " + year);
  }

  /**
   * Why {@code d} is closed in {@code country}, in words ("a Sunday", "a Friday, the weekend in SA", "秋分の日
   * Autumnal Equinox Day").
   */
  static String why(String country, LocalDate d) {
    String h = holiday(country, d);
    if (h != null) {
      return h;
    }
    String day = "a " + d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    // A Friday is no weekend to most readers: say whose it is.
    return WEEKENDS.containsKey(country) ? day + ", the weekend in " + country : day;
  }
}
