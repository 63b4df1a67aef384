package org.demarche.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Provenance;
import org.demarche.core.model.Schedule;
import org.junit.jupiter.api.Test;

class ActionDayTest {
  private static final LocalDate ACTION_DAY = LocalDate.of(2026, 9, 24);
  private static final Schedule.Window MORNING = new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(12, 0));

  private static Schedule schedule(LocalDate day, LocalTime sendAt, Schedule.Window window,
      Schedule.ClosedDayRule rule, Map<String, Integer> postalDays) {
    return new Schedule(day, sendAt, window, rule, postalDays);
  }

  private static DiplomaticMission abroad(String id, String country, String city, double lat, double lon) {
    return new DiplomaticMission(id, MissionKind.CONSULATE_GENERAL, "Consulate-General in " + city, Optional.empty(),
        "CN", country, city, new PostalAddress(List.of("1 Main Street"), city, Optional.empty(), Optional.empty(),
            country, List.of()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
        Set.of(), Optional.of(new Coordinate(lat, lon)),
        Map.of("mission", Provenance.confirmed("test fixture", LocalDate.of(2026, 11, 28))));
  }

  @Test
  void aJapaneseMissionsLetterIsDueAtSendAtInTokyoTime() {
    Due due = new ActionDay(Schedule.of(ACTION_DAY, LocalTime.of(9, 30), MORNING), "JP").due(Fixtures.osaka());

    assertThat(due.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(due.at()).isEqualTo(ZonedDateTime.of(2026, 9, 24, 9, 30, 0, 0, ZoneId.of("Asia/Tokyo")));
    assertThat(due.instant().toString()).isEqualTo("2026-09-24T00:30:00Z");
    assertThat(due.notes()).isEmpty();
  }

  @Test
  void aSendAtBeforeTheWindowMovesToItsOpening() {
    Schedule.Window late = new Schedule.Window(LocalTime.of(10, 0), LocalTime.of(12, 0));

    Due due = new ActionDay(Schedule.of(ACTION_DAY, LocalTime.of(9, 30), late), "JP").due(Fixtures.osaka());

    assertThat(due.at().toLocalTime()).isEqualTo(LocalTime.of(10, 0));
    assertThat(due.notes()).singleElement().asString().contains("outside the window 10:00-12:00");
  }

  @Test
  void aMissionInACountryWithSeveralZonesTakesTheNearestZoneCitys() {
    DiplomaticMission chicago = abroad("cn-cg-us-chicago", "US", "Chicago", 41.89, -87.63);
    DiplomaticMission sanFrancisco = abroad("cn-cg-us-san-francisco", "US", "San Francisco", 37.78, -122.42);
    DiplomaticMission vancouver = abroad("cn-cg-ca-vancouver", "CA", "Vancouver", 49.26, -123.14);

    ActionDay day = new ActionDay(Schedule.of(ACTION_DAY, LocalTime.of(9, 30), MORNING), "JP");

    assertThat(day.due(chicago).zone()).isEqualTo(ZoneId.of("America/Chicago"));
    assertThat(day.due(sanFrancisco).zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(day.due(vancouver).zone()).isEqualTo(ZoneId.of("America/Vancouver"));
    assertThat(day.due(chicago).instant().toString()).isEqualTo("2026-09-24T14:30:00Z");
  }

  @Test
  void anActionDayOnAJapaneseHolidayMovesToThePreviousWorkingDay() {
    // 2026-09-23 is 秋分の日; 21 and 22 are holidays too, 19 and 20 a weekend: Friday 18 is the working day before.
    LocalDate equinox = LocalDate.of(2026, 9, 23);

    Due moved = new ActionDay(schedule(equinox, LocalTime.of(9, 30), MORNING,
        Schedule.ClosedDayRule.PREVIOUS_WORKING_DAY, Map.of()), "JP").due(Fixtures.osaka());

    assertThat(moved.day()).isEqualTo(LocalDate.of(2026, 9, 18));
    assertThat(moved.notes()).singleElement().asString().contains("秋分の日").contains("2026-09-18");
  }

  @Test
  void anActionDayOnAHolidayStaysWithSameDay() {
    LocalDate equinox = LocalDate.of(2026, 9, 23);

    Due kept = new ActionDay(schedule(equinox, LocalTime.of(9, 30), MORNING, Schedule.ClosedDayRule.SAME_DAY,
        Map.of()), "JP").due(Fixtures.osaka());

    assertThat(kept.day()).isEqualTo(equinox);
  }

  @Test
  void thePostByDateFromTokyoToOsakaCountsOnlyDeliveryDays() {
    // Two delivery days before Thursday 24 September 2026: 19-23 are a weekend and three holidays, so 18 and 17 count.
    ActionDay day = new ActionDay(schedule(ACTION_DAY, LocalTime.of(9, 30), MORNING,
        Schedule.ClosedDayRule.PREVIOUS_WORKING_DAY, Map.of("JP->JP", 2, "JP->*", 7)), "JP");

    Due osaka = day.due(Fixtures.nagasakiWithoutEmail());

    assertThat(osaka.postalRoute()).isEqualTo("JP->JP");
    assertThat(osaka.postalDays()).contains(2);
    assertThat(osaka.postBy()).contains(LocalDate.of(2026, 9, 17));
  }

  @Test
  void thePostByDateToAMissionAbroadFollowsTheRouteToAnyCountry() {
    ActionDay day = new ActionDay(schedule(ACTION_DAY, LocalTime.of(9, 30), MORNING,
        Schedule.ClosedDayRule.PREVIOUS_WORKING_DAY, Map.of("JP->JP", 2, "JP->*", 7)), "JP");

    Due chicago = day.due(abroad("cn-cg-us-chicago", "US", "Chicago", 41.89, -87.63));

    // Seven weekdays before Thursday 24 September: 23, 22, 21, 18, 17, 16, 15.
    assertThat(chicago.postalRoute()).isEqualTo("JP->US");
    assertThat(chicago.postBy()).contains(LocalDate.of(2026, 9, 15));
  }

  @Test
  void aLetterPostedAfterItsPostByDateIsLate() {
    ActionDay day = new ActionDay(schedule(ACTION_DAY, LocalTime.of(9, 30), MORNING,
        Schedule.ClosedDayRule.PREVIOUS_WORKING_DAY, Map.of("JP->JP", 2)), "JP");
    Due due = day.due(Fixtures.nagasakiWithoutEmail());

    assertThat(due.postedLate(LocalDate.of(2026, 9, 17))).isFalse();
    assertThat(due.postedLate(LocalDate.of(2026, 9, 18))).isTrue();
  }

  @Test
  void aRouteWithoutAFigureHasNoPostByDate() {
    Due due = new ActionDay(Schedule.of(ACTION_DAY, LocalTime.of(9, 30), MORNING), "JP")
        .due(Fixtures.nagasakiWithoutEmail());

    assertThat(due.postalDays()).isEmpty();
    assertThat(due.postBy()).isEmpty();
    assertThat(due.postedLate(LocalDate.of(2026, 11, 29))).isFalse();
  }

  private static DiplomaticMission withHours(DiplomaticMission m, String hours) {
    return new DiplomaticMission(m.id(), m.kind(), m.name(), m.localName(), m.sendingState(), m.hostCountry(), m.city(),
        m.address(), m.email(), m.phone(), m.fax(), m.web(), m.jurisdiction(), m.jurisdictionCountries(),
        m.coordinate(), m.source(), Optional.empty(), Optional.of(org.demarche.core.model.OfficeHours.parse(hours)));
  }

  @Test
  void aMissionWhoseOfficeHoursExclude0930GetsItsLetterAtTheirNextOpening() {
    DiplomaticMission osaka = withHours(Fixtures.osaka(), "Mon-Fri 10:00-12:00,14:00-16:00");

    Due due = new ActionDay(Schedule.of(ACTION_DAY, LocalTime.of(9, 30), MORNING), "JP").due(osaka);

    assertThat(due.at().toLocalTime()).isEqualTo(LocalTime.of(10, 0));
    assertThat(due.notes()).singleElement().asString().contains("office hours");
  }

  @Test
  void aWeekdayWithoutOfficeHoursIsAClosedDay() {
    // Thursday 24 is not in Mon-Wed hours; 19-23 are a weekend and holidays, 17-18 outside the hours: Wednesday 16.
    DiplomaticMission osaka = withHours(Fixtures.osaka(), "Mon-Wed 09:00-17:00");

    Due due = new ActionDay(Schedule.of(ACTION_DAY, LocalTime.of(9, 30), MORNING), "JP").due(osaka);

    assertThat(due.day()).isEqualTo(LocalDate.of(2026, 9, 16));
  }

  @Test
  void aTimeZoneTheDirectoryGivesWinsOverTheCountrys() {
    DiplomaticMission m = Fixtures.osaka();
    DiplomaticMission inSeoulTime = new DiplomaticMission(m.id(), m.kind(), m.name(), m.localName(), m.sendingState(),
        m.hostCountry(), m.city(), m.address(), m.email(), m.phone(), m.fax(), m.web(), m.jurisdiction(),
        m.jurisdictionCountries(), m.coordinate(), m.source(), Optional.of(ZoneId.of("Asia/Seoul")), Optional.empty());

    assertThat(new ActionDay(Schedule.of(ACTION_DAY, LocalTime.of(9, 30), MORNING), "JP").due(inSeoulTime).zone())
        .isEqualTo(ZoneId.of("Asia/Seoul"));
  }
}
