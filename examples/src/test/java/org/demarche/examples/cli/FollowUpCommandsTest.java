package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code posted} and {@code outcome}: recorded in the journal, shown by status, never a reason to send again. */
class FollowUpCommandsTest {
  @TempDir
  Path dir;

  Path campaign;

  @BeforeEach
  void runToTheOutbox() {
    campaign = Campaigns.founding(dir);
    Cli.Result run = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void postedAndOutcomeAppearInStatusTable() {
    Cli.Result posted = Cli.run("posted", campaign.toString(), "cn-cg-jp-osaka", "--on", "2026-09-18", "--tracking",
        "EJ123456789JP");
    Cli.Result replied = Cli.run("outcome", campaign.toString(), "cn-cg-jp-osaka", "replied", "--on", "2026-10-01",
        "--note", "a letter from the consul");

    assertThat(posted.exitCode()).as(posted.err()).isZero();
    assertThat(posted.out()).startsWith("recorded: cn-cg-jp-osaka posted on 2026-09-18, tracking EJ123456789JP");
    assertThat(replied.exitCode()).as(replied.err()).isZero();
    Cli.Result status = Cli.run("status", campaign.toString());
    // The table wraps its last column: compare with the wrapping undone.
    assertThat(status.out().replaceAll("\\s+", " ")).contains("AFTER").contains("posted 2026-09-18 (tracking EJ123456789JP)")
        .contains("replied 2026-10-01 (a letter from the consul)");
  }

  @Test
  void postedAndOutcomeAppearInStatusJson() throws Exception {
    Cli.run("posted", campaign.toString(), "cn-cg-jp-osaka", "--on", "2026-09-18", "--tracking", "EJ123456789JP");
    Cli.run("outcome", campaign.toString(), "cn-cg-jp-osaka", "returned", "--on", "2026-10-02");

    JsonNode json = new ObjectMapper().readTree(Cli.run("status", campaign.toString(), "--format", "json").out());

    JsonNode osaka = null;
    for (JsonNode l : json.get("letters")) {
      if (l.get("id").asText().equals("cn-cg-jp-osaka")) {
        osaka = l;
      }
    }
    assertThat(osaka.get("state").asText()).isEqualTo("by-post");
    assertThat(osaka.get("after")).hasSize(2);
    assertThat(osaka.get("after").get(0).get("kind").asText()).isEqualTo("posted");
    assertThat(osaka.get("after").get(0).get("on").asText()).isEqualTo("2026-09-18");
    assertThat(osaka.get("after").get(0).get("tracking").asText()).isEqualTo("EJ123456789JP");
    assertThat(osaka.get("after").get(1).get("kind").asText()).isEqualTo("returned");
  }

  @Test
  void anOutcomeNeverMakesARunSendTheLetterAgain() {
    Cli.run("outcome", campaign.toString(), "cn-cg-jp-niigata", "refused", "--on", "2026-09-25");

    Cli.Result again = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("Nothing new");
  }

  @Test
  void postedRefusesALetterThatWentByEmailAndSaysWhatToUse() {
    Cli.Result r = Cli.run("posted", campaign.toString(), "cn-cg-jp-niigata", "--on", "2026-09-18");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("did not go by post").contains("demarche outcome");
  }

  @Test
  void anUnknownMissionIsRefusedWithTheLettersThereAre() {
    Cli.Result r = Cli.run("outcome", campaign.toString(), "cn-cg-jp-kyoto", "replied", "--on", "2026-09-30");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no letter 'cn-cg-jp-kyoto'").contains("cn-cg-jp-osaka, cn-cg-jp-sapporo");
  }

  @Test
  void anUnknownOutcomeOrDateSaysWhatWouldBeValid() {
    Cli.Result kind = Cli.run("outcome", campaign.toString(), "cn-cg-jp-osaka", "ignored", "--on", "2026-09-30");
    Cli.Result date = Cli.run("outcome", campaign.toString(), "cn-cg-jp-osaka", "replied", "--on", "30/9/2026");

    assertThat(kind.exitCode()).isEqualTo(2);
    assertThat(kind.err()).contains("'ignored' is no outcome: say replied, refused, returned or bounced");
    assertThat(date.exitCode()).isEqualTo(2);
    assertThat(date.err()).contains("--on: '30/9/2026' is not a date").contains("2026-09-24");
  }
}
