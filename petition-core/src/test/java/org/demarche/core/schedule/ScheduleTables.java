package org.demarche.core.schedule;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.VersionInfo;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes the generated parts of the bundled schedule tables from their sources: the public holidays of every host
 * country jollyday covers (but the hand-sourced ones) and the weekends that are not Saturday-Sunday, from CLDR as
 * ICU4J ships it. {@link BundledScheduleTablesTest} checks the files equal what this gives, and rewrites them when
 * run with {@code -Ddemarche.regenerateTables=true}.
 */
final class ScheduleTables {
  /** The day the generated rows were made; change it when regenerating on another day. */
  static final String GENERATED_ON = "2026-11-29";
  static final String JOLLYDAY = "jollyday 1.5.1 (de.focus-shift), generated " + GENERATED_ON;
  /** jollyday is wrong (JP: no equinox days, the Emperor's Birthday of before 2019) or silent (KR) for these. */
  static final Set<String> HAND_SOURCED = Set.of("JP", "KR");
  static final List<Integer> YEARS = List.of(2026, 2027);
  static final String MARKER = "# --- Generated below by ScheduleTables from " + JOLLYDAY + " (BundledScheduleTablesTest"
      + " fails when a row differs; regenerate with -Ddemarche.regenerateTables=true, never edit by hand) ---";

  static final Path DIR = Path.of("src/main/resources/org/demarche/core/schedule");
  static final Path HOLIDAYS = DIR.resolve("holidays.tsv");
  static final Path WEEKENDS = DIR.resolve("weekends.tsv");

  private ScheduleTables() {}

  /** Whether jollyday has a calendar for {@code country} (ISO 3166-1 alpha-2). */
  static boolean jollydayCovers(String country) {
    return HolidayManager.class.getClassLoader()
        .getResource("holidays/Holidays_" + country.toLowerCase(Locale.ROOT) + ".xml") != null;
  }

  /** The countries whose rows are generated: host countries jollyday covers, but the hand-sourced ones. */
  static Set<String> generatedCountries() {
    Set<String> out = new TreeSet<>();
    for (String c : HostCountries.BUNDLED) {
      if (!HAND_SOURCED.contains(c) && jollydayCovers(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * jollyday's national holidays (no region's) of {@link #YEARS}: public and bank holidays, not observances, on the
   * day they are observed; two on one day share a row.
   */
  static List<String> holidayRows() {
    List<String> rows = new ArrayList<>();
    for (String country : generatedCountries()) {
      HolidayManager m = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
      Map<LocalDate, Set<String>> byDay = new TreeMap<>();
      // A holiday of the next year may be observed on this year's last days: ask for both years, keep the dates.
      for (int year = YEARS.get(0); year <= YEARS.get(YEARS.size() - 1) + 1; year++) {
        for (Holiday h : m.getHolidays(Year.of(year))) {
          if (h.getType() != HolidayType.OBSERVANCE && YEARS.contains(h.getDate().getYear())) {
            byDay.computeIfAbsent(h.getDate(), d -> new TreeSet<>()).add(h.getDescription(Locale.ROOT));
          }
        }
      }
      byDay.forEach((day, names) -> rows.add(country + "\t" + day + "\t" + String.join(" / ", names) + "\t"
          + JOLLYDAY));
    }
    return rows;
  }

  /** holidays.tsv as it should be: its hand-written part as it is, then the marker and the generated rows. */
  static String holidaysFile(String current) {
    int at = current.indexOf(MARKER);
    String kept = at < 0 ? current : current.substring(0, at);
    StringBuilder out = new StringBuilder(kept.endsWith("\n") || kept.isEmpty() ? kept : kept + "\n");
    out.append(MARKER).append('\n');
    holidayRows().forEach(r -> out.append(r).append('\n'));
    return out.toString();
  }

  /** The weekend days CLDR gives {@code country}, from its onset to its cease (ICU4J's week data). */
  static List<DayOfWeek> cldrWeekend(String country) {
    Calendar.WeekData w = Calendar.getWeekDataForRegion(country);
    List<DayOfWeek> days = new ArrayList<>();
    DayOfWeek d = fromIcu(w.weekendOnset);
    DayOfWeek last = fromIcu(w.weekendCease);
    days.add(d);
    while (d != last) {
      d = d.plus(1);
      days.add(d);
    }
    return days;
  }

  private static DayOfWeek fromIcu(int icuDay) {
    // ICU counts Sunday = 1 ... Saturday = 7; java.time Monday = 1 ... Sunday = 7.
    return DayOfWeek.of((icuDay + 5) % 7 + 1);
  }

  static String weekendsFile() {
    VersionInfo icu = VersionInfo.ICU_VERSION;
    String source = "CLDR " + LocaleData.getCLDRVersion().getMajor() + " weekData via ICU4J " + icu.getMajor() + "."
        + icu.getMinor() + " (com.ibm.icu), generated " + GENERATED_ON;
    StringBuilder out = new StringBuilder();
    out.append("# Weekends that are not Saturday and Sunday, among the host countries of the bundled missions: country,\n")
        .append("# its weekend days (from the first), source. Every other country's weekend is Saturday and Sunday.\n")
        .append("# CLDR's weekData (https://cldr.unicode.org, the Unicode Common Locale Data Repository) as ICU4J ships\n")
        .append("# it; a country's customary weekend, not a statement of any mission's office hours (a directory's\n")
        .append("# officeHours say those). Generated by ScheduleTables; BundledScheduleTablesTest fails when it differs.\n");
    for (String country : new TreeSet<>(HostCountries.BUNDLED)) {
      List<DayOfWeek> days = cldrWeekend(country);
      if (!days.equals(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))) {
        List<String> names = days.stream().map(d -> d.name().substring(0, 3)).toList();
        out.append(country).append('\t').append(String.join(" ", names)).append('\t').append(source).append('\n');
      }
    }
    return out.toString();
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path p, String text) {
    try {
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites both tables (run from petition-core's directory). */
  public static void main(String[] args) {
    write(HOLIDAYS, holidaysFile(read(HOLIDAYS)));
    write(WEEKENDS, weekendsFile());
  }
}
