package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Letter;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Problem;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns read from a stream or built in code: no file, the same checks, a journal given explicitly. */
class EmbeddingApiTest {
  private static final Map<String, String> TEXTS = Map.of("letter.en.md", CampaignFiles.BODY);

  @TempDir
  Path dir;

  private final Demarche demarche = Demarche.builder().install(new TestPlugin()).build();

  private static List<Problem> problemsOf(Runnable load) {
    try {
      load.run();
    } catch (InvalidInputException e) {
      return e.problems();
    }
    throw new AssertionError("the campaign loaded, but it should not have");
  }

  private CampaignBuilder small() {
    return demarche.newCampaign("built-campaign")
        .date(LocalDate.of(2026, 9, 24))
        .sender("Life Funds for North Korean Refugees", "info@lfnkr.example.org",
            PostalAddress.of(List.of("1-2-3 Example"), "Tokyo", "160-0000", "JP"))
        .addressee("Xi Jinping", "President of the People's Republic of China", "Dear Mr. President:")
        .subject("Petition via {{mission.city}}")
        .body(CampaignFiles.BODY)
        .signedBy("Hiroshi Kato", "Executive Director")
        .select("CN", "JP")
        .channel("counting", Map.of())
        .renderer("text", Map.of());
  }

  @Test
  void aCampaignReadFromAReaderPlansTheSameLettersAsTheSameCampaignReadFromItsFile() {
    Campaign fromFile = demarche.load(CampaignFiles.valid(dir));
    Campaign fromReader = demarche.load(new StringReader(CampaignFiles.VALID), "action.yaml", TEXTS);

    assertThat(demarche.plan(fromReader)).extracting(Letter::subject, Letter::paragraphs)
        .isEqualTo(demarche.plan(fromFile).stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.subject(),
            l.paragraphs())).toList());
    assertThat(fromReader.source().name()).isEqualTo("action.yaml");
    assertThat(fromReader.folder()).isEmpty();
  }

  @Test
  void problemsInAStreamAreNamedByTheCallersNameWithTheLinesAFileWouldGive() {
    String broken = CampaignFiles.VALID.replace("email: info@lfnkr.example.org", "email: info-at-lfnkr")
        .replace("select: { sendingState: CN, hostCountry: JP }", "select: { sendingState: CN, hostCountry: XX }");

    Path file = CampaignFiles.write(dir, broken, CampaignFiles.BODY);
    List<String> fromFile = problemsOf(() -> demarche.load(file)).stream().map(Problem::toString)
        .map(p -> p.replace(file.toString(), "db:campaign/42")).toList();

    List<Problem> problems = problemsOf(() -> demarche.load(
        new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "db:campaign/42", TEXTS));

    assertThat(problems).extracting(Problem::toString).isEqualTo(fromFile).containsExactly(
        "db:campaign/42:7:3: sender.email: must be an email address such as info@example.org, not 'info-at-lfnkr'",
        "db:campaign/42:18:31: recipients.select.hostCountry: must be an ISO 3166-1 alpha-2 code in capitals such as"
            + " JP or CN, not 'XX'");
  }

  @Test
  void aBodyTextWithAnUnknownPlaceholderIsReportedInTheGivenTextAtItsLine() {
    Map<String, String> texts = Map.of("letter.en.md", "Dear friends,\n\nWe write to the {{mission.nmae}}.\n");

    List<Problem> problems = problemsOf(() -> demarche.load(new StringReader(CampaignFiles.VALID), "app", texts));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location().file()).isEqualTo("app/letter.en.md");
      assertThat(p.location().line()).isEqualTo(3);
      assertThat(p.message()).contains("{{mission.nmae}} names nothing");
    });
  }

  @Test
  void aTextTheCampaignNamesButWasNotGivenIsAProblemAtItsField() {
    List<Problem> problems = problemsOf(() -> demarche.load(new StringReader(CampaignFiles.VALID), "app", Map.of()));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("petition.body");
      assertThat(p.location().line()).isEqualTo(13);
      assertThat(p.message()).contains("'letter.en.md'").contains("was not given");
    });
  }

  @Test
  void aStreamCampaignNamingAFileIsRefusedAtThatFieldAndReadsNoFile() {
    String withFiles = CampaignFiles.VALID.replace("directories: [bundled]", "directories: [bundled, corrections.json]")
        + "signatories: signatories.csv\n";

    List<Problem> problems = problemsOf(() -> demarche.load(new StringReader(withFiles), "app", TEXTS));

    assertThat(problems).extracting(Problem::field)
        .containsExactlyInAnyOrder("recipients.directories[1]", "signatories");
    assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("was not loaded from a file"));
  }

  @Test
  void aStreamWhoseNameEndsInJsonIsReadAsJson() {
    String json = """
        {"id": "json-campaign", "date": "2026-09-24",
         "sender": {"name": "LFNKR", "email": "info@lfnkr.example.org",
                    "address": {"lines": ["1-2-3 Example"], "city": "Tokyo", "country": "JP"}},
         "petition": {"language": "en", "subject": "Petition", "body": "letter.en.md", "closing": "Sincerely,",
                      "addressee": {"name": "Xi Jinping", "title": "President", "salutation": "Dear Mr. President:"},
                      "signedBy": {"name": "Hiroshi Kato"}},
         "recipients": {"select": {"sendingState": "CN", "hostCountry": "JP"}},
         "delivery": {"channel": "counting", "renderer": "text"}}
        """;

    Campaign c = demarche.load(new StringReader(json), "campaign.json", TEXTS);

    assertThat(c.id()).isEqualTo("json-campaign");
    assertThat(demarche.plan(c)).hasSize(3);
  }

  @Test
  void aSmallCampaignBuiltInCodePlansOneLetterPerMission() {
    Campaign c = small().build();

    assertThat(demarche.plan(c)).extracting(Letter::id)
        .containsExactly("cn-cg-jp-nagasaki", "cn-cg-jp-osaka", "cn-cg-jp-sapporo");
    assertThat(demarche.plan(c).get(1).subject()).isEqualTo("Petition via Osaka");
    assertThat(c.petition().closing()).isEqualTo("Sincerely,");
    assertThat(c.petition().language()).isEqualTo("en");
  }

  @Test
  void buildListsEveryProblemAtOnceEachWithItsField() {
    CampaignBuilder b = demarche.newCampaign("broken-campaign")
        .addressee("Xi Jinping", "President", "Dear Mr. President:")
        .subject("Petition via {{mission.citty}}")
        .body("We write.\n\nTo the {{mission.nmae}}.\n")
        .select("CN", "XX")
        .channel("fax", Map.of())
        .renderer("text", Map.of());

    List<Problem> problems = problemsOf(b::build);

    assertThat(problems).extracting(Problem::field).contains("sender", "petition.subject", "petition.body",
        "petition.signedBy", "recipients.select.hostCountry");
    assertThat(problems).filteredOn(p -> p.field().equals("petition.body")).singleElement()
        .satisfies(p -> assertThat(p.toString())
            .startsWith("campaign broken-campaign (built in code)/petition.body.md:3: petition.body: the placeholder"));
  }

  @Test
  void buildChecksThePluginsAsLoadDoes() {
    List<Problem> problems = problemsOf(small().channel("fax", Map.of())::build);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("delivery.channel");
      assertThat(p.message()).contains("fax");
    });
  }

  @Test
  void aCampaignBuiltInCodeHasNoFileOrFolder() {
    Campaign c = small().build();

    assertThat(c.folder()).isEmpty();
    assertThat(c.source().file()).isEmpty();
    assertThatThrownBy(c::file).isInstanceOf(IllegalStateException.class).hasMessageContaining("not loaded from a file");
  }

  @Test
  void aRunOfACampaignWithoutAFileAndWithoutAJournalIsRefusedAndWritesNoJournalInTheWorkingFolder()
      throws Exception {
    Campaign c = small().build();
    List<Path> before = journalsInWorkingFolder();

    assertThatThrownBy(() -> demarche.run(c, RunOptions.outbox(dir.resolve("out"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no folder for its journal").hasMessageContaining("RunOptions.withJournal");
    assertThat(journalsInWorkingFolder()).isEqualTo(before);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aCampaignWithoutAFileRunsIntoTheJournalItIsGiven() {
    Campaign c = small().build();
    Path journal = dir.resolve("built.journal");

    RunReport first = demarche.run(c, RunOptions.outbox(dir.resolve("out")).withJournal(journal));
    RunReport second = demarche.run(c, RunOptions.outbox(dir.resolve("out")).withJournal(journal));

    assertThat(first.count(RunReport.Result.SENT)).isEqualTo(2);
    assertThat(second.count(RunReport.Result.SENT)).isZero();
    assertThat(second.count(RunReport.Result.ALREADY_SENT)).isEqualTo(2);
    assertThat(journal).isRegularFile();
  }

  private static List<Path> journalsInWorkingFolder() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("").toAbsolutePath())) {
      return s.filter(p -> p.toString().endsWith(".journal")).sorted().toList();
    }
  }

  @Test
  void aTranslationNamedInAStreamIsReadFromTheGivenTextsWithItsFrontMatter() {
    String yaml = CampaignFiles.VALID.replace("  closing: Sincerely,\n",
        "  closing: Sincerely,\n  translations: { ja: letter.ja.md }\n");
    Map<String, String> texts = Map.of("letter.en.md", CampaignFiles.BODY, "letter.ja.md",
        "---\nsubject: \"{{mission.city}}経由の請願\"\nsalutation: 国家主席閣下\nclosing: 敬具\n---\n{{mission.name}}を通じて書きます。\n");

    Campaign c = demarche.load(new StringReader(yaml), "app", texts);

    assertThat(c.petition().translations()).containsOnlyKeys("ja");
    assertThat(c.petition().translations().get("ja").closing()).isEqualTo("敬具");
  }

  @Test
  void aTranslationBuiltInCodeCanBeTheLanguageSent() {
    Campaign c = small()
        .translation("ja", "{{mission.city}}経由の請願", "国家主席閣下", "{{mission.name}}を通じて書きます。", "敬具")
        .sendLanguage("ja", "en")
        .build();

    List<Letter> letters = demarche.plan(c);
    assertThat(letters).allSatisfy(l -> assertThat(l.language()).isEqualTo("ja"));
    assertThat(letters.get(1).subject()).isEqualTo("Osaka経由の請願");
    assertThat(c.delivery().attachLanguages()).containsExactly("en");
  }

  @Test
  void aTranslationBuiltInCodeWithABadPlaceholderIsReportedInItsText() {
    List<Problem> problems = problemsOf(
        small().translation("ja", "請願", "閣下", "一行目\n{{mission.nmae}}", "敬具")::build);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("petition.translations.ja.body");
      assertThat(p.location().file()).endsWith("(built in code)/petition.translations.ja.md");
      assertThat(p.location().line()).isEqualTo(2);
    });
  }
}
