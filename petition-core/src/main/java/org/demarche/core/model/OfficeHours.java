package org.demarche.core.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The hours a mission publishes, per day of the week, such as {@code "Mon-Fri 09:00-12:00,14:00-17:00"} or
 * {@code "Mon-Thu 09:00-17:00; Fri 09:00-12:00"}. A day not listed is closed.
 *
 * @param hours the windows of each open day, earliest first
 */
public record OfficeHours(Map<DayOfWeek, List<Schedule.Window>> hours) {
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  public OfficeHours {
    Map<DayOfWeek, List<Schedule.Window>> copy = new EnumMap<>(DayOfWeek.class);
    hours.forEach((day, windows) -> copy.put(day, windows.stream()
        .sorted(Comparator.comparing(Schedule.Window::opens)).toList()));
    hours = Map.copyOf(copy);
  }

  /** Reads "Mon-Fri 09:00-12:00,14:00-17:00; Sat 10:00-12:00", saying what is valid. */
  public static OfficeHours parse(String text) {
    Map<DayOfWeek, List<Schedule.Window>> out = new EnumMap<>(DayOfWeek.class);
    for (String part : text.split(";")) {
      String[] daysAndHours = part.strip().split("\\s+", 2);
      if (daysAndHours.length != 2) {
        throw invalid(text);
      }
      List<Schedule.Window> windows = new ArrayList<>();
      for (String w : daysAndHours[1].split(",")) {
        try {
          windows.add(Schedule.Window.parse(w, "officeHours"));
        } catch (IllegalArgumentException e) {
          throw invalid(text);
        }
      }
      for (DayOfWeek d : days(daysAndHours[0], text)) {
        out.computeIfAbsent(d, k -> new ArrayList<>()).addAll(windows);
      }
    }
    return new OfficeHours(out);
  }

  private static List<DayOfWeek> days(String spec, String text) {
    List<DayOfWeek> out = new ArrayList<>();
    for (String one : spec.toLowerCase(Locale.ROOT).split(",")) {
      String[] range = one.strip().split("-");
      int from = DAYS.indexOf(range[0]);
      int to = range.length == 2 ? DAYS.indexOf(range[1]) : from;
      if (range.length > 2 || from < 0 || to < from) {
        throw invalid(text);
      }
      for (int i = from; i <= to; i++) {
        out.add(DayOfWeek.of(i + 1));
      }
    }
    return out;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("officeHours must be days and hours such as \"Mon-Fri 09:00-12:00,14:00-17:00\""
        + " (days Mon to Sun; several groups separated by ;), not '" + text + "'");
  }

  /** Whether the mission is open at all on {@code day}'s weekday. */
  public boolean opensOn(DayOfWeek day) {
    return hours.containsKey(day);
  }

  /**
   * {@code wanted} when the mission is open then; else the next opening that day; else (after the last closing) the
   * day's first opening. Empty when it is closed that day.
   */
  public Optional<LocalTime> timeOn(DayOfWeek day, LocalTime wanted) {
    List<Schedule.Window> windows = hours.getOrDefault(day, List.of());
    if (windows.isEmpty()) {
      return Optional.empty();
    }
    for (Schedule.Window w : windows) {
      if (w.contains(wanted)) {
        return Optional.of(wanted);
      }
      if (w.opens().isAfter(wanted)) {
        return Optional.of(w.opens());
      }
    }
    return Optional.of(windows.get(0).opens());
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    hours.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> parts.add(
        e.getKey().name().substring(0, 3) + " " + String.join(",", e.getValue().stream().map(Object::toString).toList())));
    return String.join("; ", parts);
  }
}
