package org.demarche.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Letter;
import org.demarche.core.model.ServingMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicesTest {
  @TempDir
  Path dir;

  @Test
  void routesASupporterByTheirRegionAndSaysWhichRuleChoseTheMission() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    Routing r = voices.route(VoiceTesting.inRegion("Aiko Tanaka", null, "JP-05", null));
    assertThat(r.serving().mission().id()).isEqualTo("cn-cg-jp-sapporo");
    assertThat(r.serving().rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
    assertThat(r.explanation()).contains("Sapporo").contains("JP-05").contains("JURISDICTION");
  }

  @Test
  void draftIsFromTheSupporterSignedByThemWithTheirParagraphBeforeTheClosingAndNoCoSignatories() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    SupporterLetter mine = voices.draft(VoiceTesting.inRegion("Aiko Tanaka", "aiko@example.org", "JP-27",
        "I grew up in Osaka and I ask you to let them go on."));
    Letter l = mine.letter();
    assertThat(l.sender().name()).isEqualTo("Aiko Tanaka");
    assertThat(l.sender().email()).isEqualTo("aiko@example.org");
    assertThat(l.sender().address().lines()).isEmpty();
    assertThat(l.signatureBlock()).containsExactly("Aiko Tanaka");
    assertThat(l.paragraphs()).last().isEqualTo("I grew up in Osaka and I ask you to let them go on.");
    assertThat(l.paragraphs().get(0)).contains("Consulate-General of the People's Republic of China in Osaka");
    assertThat(l.coSignatories().count()).isZero();
    assertThat(l.mission().id()).isEqualTo("cn-cg-jp-osaka");
  }

  @Test
  void letterIdIsStableAndRevealsNeitherNameNorAddress() {
    Campaign c = VoiceTesting.campaign(dir, "");
    Supporter s = VoiceTesting.inRegion("Aiko Tanaka", "Aiko@Example.org", "JP-27", null);
    String id = VoiceTesting.voices(c).letterId(s);
    assertThat(id).matches("voice-[0-9a-f]{24}").doesNotContain("aiko").doesNotContain("example");
    assertThat(VoiceTesting.voices(c).letterId(VoiceTesting.inRegion("Aiko T.", "aiko@example.org", "JP-01", null)))
        .as("the same address is the same supporter").isEqualTo(id);
  }

  @Test
  void sameSupporterTwiceYieldsOneLetterAndTheDuplicateIsReported() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    Path file = VoiceTesting.csv(dir, "supporters.csv", """
        name,email,country,region,paragraph
        Aiko Tanaka,aiko@example.org,JP,JP-27,First words
        Ken Sato,,JP,JP-01,
        Aiko Tanaka,AIKO@example.org,JP,JP-27,Second words
        Ken  Sato,,JP,JP-01,
        """);
    Batch batch = voices.batch(SupporterFile.read(file, "supporters.csv"));
    assertThat(batch.routed()).hasSize(2);
    assertThat(batch.duplicates()).extracting(d -> d.first().line() + "->" + d.repeated().line())
        .containsExactly("2->4", "3->5");
  }

  @Test
  void requiredParagraphRejectsSupportersWithoutOneAndEncouragedOnlyWarns() {
    String rows = """
        name,email,region,paragraph
        Aiko Tanaka,aiko@example.org,JP-27,Short
        Ken Sato,ken@example.org,JP-01,I have lived in Sapporo for twenty years and I think of the families every day.
        """;
    Path file = VoiceTesting.csv(dir, "s.csv", rows);
    Voices required = VoiceTesting.voices(VoiceTesting.campaign(dir, "personalParagraph: require\nminParagraphLength: 40\n"));
    Batch b = required.batch(SupporterFile.read(file, "s.csv"));
    assertThat(b.routed()).extracting(r -> r.supporter().name()).containsExactly("Ken Sato");
    assertThat(b.rejected()).singleElement().hasToString(
        "s.csv:2: paragraph: has a personal paragraph of 5 characters; the campaign requires at least 40");
    Voices encouraged = VoiceTesting.voices(VoiceTesting.campaign(dir, "personalParagraph: encourage\nminParagraphLength: 40\n"));
    Batch e = encouraged.batch(SupporterFile.read(file, "s.csv"));
    assertThat(e.routed()).hasSize(2);
    assertThat(e.warnings()).singleElement().extracting(p -> p.location().line()).isEqualTo(2);
  }

  @Test
  void reportsLettersWhosePersonalParagraphsAreIdentical() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    Path file = VoiceTesting.csv(dir, "s.csv", """
        name,email,region,paragraph
        A,a@example.org,JP-27,"Please stop the forced returns, now."
        B,b@example.org,JP-01,My own words about my neighbour who fled in 2003 and still cannot call home.
        C,c@example.org,JP-27,please STOP the forced returns now
        """);
    Batch b = voices.batch(SupporterFile.read(file, "s.csv"));
    assertThat(b.similar()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(ParagraphSimilarity.Kind.IDENTICAL);
      assertThat(s.where()).extracting(l -> l.line()).containsExactly(2, 4);
      assertThat(s.describe()).startsWith("2 letters have word for word the same personal paragraph: s.csv:2, :4");
    });
  }

  @Test
  void mailtoLinkRoundTripsThroughAUriParserWithSubjectAndBodyIntact() throws Exception {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, "mailtoMaxLength: 100000\n"));
    String paragraph = "Fish & chips? 100% = yes + no #1 — 北朝鮮の人々を送り返さないでください。\nNew line.";
    SupporterLetter mine = voices.draft(VoiceTesting.inRegion("Aiko Tanaka", "aiko@example.org", "JP-27", paragraph));
    String link = mine.mailto().orElseThrow().link();
    assertThat(mine.mailto().get().shortened()).isFalse();
    URI uri = new URI(link);
    assertThat(uri.getScheme()).isEqualTo("mailto");
    Map<String, String> fields = fields(uri);
    assertThat(fields.get("to")).isEqualTo("osaka@consulate.example.org");
    assertThat(fields.get("subject")).isEqualTo(mine.letter().subject());
    assertThat(fields.get("body")).contains("Fish & chips? 100% = yes + no #1 — 北朝鮮の人々を送り返さないでください。 New line.")
        .startsWith("Dear Mr. President:\r\n\r\n").endsWith("Sincerely,\r\n\r\nAiko Tanaka");
  }

  @Test
  void longLetterIsShortenedToTheLimitWithANotePointingToTheLettersDocument() throws Exception {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    String paragraph = "私は大阪に住んでいます。".repeat(60);
    SupporterLetter mine = voices.draft(VoiceTesting.inRegion("Aiko Tanaka", "aiko@example.org", "JP-27", paragraph));
    Mailto m = mine.mailto().orElseThrow();
    assertThat(m.shortened()).isTrue();
    assertThat(m.link().length()).isLessThanOrEqualTo(Mailto.DEFAULT_MAX_LENGTH);
    String body = fields(new URI(m.link())).get("body");
    assertThat(body).contains("its whole text is in the document " + mine.letter().id() + " that came with this link")
        .endsWith("Sincerely,\r\n\r\nAiko Tanaka");
  }

  @Test
  void missionWithoutEmailHasNoMailtoLink() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    SupporterLetter mine = voices.draft(VoiceTesting.inRegion("Aiko Tanaka", "aiko@example.org", "JP-42", null));
    assertThat(mine.byEmail()).isFalse();
    assertThat(mine.mailto()).isEmpty();
  }

  @Test
  void onBehalfLetterIsFromTheNgoWithTheSupporterAsReplyTo() {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    Letter l = voices.onBehalf(voices.route(VoiceTesting.inRegion("Aiko Tanaka", "aiko@example.org", "JP-27", null)));
    assertThat(l.sender().email()).isEqualTo("info@lfnkr.example.org");
    assertThat(l.replyTo()).contains("aiko@example.org");
    assertThat(l.signatureBlock()).containsExactly("Aiko Tanaka", "JP-27, Japan", "Life Funds for North Korean Refugees");
  }

  @Test
  void badVoiceOptionsAreReportedTogetherWithTheirLines() {
    Campaign c = VoiceTesting.campaign(dir, "mode: sometimes\ndailyCapPerMission: 0\ncolour: red\n");
    assertThatThrownBy(() -> VoiceOptions.from(VoiceTesting.DEMARCHE.section(c, "delivery.voice")))
        .isInstanceOfSatisfying(org.demarche.core.model.InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(p -> p.field()).containsExactlyInAnyOrder("delivery.voice.mode",
                "delivery.voice.dailyCapPerMission", "delivery.voice.colour"));
  }

  @Test
  void aShortenedLinkShortensTheCampaignTextAndKeepsTheSupportersParagraphWhole() throws Exception {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, "mailtoMaxLength: 600\n"));
    String paragraph = "I live in Osaka and I ask you to let the refugees in your country go where they choose to.";
    SupporterLetter mine = voices.draft(VoiceTesting.inRegion("Aiko Tanaka", "aiko@example.org", "JP-27", paragraph));
    Mailto m = mine.mailto().orElseThrow();
    String body = fields(new URI(m.link())).get("body");
    assertThat(m.shortened()).isTrue();
    assertThat(m.link().length()).isLessThanOrEqualTo(600);
    assertThat(body).startsWith("Dear Mr. President:").contains("attach that file").contains(paragraph)
        .endsWith("Sincerely,\r\n\r\nAiko Tanaka");
  }

  @Test
  void aParagraphTooLongForTheLinkIsLeftOutWholeNeverCut() throws Exception {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    String paragraph = "私は大阪に住んでいます。".repeat(60);
    SupporterLetter mine = voices.draft(VoiceTesting.inRegion("Aiko Tanaka", "aiko@example.org", "JP-27", paragraph));
    String body = fields(new URI(mine.mailto().orElseThrow().link())).get("body");
    assertThat(body).doesNotContain("私は").doesNotContain("Dear Mr. President").contains("Please attach that file");
  }

  @Test
  void aDigestWithoutOnBehalfAndAnUnknownZoneAreReportedAtTheirKeys() {
    Campaign c = VoiceTesting.campaign(dir, "digest: true\nzone: Mars/Olympus\nnearDuplicateThreshold: 2\n");
    assertThatThrownBy(() -> VoiceOptions.from(VoiceTesting.DEMARCHE.section(c, "delivery.voice")))
        .isInstanceOfSatisfying(org.demarche.core.model.InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(p -> p.field() + "@" + p.location().line()).containsExactlyInAnyOrder(
                "delivery.voice.digest@" + line(c, "digest:"), "delivery.voice.zone@" + line(c, "zone:"),
                "delivery.voice.nearDuplicateThreshold@" + line(c, "nearDuplicateThreshold:")));
  }

  private static int line(Campaign c, String key) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(c.file());
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().startsWith(key)) {
          return i + 1;
        }
      }
      throw new AssertionError(key + " is not in " + c.file());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, String> fields(URI uri) {
    String raw = uri.getRawSchemeSpecificPart();
    Map<String, String> out = new HashMap<>();
    int q = raw.indexOf('?');
    out.put("to", URLDecoder.decode(q < 0 ? raw : raw.substring(0, q), StandardCharsets.UTF_8));
    if (q >= 0) {
      for (String pair : raw.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
