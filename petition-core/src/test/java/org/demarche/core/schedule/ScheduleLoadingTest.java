package org.demarche.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.demarche.core.Demarche;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Schedule;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign's {@code schedule} section: read with the same located problems as every field. */
class ScheduleLoadingTest {
  @TempDir
  Path dir;

  private final Demarche demarche = Demarche.builder().install(new TestPlugin()).build();

  private Path withSchedule(String schedule) {
    return CampaignFiles.write(dir, CampaignFiles.VALID + "\n" + schedule + "\n", CampaignFiles.BODY);
  }

  private List<Problem> problemsOf(Path file) {
    try {
      demarche.load(file);
    } catch (InvalidInputException e) {
      return e.problems();
    }
    throw new AssertionError("the campaign loaded, but it should not have");
  }

  @Test
  void aCampaignWithoutAScheduleHasNone() {
    Campaign c = demarche.load(CampaignFiles.write(dir, CampaignFiles.VALID, CampaignFiles.BODY));
    assertThat(c.schedule()).isEmpty();
    assertThat(demarche.dueTimes(c)).isEmpty();
  }

  @Test
  void theScheduleSectionIsRead() {
    Campaign c = demarche.load(withSchedule("schedule: { actionDay: 2026-09-24, sendAt: \"09:30\", window: \"09:00-12:00\","
        + " onClosedDay: same-day, postalDays: { \"JP->JP\": 2, \"JP->*\": 7 } }"));

    Schedule s = c.schedule().orElseThrow();
    assertThat(s.actionDay()).isEqualTo(LocalDate.of(2026, 9, 24));
    assertThat(s.sendAt()).isEqualTo(LocalTime.of(9, 30));
    assertThat(s.window().toString()).isEqualTo("09:00-12:00");
    assertThat(s.onClosedDay()).isEqualTo(Schedule.ClosedDayRule.SAME_DAY);
    assertThat(s.postalDays()).isEqualTo(Map.of("JP->JP", 2, "JP->*", 7));
  }

  @Test
  void anUnquotedTimeReadsAsWritten() {
    // The located tree keeps scalars as written, so YAML 1.1's sexagesimal 10:00 (= 600) never happens.
    Campaign c = demarche.load(withSchedule("schedule:\n  actionDay: 2026-09-24\n  sendAt: 10:00"));
    assertThat(c.schedule().orElseThrow().sendAt()).isEqualTo(LocalTime.of(10, 0));
  }

  @Test
  void aTimeThatIsNotOneIsRefusedAtItsField() {
    assertThat(problemsOf(withSchedule("schedule: { actionDay: 2026-09-24, sendAt: \"half past nine\" }")))
        .singleElement().satisfies(p -> {
          assertThat(p.field()).isEqualTo("schedule.sendAt");
          assertThat(p.message()).contains("HH:MM").contains("half past nine");
        });
  }

  @Test
  void anUnknownClosedDayRuleNamesTheValidOnes() {
    assertThat(problemsOf(withSchedule("schedule: { actionDay: 2026-09-24, onClosedDay: next-day }")))
        .singleElement().satisfies(p -> {
          assertThat(p.field()).isEqualTo("schedule.onClosedDay");
          assertThat(p.message()).contains("previous-working-day or same-day").contains("next-day");
        });
  }

  @Test
  void aWindowThatClosesBeforeItOpensIsRefused() {
    assertThat(problemsOf(withSchedule("schedule: { actionDay: 2026-09-24, window: \"12:00-09:00\" }")))
        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("schedule.window"));
  }

  @Test
  void aBadPostalRouteIsRefusedAtItsKey() {
    assertThat(problemsOf(withSchedule("schedule: { actionDay: 2026-09-24, postalDays: { \"Japan->JP\": 2 } }")))
        .singleElement().satisfies(p -> {
          assertThat(p.field()).isEqualTo("schedule.postalDays.Japan->JP");
          assertThat(p.message()).contains("JP->JP or JP->*");
        });
  }

  @Test
  void postalDaysThatAreNotAWholeNumberAreRefused() {
    assertThat(problemsOf(withSchedule("schedule: { actionDay: 2026-09-24, postalDays: { \"JP->JP\": two } }")))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("whole number of days").contains("'two'"));
  }

  @Test
  void aScheduleWithoutAnActionDayIsRefused() {
    assertThat(problemsOf(withSchedule("schedule: { sendAt: \"09:30\" }")))
        .anySatisfy(p -> assertThat(p.field()).isEqualTo("schedule.actionDay"));
  }

  @Test
  void theSchemaOffersTheScheduleSection() {
    assertThat(Demarche.campaignSchema()).contains("\"schedule\"").contains("previous-working-day")
        .contains("actionDay");
  }
}
