package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir
  Path dir;

  /**
   * Every flag a script gives: an NGO in Tokyo petitioning the PRC through its missions in Japan; {@code changes}
   * are pairs of a flag and its value, replacing the one given here or added.
   */
  static String[] initArgs(Path folder, String... changes) {
    List<String> args = new ArrayList<>(List.of("init", folder.toString(),
        "--name", "Tokyo Refugee Support Circle", "--short-name", "TRSC", "--street", "2-3-4 Shinjuku",
        "--city", "Tokyo", "--postal-code", "160-0022", "--country", "JP", "--email", "office@trsc.example.org",
        "--sending-state", "CN", "--host-country", "JP", "--language", "en",
        "--addressee-name", "Xi Jinping", "--addressee-title", "President of the People's Republic of China",
        "--salutation", "Dear Mr. President:", "--signer", "Aiko Tanaka", "--signer-title", "Chair"));
    for (int i = 0; i < changes.length; i += 2) {
      int at = args.indexOf(changes[i]);
      if (at < 0) {
        args.addAll(List.of(changes[i], changes[i + 1]));
      } else {
        args.set(at + 1, changes[i + 1]);
      }
    }
    return args.toArray(String[]::new);
  }

  @Test
  void initWritesACampaignThatValidatesAndRunsAtOnce() throws Exception {
    Path folder = dir.resolve("refugee-day");

    Cli.Result init = Cli.run(initArgs(folder));
    assertThat(init.exitCode()).as(init.err()).isZero();
    Cli.Result validate = Cli.run("validate", folder.resolve("campaign.yaml").toString());
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.err()).as("a fresh campaign has no warning").doesNotContain("warning");
    Path out = dir.resolve("out");
    Cli.Result run = Cli.run("run", folder.resolve("campaign.yaml").toString(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.matches("cn-[a-z-]+\\.en\\.pdf"))).hasSize(7);
    }
  }

  @Test
  void initWritesTheCampaignItsBodyAnEmptySignatoriesCsvAndTheSchema() throws Exception {
    Path folder = dir.resolve("c");

    Cli.run(initArgs(folder));

    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("campaign.yaml",
          "letter.en.md", "signatories.csv", "campaign.schema.json");
    }
    assertThat(Files.readAllLines(folder.resolve("signatories.csv")))
        .containsExactly("name,kind,organization,city,country,email,signedAt,disclosure");
    assertThat(Files.readString(folder.resolve("campaign.schema.json")).strip())
        .isEqualTo(Cli.run("schema").out().strip());
  }

  @Test
  void theCampaignFileReferencesTheSchemaAndCommentsEveryField() throws Exception {
    Path folder = dir.resolve("c");
    Cli.run(initArgs(folder));

    List<String> lines = Files.readAllLines(folder.resolve("campaign.yaml"));

    assertThat(lines.get(0)).isEqualTo("# yaml-language-server: $schema=campaign.schema.json");
    List<String> fields = lines.stream().filter(l -> l.matches("\\s*[A-Za-z]+:.*")).toList();
    assertThat(fields).hasSizeGreaterThan(25).allSatisfy(l -> assertThat(l).contains("  # "));
    assertThat(lines).contains("id: \"c\"  # required: stable: the journal and message ids hang on it");
  }

  @Test
  void theSelectedMissionsAreListedInAComment() throws Exception {
    Path folder = dir.resolve("c");
    Cli.run(initArgs(folder));

    String yaml = Files.readString(folder.resolve("campaign.yaml"));

    assertThat(yaml).contains("  # Selected now, 7 (demarche recipients --sending-state CN --host-country JP):")
        .contains("  #   cn-embassy-jp-tokyo  ").contains("  #   cn-cg-jp-osaka  ");
  }

  @Test
  void initNeverReplacesAnExistingFileAndWritesNothingThen() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("c"));
    Files.writeString(folder.resolve("letter.en.md"), "my own letter\n");

    Cli.Result r = Cli.run(initArgs(folder));

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains(folder.resolve("letter.en.md").toString()).contains("never replaces");
    assertThat(Files.readString(folder.resolve("letter.en.md"))).isEqualTo("my own letter\n");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void withoutATerminalMissingFlagsAreNamedAndNothingIsWritten() {
    Path folder = dir.resolve("c");

    Cli.Result r = Cli.run("init", folder.toString(), "--name", "Tokyo Refugee Support Circle", "--city", "Tokyo");

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("init needs --street, --country, --email, --sending-state, --host-country,"
        + " --language, --addressee-name, --addressee-title, --signer");
    assertThat(folder).doesNotExist();
  }

  @Test
  void aBadValueIsRefusedByItsFlagBeforeAnyFileIsWritten() {
    Path folder = dir.resolve("c");

    Cli.Result r = Cli.run(initArgs(folder, "--email", "office-at-trsc"));

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("--email").contains("office-at-trsc");
    assertThat(folder).doesNotExist();
  }

  @Test
  void aStateWithNoMissionInTheHostCountryIsRefusedWithWhereToLook() {
    Cli.Result r = Cli.run(initArgs(dir.resolve("c"), "--sending-state", "CN", "--host-country", "AQ"));

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("no mission of CN in AQ").contains("demarche recipients --sending-state CN");
  }
}
