package org.demarche.core.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * When a campaign's letters should arrive: its {@code schedule} section. Each time is read in each mission's own
 * time zone.
 *
 * @param actionDay the day the letters should arrive
 * @param sendAt the time of day emails are sent, in the mission's zone
 * @param window the hours emails may arrive when the mission publishes no office hours
 * @param onClosedDay what happens when the action day is a weekend or public holiday where the mission is
 * @param postalDays the campaign's delivery days per postal route ({@code "JP->JP"}, {@code "JP->*"}), over the
 *     bundled table
 */
public record Schedule(LocalDate actionDay, LocalTime sendAt, Window window, ClosedDayRule onClosedDay,
    Map<String, Integer> postalDays) {
  private static final Pattern ROUTE = Pattern.compile("^([A-Z]{2}|\\*)->([A-Z]{2}|\\*)$");
  /** The most delivery days a route may take: longer is a typo, not a post. */
  public static final int MAX_POSTAL_DAYS = 60;

  public Schedule {
    Objects.requireNonNull(actionDay, "schedule.actionDay");
    Objects.requireNonNull(sendAt, "schedule.sendAt");
    Objects.requireNonNull(window, "schedule.window");
    Objects.requireNonNull(onClosedDay, "schedule.onClosedDay");
    postalDays = Map.copyOf(new TreeMap<>(postalDays));
    postalDays.forEach(Schedule::checkRoute);
  }

  /** A schedule that sends at {@code sendAt} within {@code window}, moving a closed day to the previous working day. */
  public static Schedule of(LocalDate actionDay, LocalTime sendAt, Window window) {
    return new Schedule(actionDay, sendAt, window, ClosedDayRule.PREVIOUS_WORKING_DAY, Map.of());
  }

  /** Refuses a route that is not {@code XX->YY} (country codes or {@code *}) or days outside 0 to 60. */
  public static void checkRoute(String route, Integer days) {
    if (!ROUTE.matcher(route).matches()) {
      throw new IllegalArgumentException("schedule.postalDays: a route is written FROM->TO with country codes or *,"
          + " such as JP->JP or JP->*, not '" + route + "'");
    }
    if (days == null || days < 0 || days > MAX_POSTAL_DAYS) {
      throw new IllegalArgumentException("schedule.postalDays." + route + " must be a whole number of days from 0 to "
          + MAX_POSTAL_DAYS + ", not " + days);
    }
  }

  /** Reads "09:30" (or "09:30:15"), saying what is valid. */
  public static LocalTime time(String text, String field) {
    try {
      return LocalTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be a time of day written HH:MM, such as \"09:30\", not '"
          + text + "'");
    }
  }

  /**
   * Hours within one day.
   *
   * @param opens when it opens
   * @param closes when it closes (after it opens)
   */
  public record Window(LocalTime opens, LocalTime closes) {
    public Window {
      Objects.requireNonNull(opens, "opens");
      Objects.requireNonNull(closes, "closes");
      if (!closes.isAfter(opens)) {
        throw new IllegalArgumentException("a window closes after it opens, not " + opens + "-" + closes);
      }
    }

    /** Reads "09:00-12:00". */
    public static Window parse(String text, String field) {
      String[] parts = text.strip().split("\\s*-\\s*");
      if (parts.length != 2) {
        throw new IllegalArgumentException(field + " must be written HH:MM-HH:MM, such as \"09:00-12:00\", not '"
            + text + "'");
      }
      LocalTime opens = time(parts[0], field);
      LocalTime closes = time(parts[1], field);
      if (!closes.isAfter(opens)) {
        throw new IllegalArgumentException(field + " must close after it opens, not '" + text + "'");
      }
      return new Window(opens, closes);
    }

    /** Whether {@code t} is within (opens inclusive, closes exclusive). */
    public boolean contains(LocalTime t) {
      return !t.isBefore(opens) && t.isBefore(closes);
    }

    @Override
    public String toString() {
      return opens + "-" + closes;
    }
  }

  /** What happens when the action day is closed (weekend or public holiday) where the mission is. */
  public enum ClosedDayRule {
    /** The letter arrives on the last working day before. */
    PREVIOUS_WORKING_DAY,
    /** The letter arrives on the action day anyway. */
    SAME_DAY;

    /** The word in a campaign file: {@code previous-working-day}, {@code same-day}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The rule a campaign file names. */
    public static ClosedDayRule fromKey(String key) {
      for (ClosedDayRule r : values()) {
        if (r.key().equals(key.strip())) {
          return r;
        }
      }
      throw new IllegalArgumentException("schedule.onClosedDay must be previous-working-day or same-day, not '" + key
          + "'");
    }
  }
}
