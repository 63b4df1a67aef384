package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #20 items 10-13 (the loading parts) as a user meets them: what {@code run} would refuse is refused at
 * load, at the line and column where it was written.
 */
class LoadingRefusalsTest {
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

  private Path campaign(String from, String to) {
    String text = CampaignFiles.VALID.replace(from, to);
    assertThat(text).isNotEqualTo(CampaignFiles.VALID);
    return CampaignFiles.write(dir, text, CampaignFiles.BODY);
  }

  @Test
  void aLoneSurrogateInTheSendersNameIsRefusedAtLoad() {
    Path file = campaign("name: Life Funds for North Korean Refugees", "name: \"Life Funds \\uD800 for Refugees\"");
    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("sender.name");
      assertThat(p.location().line()).isEqualTo(4);
      assertThat(p.message()).contains("half of a surrogate pair (U+D800)");
    });
  }

  @Test
  void aLoneSurrogateInTheBodyIsRefusedAtLoad() throws Exception {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID.replace("body: letter.en.md",
        "body: \"Dear \\uDC00 Sir {{mission.name}}\""), CampaignFiles.BODY);
    assertThat(problemsOf(file)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("half of a surrogate pair (U+DC00)"));
  }

  @Test
  void aMissionListedTwiceIsRefusedAtItsSecondEntry() {
    Path file = campaign("  select: { sendingState: CN, hostCountry: JP }",
        "  ids:\n    - cn-cg-jp-osaka\n    - cn-cg-jp-sapporo\n    - cn-cg-jp-osaka");
    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location(file.toString(), 21, 7));
      assertThat(p.field()).isEqualTo("recipients.ids[2]");
      assertThat(p.message()).contains("'cn-cg-jp-osaka' is listed twice (first at line 19)");
    });
  }

  @Test
  void anUnknownRecipientIdIsReportedAtItsOwnEntryNotAtAComment() {
    Path file = campaign("  select: { sendingState: CN, hostCountry: JP }",
        "  # cn-cg-jp-nowhere was closed in 2020\n  ids:\n    - cn-cg-jp-osaka\n    - cn-cg-jp-nowhere");
    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location(file.toString(), 21, 7));
      assertThat(p.field()).isEqualTo("recipients.ids");
      assertThat(p.message()).contains("no mission has the id 'cn-cg-jp-nowhere'");
    });
  }

  @Test
  void identicalCoSignatoryRowsAreReportedAndNotCountedTwice() throws Exception {
    Files.writeString(dir.resolve("signatories.csv"),
        "name,kind,city\nAid Society,organization,Kobe\nHanako Yamada,person,Nara\nAid Society,organization,Kobe\n");
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID + "signatories: signatories.csv\n", CampaignFiles.BODY);
    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.location().file()).endsWith("signatories.csv");
      assertThat(p.location().line()).isEqualTo(4);
      assertThat(p.message()).contains("repeats the one on line 2").contains("counted once");
    });
  }

  @Test
  void aNonUtf8ByteInASignatoryListIsReportedAtItsTrueLine() throws Exception {
    StringBuilder csv = new StringBuilder("name,kind\n");
    for (int i = 2; i < 40; i++) {
      csv.append("Person ").append(i).append(",person\n");
    }
    byte[] head = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = "Caf\u00e9 Latin-1,person\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = "After,person\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("signatories.csv"), concat(head, bad, tail));
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID + "signatories: signatories.csv\n", CampaignFiles.BODY);
    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.location().line()).isEqualTo(40);
      assertThat(p.location().column()).isEqualTo(4);
      assertThat(p.message()).contains("the byte 0xE9 ").contains("is not UTF-8 text: save the file as UTF-8");
    });
  }

  @Test
  void aNonUtf8ByteInTheBodyIsReportedAtItsTrueLine() throws Exception {
    Path file = CampaignFiles.valid(dir);
    byte[] head = "Line\n".repeat(24).getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("letter.en.md"), concat(head, new byte[] {'a', (byte) 0x93, 'b', '\n'}, head));
    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location(dir.resolve("letter.en.md").toString(), 25, 2));
      assertThat(p.message()).contains("the byte 0x93 ");
    });
  }

  @Test
  void aUtf16FileIsNamedAsSuch() throws Exception {
    Path file = CampaignFiles.valid(dir);
    Files.write(dir.resolve("letter.en.md"), CampaignFiles.BODY.getBytes(StandardCharsets.UTF_16));
    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.location().line()).isEqualTo(1);
      assertThat(p.message()).isEqualTo("the file is UTF-16 (a byte-order mark): save it as UTF-8");
    });
  }

  @Test
  void aUtf16SignatoryListIsNamedAsSuch() throws Exception {
    Files.write(dir.resolve("signatories.csv"), "name,kind\nA,person\n".getBytes(StandardCharsets.UTF_16LE));
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID + "signatories: signatories.csv\n", CampaignFiles.BODY);
    assertThat(problemsOf(file)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("UTF-16").contains("save it as UTF-8"));
  }

  @Test
  void aUtf16CampaignFileIsNamedAsSuch() throws Exception {
    Path file = CampaignFiles.valid(dir);
    Files.write(file, CampaignFiles.VALID.getBytes(StandardCharsets.UTF_16));
    assertThat(problemsOf(file)).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("the file is UTF-16 (a byte-order mark): save it as UTF-8"));
  }

  @Test
  void draftMustBeTrueOrFalseNotYesOrMaybe() throws Exception {
    for (String answer : List.of("yes", "maybe")) {
      Files.writeString(dir.resolve("letter.ja.md"),
          "---\nsubject: 請願\nsalutation: 閣下\nclosing: 敬具\ndraft: " + answer + "\n---\n本文\n");
      Path file = CampaignFiles.write(dir, CampaignFiles.VALID.replace("  closing: Sincerely,",
          "  closing: Sincerely,\n  translations: { ja: letter.ja.md }"), CampaignFiles.BODY);
      assertThat(problemsOf(file)).singleElement().satisfies(p -> {
        assertThat(p.location().line()).isEqualTo(5);
        assertThat(p.field()).isEqualTo("petition.translations.ja.draft");
        assertThat(p.message()).isEqualTo("must be true or false, not '" + answer + "'");
      });
    }
  }

  @Test
  void aRetryBackoffBeyondAnHourIsRefusedAtItsField() {
    for (String seconds : List.of("2147483648", "2147483647", "3601")) {
      Path file = campaign("  renderer: text", "  renderer: text\n  retry: { maxBackoffSeconds: " + seconds + " }");
      assertThat(problemsOf(file)).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("delivery.retry.maxBackoffSeconds");
        assertThat(p.location().line()).isEqualTo(22);
        assertThat(p.message()).isEqualTo("must be between 0 and 3600, not " + seconds);
      });
    }
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void aBadAttachEntryIsReportedAtItsOwnLineNotAtTheDeliverySection() {
    Path file = campaign("  renderer: text", "  renderer: text\n  attach:\n    - en\n    - ja");
    assertThat(problemsOf(file)).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location(file.toString(), 24, 7));
      assertThat(p.field()).isEqualTo("delivery.attach[1]");
      assertThat(p.message()).isEqualTo("'ja' has no text under petition.translations; the languages with a text are en");
    });
  }
}
