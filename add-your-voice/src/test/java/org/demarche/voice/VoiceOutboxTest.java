package org.demarche.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Receipt;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.testing.TextRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceOutboxTest {
  @TempDir
  Path dir;

  /** Writes each letter's document as {@code <id>.txt} and a {@code <id>.from} file holding the sender's address. */
  static DeliveryChannel fileChannel(Path folder) {
    return new DeliveryChannel() {
      @Override
      public String name() {
        return "files";
      }

      @Override
      public boolean canDeliver(Letter letter) {
        return true;
      }

      @Override
      public Receipt deliver(Envelope e) {
        try {
          Files.createDirectories(folder);
          Files.write(folder.resolve(e.letter().id() + ".txt"), e.document().content());
          Files.writeString(folder.resolve(e.letter().id() + ".from"), e.letter().sender().email());
        } catch (IOException x) {
          throw new UncheckedIOException(x);
        }
        return new Receipt(e.letter().id(), e.messageId(), name(), Instant.now(), "written");
      }
    };
  }

  @Test
  void writesOneLetterPerSupporterIntoAFolderPerMission() throws IOException {
    Voices voices = VoiceTesting.voices(VoiceTesting.campaign(dir, ""));
    Path file = VoiceTesting.csv(dir, "s.csv", """
        name,email,region,paragraph
        Aiko Tanaka,aiko@example.org,JP-27,I live in Osaka.
        Ken Sato,ken@example.org,JP-01,I live in Sapporo.
        Mia Mori,mia@example.org,JP-30,I live in Wakayama.
        Aiko Tanaka,aiko@example.org,JP-27,I live in Osaka.
        """);
    Path out = dir.resolve("out");
    VoiceOutbox.Report report = VoiceOutbox.create(voices, new TextRenderer(), VoiceOutboxTest::fileChannel, 2)
        .write(SupporterFile.read(file, "s.csv"), out);
    assertThat(report.written()).isEqualTo(3);
    assertThat(report.byMission()).containsExactly(java.util.Map.entry("cn-cg-jp-osaka", 2),
        java.util.Map.entry("cn-cg-jp-sapporo", 1));
    assertThat(report.batch().duplicates()).hasSize(1);
    try (Stream<Path> files = Files.list(out.resolve("cn-cg-jp-osaka"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".txt"))).hasSize(2);
    }
    String aiko = voices.letterId(VoiceTesting.inRegion("x", "aiko@example.org", "JP-27", null));
    assertThat(out.resolve("cn-cg-jp-osaka").resolve(aiko + ".from")).hasContent("aiko@example.org");
    assertThat(Files.readString(out.resolve("cn-cg-jp-osaka").resolve(aiko + ".txt")))
        .contains("I live in Osaka.\n\nSincerely,\n\nAiko Tanaka");
    List<String> index = Files.readAllLines(report.index());
    assertThat(index).hasSize(4);
    assertThat(index.get(0)).isEqualTo("letterId,name,email,row,missionId,rule,via,files,mailto");
    assertThat(index).anySatisfy(l -> assertThat(l).startsWith(aiko + ",Aiko Tanaka,aiko@example.org,s.csv:2,"
        + "cn-cg-jp-osaka,JURISDICTION,email,cn-cg-jp-osaka/" + aiko + ".from cn-cg-jp-osaka/" + aiko + ".txt,mailto:"));
    assertThat(report.files().get(aiko)).containsExactly("cn-cg-jp-osaka/" + aiko + ".from",
        "cn-cg-jp-osaka/" + aiko + ".txt");
  }
}
