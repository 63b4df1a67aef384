package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 items 1-3 and 7 as the runner's user meets them, with a set clock ({@code --now}): the founding campaign's
 * schedule is 24 September 2026, 09:30 in each mission's zone (all in Japan: JST), window 09:00-12:00.
 */
class ActionDayCommandsTest {
  @TempDir
  Path dir;

  private List<String> emls(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".eml")).sorted().toList();
    }
  }

  private Path foundingWithThreeEmails() {
    return Campaigns.withSapporoAndNagoyaEmails(Campaigns.founding(dir));
  }

  @Test
  void aRunOnTheDayBeforeSendsNothingAndNamesTheDueTimes() throws Exception {
    Path campaign = foundingWithThreeEmails();
    Path out = dir.resolve("out");

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", out.toString(), "--now", "2026-09-23T12:00+09:00");

    // Not yet due is no failure: exit 0.
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(emls(out)).isEmpty();
    assertThat(r.out()).contains("3 letters are due on 2026-09-24 from 09:30 JST (00:30 UTC): cn-cg-jp-nagoya,"
        + " cn-cg-jp-niigata, cn-cg-jp-sapporo; run again then, or use --wait");
  }

  @Test
  void onTheActionDayAt0931InTokyoTheJapaneseMissionsLettersGo() throws Exception {
    Path campaign = foundingWithThreeEmails();
    Path out = dir.resolve("out");

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", out.toString(), "--now", "2026-09-24T09:31+09:00");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(emls(out)).containsExactly("cn-cg-jp-nagoya.eml", "cn-cg-jp-niigata.eml", "cn-cg-jp-sapporo.eml");
    assertThat(r.out()).doesNotContain("are due on").doesNotContain("Sent late");
  }

  @Test
  void aRunAMinuteBeforeTheDueTimeStillWaits() throws Exception {
    Path campaign = foundingWithThreeEmails();
    Path out = dir.resolve("out");

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", out.toString(), "--now", "2026-09-24T09:29+09:00");

    assertThat(emls(out)).isEmpty();
    assertThat(r.out()).contains("3 letters are due on 2026-09-24 from 09:30 JST");
  }

  @Test
  void aMissionWhoseHoursExclude0930GetsItsLetterAtTheWindowsNextOpening() throws Exception {
    // The campaign's window stands in for office hours (no mission publishes sourced hours yet).
    Path campaign = Campaigns.withChange(dir, "window: \"09:00-12:00\"", "window: \"10:00-12:00\"");
    Path out = dir.resolve("out");

    Cli.Result early = Cli.run("run", campaign.toString(), "--out", out.toString(), "--now", "2026-09-24T09:31+09:00");
    assertThat(emls(out)).isEmpty();
    assertThat(early.out()).contains("1 letter is due on 2026-09-24 from 10:00 JST (01:00 UTC): cn-cg-jp-niigata");

    Cli.Result opening = Cli.run("run", campaign.toString(), "--out", out.toString(), "--now", "2026-09-24T10:00+09:00");
    assertThat(opening.exitCode()).as(opening.err()).isZero();
    assertThat(emls(out)).containsExactly("cn-cg-jp-niigata.eml");
  }

  @Test
  void aRunAfterTheActionDaySendsLateLettersAtOnceAndSaysSo() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path out = dir.resolve("out");

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", out.toString(), "--now", "2026-11-29T10:00+09:00");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(emls(out)).containsExactly("cn-cg-jp-niigata.eml");
    assertThat(r.out()).contains("Sent late: 1 letter due on 2026-09-24 (2026-09-24 09:30 JST for cn-cg-jp-niigata)");
  }

  @Test
  void nowIsRefusedWithSendBecauseItWouldReallySend() {
    Cli.Result r = Cli.run("run", Campaigns.founding(dir).toString(), "--send", "--now", "2026-09-24T09:31+09:00");

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("--now sets the clock for a rehearsal and cannot be used with --send");
  }

  @Test
  void aNowWithoutAnOffsetIsRefusedSayingWhatIsValid() {
    Cli.Result r = Cli.run("run", Campaigns.founding(dir).toString(), "--out", dir.resolve("out").toString(),
        "--now", "2026-09-24 09:31");

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("--now must be an instant with an offset, such as 2026-09-24T09:31+09:00");
  }

  @Test
  void statusShowsEachDueTimeInTheMissionsZoneAndThePostByDay() {
    Path campaign = Campaigns.founding(dir);

    Cli.Result r = Cli.run("status", campaign.toString(), "--now", "2026-09-01T12:00+09:00");

    assertThat(r.exitCode()).as(r.err()).isZero();
    // Three delivery days before Thursday 24 September 2026 (19-23: a weekend and three holidays): 18, 17, 16.
    assertThat(r.out()).contains("Schedule: action day 2026-09-24").contains("2026-09-24 09:30 JST")
        .contains("2026-09-16").doesNotContain("passed: late");
  }

  @Test
  void aLetterPostedLateIsFlaggedByValidateAndStatus() {
    Path campaign = Campaigns.founding(dir);

    Cli.Result validate = Cli.run("validate", campaign.toString(), "--now", "2026-09-20T12:00+09:00");
    Cli.Result status = Cli.run("status", campaign.toString(), "--now", "2026-09-20T12:00+09:00");

    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.err()).contains("the letter to cn-cg-jp-osaka goes by post and should have been posted by"
        + " 2026-09-16 to arrive on 2026-09-24 (JP->JP, 3 delivery days); today is 2026-09-20: it will arrive late");
    assertThat(status.out()).contains("2026-09-16 (passed: late)");
  }

  @Test
  void validateWarnsOfAPostalRouteWithoutAKnownDeliveryTime() {
    Path campaign = Campaigns.withChange(dir, "  postalDays: { \"JP->JP\": 3 }\n", "");

    Cli.Result r = Cli.run("validate", campaign.toString(), "--now", "2026-09-01T12:00+09:00");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("6 letters go by post on the route JP->JP, whose delivery time is not known");
  }

  @Test
  void runWaitStaysUntilTheLetterDueLaterTodayIsSent() throws Exception {
    // Real clock: the letter to Niigata is due six seconds from now in Tokyo, the same day (time for a busy machine
    // to load the campaign before it is due, so that the run has to wait).
    java.time.ZonedDateTime tokyo = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Tokyo")).plusSeconds(6);
    java.time.ZonedDateTime utc = tokyo.withZoneSameInstant(java.time.ZoneId.systemDefault());
    org.junit.jupiter.api.Assumptions.assumeTrue(tokyo.getHour() < 23 && tokyo.getHour() > 0
        && utc.toLocalDate().equals(utc.plusMinutes(5).toLocalDate()), "not near midnight");
    Path campaign = Campaigns.founding(dir);
    String text = Files.readString(campaign)
        .replace("actionDay: 2026-09-24", "actionDay: " + tokyo.toLocalDate())
        .replace("sendAt: \"09:30\"", "sendAt: \"" + tokyo.toLocalTime().withNano(0) + "\"")
        .replace("window: \"09:00-12:00\"", "window: \"00:00-23:59\"")
        .replace("onClosedDay: previous-working-day", "onClosedDay: same-day");
    Files.writeString(campaign, text);
    Path out = dir.resolve("out");

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", out.toString(), "--wait");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("Waiting until");
    assertThat(emls(out)).containsExactly("cn-cg-jp-niigata.eml");
  }

  @Test
  void thePrintKitsCoverSheetShowsThePostByDay() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path out = dir.resolve("out");

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", out.toString(), "--now", "2026-09-01T12:00+09:00");

    assertThat(r.exitCode()).as(r.err()).isZero();
    try (org.apache.pdfbox.pdmodel.PDDocument kit = org.apache.pdfbox.Loader.loadPDF(
        out.resolve("world-save-north-korean-refugees-day-2026.letters.pdf").toFile())) {
      org.apache.pdfbox.text.PDFTextStripper cover = new org.apache.pdfbox.text.PDFTextStripper();
      cover.setStartPage(1);
      cover.setEndPage(1);
      assertThat(cover.getText(kit).replaceAll("\\s+", " ")).contains("Post by 2026-09-16 to arrive on 2026-09-24");
    }
  }
}
