package org.demarche.examples.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/**
 * {@code --now INSTANT}: the clock a scheduled campaign is read against (which letters are due, whether a post-by day
 * has passed), for dry runs and rehearsals; without it, the system clock. {@code run} refuses it with {@code --send}.
 */
final class NowOption {
  @Option(names = "--now", paramLabel = "INSTANT",
      description = {"read the campaign's schedule as if it were INSTANT (ISO 8601 with an offset, such as",
          "2026-09-24T09:31+09:00): for rehearsals; run refuses it with --send"})
  String now;

  boolean given() {
    return now != null;
  }

  /** The set clock (fixed at the instant, in the operator's zone), or the system's. */
  Clock clock() {
    if (now == null) {
      return Clock.systemDefaultZone();
    }
    try {
      return Clock.fixed(OffsetDateTime.parse(now.strip()).toInstant(), ZoneId.systemDefault());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--now must be an instant with an offset, such as 2026-09-24T09:31+09:00 or"
          + " 2026-09-24T00:31Z, not '" + now + "'");
    }
  }

  /** Today in the operator's zone, by the clock. */
  LocalDate today() {
    return LocalDate.now(clock());
  }
}
