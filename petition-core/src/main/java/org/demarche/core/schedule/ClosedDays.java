package org.demarche.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Days a mission is closed: Saturdays and Sundays everywhere (countries whose weekend differs, such as Friday and
 * Saturday, are not yet told apart), and the public holidays of the bundled table (holidays.tsv: Japan 2026 first).
 */
final class ClosedDays {
  private static final Map<String, String> HOLIDAYS = new HashMap<>();
  private static final Set<String> YEARS_KNOWN = new HashSet<>();

  static {
    for (String[] row : Tables.read("holidays.tsv")) {
      HOLIDAYS.put(row[0] + " " + row[1], row[2]);
      YEARS_KNOWN.add(row[0] + " " + row[1].substring(0, 4));
    }
  }

  private ClosedDays() {}

  static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** The holiday's name when {@code d} is a public holiday in {@code country}, else null. */
  static String holiday(String country, LocalDate d) {
    return HOLIDAYS.get(country + " " + d);
  }

  static boolean isClosed(String country, LocalDate d) {
    return isWeekend(d) || holiday(country, d) != null;
  }

  /** Whether the table holds {@code country}'s holidays of {@code year}. */
  static boolean known(String country, int year) {
    return YEARS_KNOWN.contains(country + " " + year);
  }

  /** Why {@code d} is closed in {@code country}, in words ("a Sunday", "秋分の日 Autumnal Equinox Day"). */
  static String why(String country, LocalDate d) {
    String h = holiday(country, d);
    return h != null ? h : "a " + d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
  }
}
