package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demarche validate} as an operator runs it: a dry run of everything but delivery (#12 items 3 and 9, #20). */
class ValidateDryRunTest {
  @TempDir
  Path dir;

  private static List<Path> filesIn(Path folder) throws Exception {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.sorted().toList();
    }
  }

  @Test
  void exitsTwoOnACharacterNoConfiguredFontHasAtItsLineAndColumn() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path body = dir.resolve("letter.en.md");
    Files.writeString(body, Files.readString(body).replaceFirst("We write to you", "We write \uD80C\uDC00 to you"));
    List<Path> before = filesIn(dir);

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(body + ":1:10: the character U+13000 (EGYPTIAN HIEROGLYPH A001)")
        .contains("is in none of the configured fonts").contains("7 letters: ")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("is valid");
    assertThat(filesIn(dir)).as("validate writes nothing").isEqualTo(before);
  }

  @Test
  void findsACharacterOnlyInAnAttachedTranslation() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path zh = dir.resolve("letter.zh.md");
    Files.writeString(zh, Files.readString(zh) + "\n\uD80C\uDC00\n");

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(zh.toString()).contains("U+13000").contains(".zh");
  }

  @Test
  void reportsTheLettersLaidOutWhenValid() {
    Cli.Result r = Cli.run("validate", Campaigns.founding(dir).toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("14 documents laid out in memory");
  }

  @Test
  void refusesABodyOutsideTheFolderUnlessTheOperatorAllowsIt() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Path campaignDir = Files.createDirectories(dir.resolve("campaign"));
    Path campaign = Campaigns.founding(campaignDir);
    Files.move(campaignDir.resolve("letter.en.md"), shared.resolve("letter.en.md"));
    Files.writeString(campaign, Files.readString(campaign).replace("body: letter.en.md", "body: ../shared/letter.en.md"));

    Cli.Result refused = Cli.run("validate", campaign.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains(campaign + ":26:3: petition.body: names '../shared/letter.en.md', which is"
        + " outside the campaign's folder");

    Cli.Result allowed = Cli.run("validate", "--allow-dir", shared.toString(), campaign.toString());
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
  }

  @Test
  void aFifoNamedAsTheSignatoryListEndsTheCommandAtOnce() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Files.delete(dir.resolve("signatories.csv"));
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("signatories.csv").toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();

    Cli.Result r = CompletableFuture.supplyAsync(() -> Cli.run("validate", campaign.toString())).get(30, TimeUnit.SECONDS);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("signatories: names 'signatories.csv', which is a device, a FIFO or a socket");
  }

  @Test
  void aYamlTabIsExplainedInWords() throws Exception {
    Path campaign = Campaigns.withChange(dir, "  body: letter.en.md", "\tbody: letter.en.md");

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(campaign + ":26:1: a tab character: YAML indents with spaces only")
        .doesNotContain("while scanning");
  }

  @Test
  void checksTheSmtpSectionEvenWhenTheCampaignsChannelIsTheOutbox() throws Exception {
    Path campaign = Campaigns.withChange(dir, "    port: 587", "    port: 70000");

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(campaign + ":54:5: delivery.smtp.port: ");
  }

  @Test
  void theSupportersBodyOfVoiceObeysTheSameFolderRuleAndAllowDir() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Path campaignDir = Files.createDirectories(dir.resolve("campaign"));
    Path campaign = Campaigns.founding(campaignDir);
    Files.move(campaignDir.resolve("letter.voice.en.md"), shared.resolve("letter.voice.en.md"));
    Files.writeString(campaign, Files.readString(campaign)
        .replace("body: letter.voice.en.md", "body: ../shared/letter.voice.en.md"));
    String[] args = {"voice", campaign.toString(), "--name", "Ken Sato", "--country", "JP", "--region", "JP-27",
        "--out", dir.resolve("out").toString()};

    Cli.Result refused = Cli.run(args);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("delivery.voice.body: names '../shared/letter.voice.en.md', which is outside"
        + " the campaign's folder");

    String[] allowed = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("--allow-dir", shared.toString())).toArray(String[]::new);
    Cli.Result ok = Cli.run(allowed);
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
  }
}
