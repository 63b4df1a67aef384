package org.demarche.core;

import org.demarche.core.model.Campaign;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Petition;
import org.demarche.core.model.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignLoadingTest {
  @TempDir
  Path dir;

  private final Demarche demarche = Demarche.builder().install(new TestPlugin()).build();

  private List<Problem> problemsOf(Path file) {
    try {
      demarche.load(file);
    } catch (InvalidInputException e) {
      return e.problems();
    }
    throw new AssertionError("the campaign loaded, but it should not have");
  }

  @Test
  void loadsACampaignWithItsBodyFileBesideIt() {
    Campaign c = demarche.load(CampaignFiles.valid(dir));
    assertThat(c.id()).isEqualTo("test-campaign");
    assertThat(c.petition().body()).contains("{{mission.name}}");
    assertThat(c.delivery().channel()).isEqualTo("counting");
  }

  @Test
  void fillsEachLettersPlaceholdersForItsMission() {
    Campaign c = demarche.load(CampaignFiles.valid(dir));
    List<Letter> letters = demarche.plan(c);
    assertThat(letters).extracting(Letter::id)
        .containsExactly("cn-cg-jp-nagasaki", "cn-cg-jp-osaka", "cn-cg-jp-sapporo");
    Letter osaka = letters.get(1);
    assertThat(osaka.subject()).isEqualTo("Petition via Osaka");
    assertThat(osaka.dateLine()).isEqualTo("24 September 2026");
    assertThat(osaka.paragraphs()).containsExactly(
        "We write on 24 September 2026 to Xi Jinping through the Consulate-General of the People's Republic of China in Osaka.",
        "On 24 September 1982 the People’s Republic of China acceded to the 1951 Convention and its 1967 Protocol.");
  }

  @Test
  void reportsFiveMistakesAtOnceEachWithFileLineAndField() {
    String broken = CampaignFiles.VALID
        .replace("email: info@lfnkr.example.org", "email: info-at-lfnkr")
        .replace("country: JP }", "country: Japan }")
        .replace("date: 2026-09-24", "date: 24/09/2026")
        .replace("  closing: Sincerely,", "  closing: Sincerely,\n  signature: yes")
        .replace("select: { sendingState: CN, hostCountry: JP }", "select: { sendingState: CN, hostCountry: XX }");
    Path file = CampaignFiles.write(dir, broken, CampaignFiles.BODY);

    List<Problem> problems = problemsOf(file);

    assertThat(problems).extracting(p -> p.location().line() + " " + p.field()).containsExactly(
        "2 date",
        "6 sender.address.country",
        "7 sender.email",
        "15 petition.signature",
        "19 recipients.select.hostCountry");
    assertThat(problems).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(file.toString()));
    assertThat(problems.get(1).message()).contains("ISO 3166-1 alpha-2").contains("'Japan'");
    assertThat(problems.get(3).message()).contains("unknown field 'signature'").contains("closing");
  }

  @Test
  void failsAtLoadWhenAPlaceholderNamesNothing() {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID, "Dear friends,\n\nWe write to the {{mission.nmae}}.\n");

    List<Problem> problems = problemsOf(file);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location().file()).endsWith("letter.en.md");
      assertThat(p.location().line()).isEqualTo(3);
      assertThat(p.message()).contains("{{mission.nmae}} names nothing").contains("mission.name");
    });
  }

  @Test
  void failsAtLoadWhenASectionIsLeftOpen() {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID, "Dear friends,\n\n{{#mission.localName}}Hello\n");

    assertThat(problemsOf(file)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not well formed"));
  }

  @Test
  void refusesALineBreakInTheSubject() {
    Path file = CampaignFiles.write(dir,
        CampaignFiles.VALID.replace("subject: \"Petition via {{mission.city}}\"", "subject: \"Petition\\r\\nBcc: x@evil.example\""),
        CampaignFiles.BODY);

    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("petition.subject");
      assertThat(p.location().line()).isEqualTo(12);
      assertThat(p.message()).contains("single line").contains("U+000D");
    });
  }

  @Test
  void saysNoInstalledPluginProvidesTheChannelAndListsTheInstalledOnes() {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID.replace("channel: counting", "channel: smtp"),
        CampaignFiles.BODY);

    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("delivery.channel");
      assertThat(p.message()).contains("'smtp' is provided by no installed plugin")
          .contains("Installed channels: counting");
    });
  }

  @Test
  void reportsAMissingBodyFileByName() {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID.replace("body: letter.en.md", "body: lettre.en.md"),
        CampaignFiles.BODY);

    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("petition.body");
      assertThat(p.location().line()).isEqualTo(13);
      assertThat(p.message()).contains("'lettre.en.md', which does not exist");
    });
  }

  @Test
  void refusesDuplicateKeys() {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID.replace("id: test-campaign", "id: a\nid: b"),
        CampaignFiles.BODY);

    assertThat(problemsOf(file)).singleElement()
        .satisfies(p -> {
          assertThat(p.location().line()).isEqualTo(2);
          assertThat(p.message()).contains("'id' appears twice");
        });
  }

  @Test
  void printsTemplateSyntaxInFieldValuesLiterally() {
    Campaign c = demarche.load(CampaignFiles.write(dir,
        CampaignFiles.VALID.replace("name: Hiroshi Kato", "name: \"{{7*7}} ${7*7} <#assign x=1>\""),
        "Signed by {{signer.name}}.\n"));
    Letter letter = demarche.plan(c).get(0);
    // Issue 13: the body is Markdown, so a value's Markdown marks are escaped in the paragraph's source and the
    // text a reader gets (PDF, email) is the value as written.
    assertThat(letter.paragraphs()).containsExactly("Signed by {{7\\*7}} ${7\\*7} \\<#assign x=1\\>.");
    assertThat(letter.plainText()).contains("Signed by {{7*7}} ${7*7} <#assign x=1>.");
  }

  @Test
  void skipsBadSignatoryRowsOnlyWhenTheCampaignAsks() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("signatories.csv"),
        "name,country,email\nAiko,JP,aiko@example.org\nBad Row,QQ,\nKen,JP,\n");
    Path strict = CampaignFiles.write(dir, CampaignFiles.VALID + "signatories: signatories.csv\n", CampaignFiles.BODY);
    assertThat(problemsOf(strict)).singleElement().satisfies(p -> {
      assertThat(p.location().line()).isEqualTo(3);
      assertThat(p.field()).isEqualTo("country");
    });

    Path lenient = CampaignFiles.write(dir,
        CampaignFiles.VALID + "signatories: signatories.csv\nsignatoryOptions: { skipBadRows: true }\n", CampaignFiles.BODY);
    assertThat(demarche.load(lenient).signatories().count()).isEqualTo(2);
  }
}
