package org.demarche.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.Demarche;
import org.demarche.core.internal.CampaignWarnings;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Provenance;
import org.demarche.core.model.Schedule;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closed days per host country: hand-sourced holidays (JP, KR), generated ones (jollyday), none, and weekends. */
class ClosedDaysTest {
  private static final Schedule.Window MORNING = new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(12, 0));

  @TempDir
  Path dir;

  private static DiplomaticMission embassyIn(String country, String city, double lat, double lon) {
    String id = "cn-embassy-" + country.toLowerCase() + "-" + city.toLowerCase();
    return new DiplomaticMission(id, MissionKind.EMBASSY, "Embassy in " + city, Optional.empty(), "CN", country, city,
        new PostalAddress(List.of("1 Main Street"), city, Optional.empty(), Optional.empty(), country, List.of()),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Set.of(),
        Optional.of(new Coordinate(lat, lon)),
        Map.of("mission", Provenance.confirmed("test fixture", LocalDate.of(2026, 11, 29))));
  }

  private static Due dueOn(LocalDate actionDay, DiplomaticMission m) {
    return new ActionDay(new Schedule(actionDay, LocalTime.of(9, 30), MORNING,
        Schedule.ClosedDayRule.PREVIOUS_WORKING_DAY, Map.of()), "JP").due(m);
  }

  @Test
  void japanKeepsItsHandSourcedEquinoxDays() {
    // jollyday 1.5.1 has neither: the rows are the Cabinet Office's days as reported.
    assertThat(ActionDay.isClosed("JP", LocalDate.of(2026, 9, 22))).isTrue();
    assertThat(ActionDay.isClosed("JP", LocalDate.of(2026, 9, 23))).isTrue();
    assertThat(ClosedDays.why("JP", LocalDate.of(2026, 9, 23))).isEqualTo("秋分の日 Autumnal Equinox Day");
    assertThat(ActionDay.isClosed("JP", LocalDate.of(2026, 9, 24))).isFalse();
    assertThat(ActionDay.isClosed("JP", LocalDate.of(2026, 12, 23))).isFalse();
    assertThat(ClosedDays.why("JP", LocalDate.of(2027, 3, 22))).isEqualTo("振替休日 Substitute holiday");
    assertThat(ActionDay.holidaysKnown("JP", 2027)).isTrue();
  }

  @Test
  void koreasChuseok2026ClosesTheActionDaySoTheLetterGoesOnTheDayBefore() {
    assertThat(ActionDay.isClosed("KR", LocalDate.of(2026, 9, 24))).isTrue();
    assertThat(ActionDay.isClosed("KR", LocalDate.of(2026, 9, 25))).isTrue();
    assertThat(ActionDay.isClosed("KR", LocalDate.of(2026, 9, 26))).isTrue();
    assertThat(ClosedDays.why("KR", LocalDate.of(2026, 9, 25))).isEqualTo("추석 Chuseok");

    Due seoul = dueOn(LocalDate.of(2026, 9, 24), embassyIn("KR", "Seoul", 37.57, 126.98));

    assertThat(seoul.day()).isEqualTo(LocalDate.of(2026, 9, 23));
    assertThat(seoul.notes()).singleElement().asString().contains("추석 연휴 Chuseok holiday").contains("2026-09-23");
  }

  @Test
  void aCountryJollydayCoversIsClosedOnItsHolidaysOfBothYears() {
    LocalDate thanksgiving = LocalDate.of(2026, 11, 26);

    assertThat(ActionDay.isClosed("US", thanksgiving)).isTrue();
    assertThat(ClosedDays.why("US", thanksgiving)).isEqualTo("Thanksgiving Day");
    assertThat(ActionDay.isClosed("US", LocalDate.of(2027, 11, 25))).isTrue();
    assertThat(ActionDay.isClosed("US", LocalDate.of(2026, 11, 25))).isFalse();
    assertThat(ActionDay.holidaysKnown("US", 2026)).isTrue();
    assertThat(ActionDay.holidaysKnown("US", 2027)).isTrue();
    assertThat(ActionDay.holidaysKnown("US", 2028)).isFalse();
  }

  @Test
  void aHolidayOnAWeekendIsObservedOnTheSubstituteDayJollydayGives() {
    // Boxing Day 2026 is a Saturday: the UK's bank holiday is Monday 28 December.
    assertThat(ActionDay.isClosed("GB", LocalDate.of(2026, 12, 28))).isTrue();
    assertThat(ClosedDays.why("GB", LocalDate.of(2026, 12, 28))).contains("Boxing Day");
  }

  @Test
  void aCountryWithoutBundledHolidaysClosesOnlyOnItsWeekend() {
    // Viet Nam's National Day, Wednesday 2 September 2026: no table knows it, so the letter is due that day.
    LocalDate nationalDay = LocalDate.of(2026, 9, 2);

    assertThat(ActionDay.holidaysKnown("VN", 2026)).isFalse();
    assertThat(ActionDay.isClosed("VN", nationalDay)).isFalse();
    assertThat(dueOn(nationalDay, embassyIn("VN", "Hanoi", 21.03, 105.85)).day()).isEqualTo(nationalDay);
    assertThat(ActionDay.isClosed("VN", LocalDate.of(2026, 9, 5))).isTrue();
  }

  @Test
  void validateWarnsThatOnlyWeekendsCountWhereNoHolidaysAreBundled() {
    Demarche demarche = Demarche.builder().install(new TestPlugin()).build();
    Campaign c = demarche.load(CampaignFiles.write(dir, CampaignFiles.VALID
        + "\nschedule: { actionDay: 2026-09-24, sendAt: \"09:30\", window: \"09:00-12:00\" }\n", CampaignFiles.BODY));
    List<DiplomaticMission> missions = List.of(embassyIn("VN", "Hanoi", 21.03, 105.85),
        embassyIn("US", "Washington", 38.9, -77.04), embassyIn("KR", "Seoul", 37.57, 126.98));

    List<Problem> warnings = CampaignWarnings.of(c, missions, LocalDate.of(2026, 9, 1));

    assertThat(warnings).filteredOn(p -> p.message().contains("public holidays of")).singleElement()
        .satisfies(p -> {
          assertThat(p.field()).isEqualTo("schedule.onClosedDay");
          assertThat(p.message()).isEqualTo("public holidays of VN in 2026 are not bundled: only weekends count as"
              + " closed days there");
        });
  }

  @Test
  void aFridaySaturdayWeekendMovesAFridayActionDayToThursday() {
    DiplomaticMission riyadh = embassyIn("SA", "Riyadh", 24.69, 46.72);
    LocalDate friday = LocalDate.of(2026, 10, 2);

    assertThat(ClosedDays.weekend("SA")).containsExactlyInAnyOrder(java.time.DayOfWeek.FRIDAY,
        java.time.DayOfWeek.SATURDAY);
    assertThat(ActionDay.isClosed("SA", LocalDate.of(2026, 10, 4))).as("a Sunday is a working day there").isFalse();
    Due due = dueOn(friday, riyadh);
    assertThat(due.day()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(due.notes()).singleElement().asString().contains("a Friday, the weekend in SA");
  }

  @Test
  void everyOtherCountryKeepsSaturdayAndSunday() {
    assertThat(ClosedDays.weekend("JP")).containsExactlyInAnyOrder(java.time.DayOfWeek.SATURDAY,
        java.time.DayOfWeek.SUNDAY);
    assertThat(ClosedDays.why("JP", LocalDate.of(2026, 9, 27))).isEqualTo("a Sunday");
  }
}
