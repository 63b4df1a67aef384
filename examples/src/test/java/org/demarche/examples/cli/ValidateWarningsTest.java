package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22, item 4: validate warns (exit 0) about what a valid campaign probably did not mean. */
class ValidateWarningsTest {
  @TempDir
  Path dir;

  private Path initialized(String... changes) {
    Path folder = dir.resolve("c");
    Cli.Result init = Cli.run(InitCommandTest.initArgs(folder, changes));
    assertThat(init.exitCode()).as(init.err()).isZero();
    return folder.resolve("campaign.yaml");
  }

  private static void change(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void aSenderWithoutStreetLinesWarnsWhenLettersGoByPost() throws Exception {
    Path campaign = initialized();
    change(campaign, "lines: [\"2-3-4 Shinjuku\"]", "lines: []");

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("demarche: warning: " + campaign + ":10:5: sender.address.lines: 6 letters")
        .contains("go by post, but the sender's address has no street lines");
  }

  @Test
  void aTemplateThatRepeatsTheCityTheMissionNameHoldsWarns() throws Exception {
    Path campaign = initialized();
    change(campaign, "subject: \"Petition from Tokyo Refugee Support Circle\"",
        "subject: \"Petition to the {{mission.name}} in {{mission.city}}\"");

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("petition.subject: '{{mission.name}} in {{mission.city}}' prints '")
        .containsPattern("in (\\w+) in \\1' for cn-cg-jp-\\w+: \\{\\{mission.name}} already holds");
  }

  @Test
  void aRepeatInTheBodyFileWarnsToo() throws Exception {
    Path campaign = initialized();
    Path body = campaign.resolveSibling("letter.en.md");
    change(body, "through the {{mission.name}}.", "through the {{mission.name}}, {{mission.city}}.");

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("petition.body: '{{mission.name}}, {{mission.city}}' prints");
  }

  @Test
  void aTemplateNamingTheCityOnceDoesNotWarn() throws Exception {
    Path campaign = initialized();
    change(campaign, "subject: \"Petition from Tokyo Refugee Support Circle\"",
        "subject: \"Petition to your mission in {{mission.city}}\"");

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("warning");
  }

  @Test
  void aCampaignDateThatHasPassedWarns() {
    Path campaign = initialized("--date", "2020-09-24");

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains(campaign + ":5:").contains("date: the campaign date 2020-09-24 has passed");
  }

  @Test
  void warningsLeaveTheJsonOutputOneDocument() throws Exception {
    Path campaign = initialized("--date", "2020-09-24");

    Cli.Result r = Cli.run("validate", campaign.toString(), "--format", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).isObject()).isTrue();
    assertThat(r.err()).contains("has passed");
  }

  @Test
  void aSectionWrittenAsTextListsItsFieldsAndWhichAreRequired() throws Exception {
    Path campaign = initialized();
    String text = Files.readString(campaign);
    int start = text.indexOf("  address:");
    int end = text.indexOf("  email:");
    Files.writeString(campaign, text.substring(0, start) + "  address: Tokyo\n" + text.substring(end));

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("sender.address: must be a section with the fields lines, city (required), region,"
        + " postalCode, country (required), localLines; not 'Tokyo'");
  }

  @Test
  void aMissingSectionListsItsFieldsToo() throws Exception {
    Path campaign = initialized();
    String text = Files.readString(campaign);
    Files.writeString(campaign, text.substring(0, text.indexOf("recipients:")) + text.substring(text.indexOf("delivery:")));

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("recipients: is missing: a section with the fields directories, ids, select");
  }
}
