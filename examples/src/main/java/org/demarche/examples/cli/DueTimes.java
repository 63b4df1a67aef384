package org.demarche.examples.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.schedule.Due;

/** What the runner says about a scheduled campaign: which letters are due later, which went late. */
final class DueTimes {
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
  /** The time with the zone's short name at that instant (JST, EDT, UTC). */
  private static final DateTimeFormatter HM_ZONE = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);

  private DueTimes() {}

  /** "2026-09-24 09:30 JST": a time in its zone, with the zone's short name. */
  static String local(ZonedDateTime t) {
    return t.toLocalDate() + " " + t.format(HM_ZONE);
  }

  /** The same instant in the operator's zone. */
  static String operator(ZonedDateTime t, ZoneId operator) {
    return local(t.withZoneSameInstant(operator));
  }

  /** The letters by email (the mission publishes one) not yet due at {@code now}, earliest first. */
  static List<Due> pending(List<Due> dues, List<DiplomaticMission> missions, Instant now) {
    Map<String, DiplomaticMission> byId = missions.stream().collect(Collectors.toMap(DiplomaticMission::id, m -> m));
    return dues.stream().filter(d -> byId.get(d.missionId()).email().isPresent() && !d.isDue(now))
        .sorted(java.util.Comparator.comparing(Due::instant)).toList();
  }

  /**
   * "12 letters are due on 2026-09-24 from 09:30 JST (00:30 UTC); run again then, or use --wait", one line per due
   * time; nothing when every letter is due.
   */
  static void printPending(PrintWriter o, List<Due> pending) {
    Map<Instant, List<Due>> byTime = new TreeMap<>();
    pending.forEach(d -> byTime.computeIfAbsent(d.instant(), k -> new java.util.ArrayList<>()).add(d));
    byTime.forEach((at, group) -> {
      ZonedDateTime t = group.get(0).at();
      o.println(Formats.count(group.size(), "letter") + (group.size() == 1 ? " is" : " are") + " due on " + t.toLocalDate()
          + " from " + t.format(HM_ZONE) + " (" + t.withZoneSameInstant(ZoneId.of("UTC")).format(HM) + " UTC): "
          + group.stream().map(Due::missionId).collect(Collectors.joining(", ")) + "; run again then, or use --wait");
    });
  }

  /** The earliest pending due time before the end of the operator's day, for --wait. */
  static Optional<Instant> nextToday(List<Due> pending, Instant now, ZoneId operator) {
    Instant endOfDay = now.atZone(operator).toLocalDate().plusDays(1).atStartOfDay(operator).toInstant();
    return pending.stream().map(Due::instant).filter(i -> i.isBefore(endOfDay)).min(Instant::compareTo);
  }

  /** Says how many letters this run sent after their due day had passed where the mission is. */
  static void printLate(PrintWriter o, List<Due> dues, List<String> sentMissionIds, Instant now) {
    List<Due> late = dues.stream().filter(d -> sentMissionIds.contains(d.missionId())
        && now.atZone(d.zone()).toLocalDate().isAfter(d.day())).toList();
    if (!late.isEmpty()) {
      o.println("Sent late: " + Formats.count(late.size(), "letter") + " due on " + late.get(0).day() + " ("
          + local(late.get(0).at()) + " for " + late.get(0).missionId() + ") went now: a run after the due day sends"
          + " at once");
    }
  }

  /**
   * "Post by 2026-09-16 to arrive on 2026-09-24 (JP->JP, 3 delivery days)" for the print kit's cover: the earliest
   * post-by day of the letters by post; empty without a schedule or a known delivery time.
   */
  static String postByNote(List<Due> dues, List<DiplomaticMission> missions) {
    Map<String, DiplomaticMission> byId = missions.stream().collect(Collectors.toMap(DiplomaticMission::id, m -> m));
    return dues.stream().filter(d -> byId.get(d.missionId()).email().isEmpty() && d.postBy().isPresent())
        .min(java.util.Comparator.comparing(d -> d.postBy().get()))
        .map(d -> "Post by " + d.postBy().get() + " to arrive on " + d.day() + " (" + d.postalRoute() + ", "
            + d.postalDays().get() + " delivery days, not counting Saturdays, Sundays and holidays)")
        .orElse("");
  }
}
