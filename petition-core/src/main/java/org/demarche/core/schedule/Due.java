package org.demarche.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When one mission's letter is due under a campaign's schedule.
 *
 * @param missionId the mission
 * @param zone the mission's time zone
 * @param at when the email is due, in the mission's zone (the action day, moved by the closed-day rule, at
 *     {@code sendAt} moved into the window)
 * @param notes why the day or the time moved, in words; empty when neither did
 * @param postalRoute the postal route of a letter by post ({@code JP->JP})
 * @param postalDays the route's delivery days, when the campaign or the bundled table knows them
 * @param postBy the last day to post a letter so that it arrives on the due day, when the days are known
 */
public record Due(String missionId, ZoneId zone, ZonedDateTime at, List<String> notes, String postalRoute,
    Optional<Integer> postalDays, Optional<LocalDate> postBy) {
  public Due {
    Objects.requireNonNull(missionId, "missionId");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(at, "at");
    notes = List.copyOf(notes);
    Objects.requireNonNull(postalRoute, "postalRoute");
    Objects.requireNonNull(postalDays, "postalDays");
    Objects.requireNonNull(postBy, "postBy");
  }

  /** The due day in the mission's zone. */
  public LocalDate day() {
    return at.toLocalDate();
  }

  public Instant instant() {
    return at.toInstant();
  }

  /** Whether the email is due at {@code now}. */
  public boolean isDue(Instant now) {
    return !now.isBefore(instant());
  }

  /** Whether a letter by post posted on {@code today} arrives late (the post-by day has passed). */
  public boolean postedLate(LocalDate today) {
    return postBy.map(today::isAfter).orElse(false);
  }
}
