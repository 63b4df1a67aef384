package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 2: a mission's time zone and office hours, optional and sourced, from a directory file. */
class MissionHoursAndZoneTest {
  @TempDir
  Path dir;

  private Path correction(String fields) throws IOException {
    return Files.writeString(dir.resolve("hours.json"), """
        {"missions": [{"id": "cn-cg-jp-osaka", %s,
          "sources": {"mission": {"source": "test fixture", "checkedOn": "2026-11-29"}}}]}
        """.formatted(fields));
  }

  @Test
  void officeHoursAndATimeZoneAreReadFromACorrection() throws IOException {
    correction("\"officeHours\": \"Mon-Fri 09:00-12:00,14:00-17:00\", \"timeZone\": \"Asia/Tokyo\"");

    DiplomaticMission osaka = ContactDirectories.open(List.of("bundled", "hours.json"), dir)
        .byId("cn-cg-jp-osaka").orElseThrow();

    assertThat(osaka.timeZone()).contains(ZoneId.of("Asia/Tokyo"));
    assertThat(osaka.officeHours()).hasValueSatisfying(h -> {
      assertThat(h.opensOn(DayOfWeek.SATURDAY)).isFalse();
      assertThat(h.timeOn(DayOfWeek.THURSDAY, LocalTime.of(13, 0))).contains(LocalTime.of(14, 0));
      assertThat(h.toString()).startsWith("MON 09:00-12:00,14:00-17:00");
    });
  }

  @Test
  void theBundledMissionsPublishNoOfficeHoursWeCouldSource() {
    assertThat(ContactDirectories.bundled().missions()).allSatisfy(m -> assertThat(m.officeHours()).isEmpty());
  }

  @Test
  void officeHoursThatDoNotReadAreRefusedSayingWhatIsValid() throws IOException {
    correction("\"officeHours\": \"weekdays in the morning\"");

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> ContactDirectories.open(List.of("bundled", "hours.json"), dir));

    assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
        .contains("Mon-Fri 09:00-12:00,14:00-17:00").contains("weekdays in the morning"));
  }

  @Test
  void anUnknownTimeZoneIsRefused() throws IOException {
    correction("\"timeZone\": \"Asia/Atlantis\"");

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> ContactDirectories.open(List.of("bundled", "hours.json"), dir));

    assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("IANA time zone").contains("Asia/Atlantis"));
  }
}
