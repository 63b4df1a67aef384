package org.demarche.core;

import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.demarche.core.contract.DeliveryJournalContract;
import org.demarche.core.spi.DeliveryJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file journal: the contract every journal keeps, and what a file adds (torn lines, damage, its lock). */
class FileJournalTest extends DeliveryJournalContract {
  @TempDir
  Path dir;

  @Override
  protected DeliveryJournal open(String campaignId) {
    return FileJournal.open(dir.resolve(campaignId + ".journal"), campaignId);
  }

  private static JournalEntry entry(String letter, LetterState state) {
    return new JournalEntry(letter, state, Instant.parse("2026-09-24T00:00:00Z"), state == LetterState.PLANNED ? 0 : 1,
        Optional.of("abc.demarche@example.org"), Optional.empty());
  }

  /** A child JVM that journals "sending" for one letter and dies at once, as if killed. */
  public static void main(String[] args) {
    FileJournal journal = FileJournal.open(Path.of(args[0]), "test-campaign");
    journal.record(entry("cn-cg-jp-osaka", LetterState.PLANNED));
    journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING));
    Runtime.getRuntime().halt(137);
  }

  @Test
  void reportsALetterInDoubtWhenItsProcessDiedBetweenSendingAndSent() throws Exception {
    Path file = dir.resolve("c.journal");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FileJournalTest.class.getName(), file.toString())
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);

    try (FileJournal journal = FileJournal.open(file, "test-campaign")) {
      LetterStatus status = journal.statuses().get("cn-cg-jp-osaka");
      assertThat(status.inDoubt()).isTrue();
      assertThat(status.messageId()).contains("abc.demarche@example.org");
    }
  }

  @Test
  void dropsATornLastLineAndKeepsEverythingBefore() throws Exception {
    Path file = dir.resolve("c.journal");
    try (FileJournal journal = FileJournal.open(file, "test-campaign")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING));
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENT));
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 7));

    try (FileJournal journal = FileJournal.open(file, "test-campaign")) {
      assertThat(journal.statuses().get("cn-cg-jp-osaka").state()).isEqualTo(LetterState.SENDING);
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENT));
    }
    try (FileJournal journal = FileJournal.open(file, "test-campaign")) {
      assertThat(journal.statuses().get("cn-cg-jp-osaka").state()).isEqualTo(LetterState.SENT);
    }
  }

  @Test
  void refusesADamagedLineBeforeTheLastNamingItsLine() throws Exception {
    Path file = dir.resolve("c.journal");
    try (FileJournal journal = FileJournal.open(file, "test-campaign")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.PLANNED));
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING));
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENT));
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(1, lines.get(1).replace("SENDING", "SENT"));
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FileJournal.open(file, "test-campaign"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.message()).contains("checksum");
          });
        });
  }

  @Test
  void refusesASecondRunnerWhileTheJournalIsOpen() {
    Path file = dir.resolve("c.journal");
    try (FileJournal first = FileJournal.open(file, "test-campaign")) {
      assertThatThrownBy(() -> FileJournal.open(file, "test-campaign"))
          .isInstanceOf(JournalLockedException.class).hasMessageContaining("in use by another Demarche run");
    }
  }

  @Test
  void refusesTheJournalOfAnotherCampaign() {
    Path file = dir.resolve("c.journal");
    try (FileJournal journal = FileJournal.open(file, "campaign-a")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.PLANNED));
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING));
    }
    assertThatThrownBy(() -> FileJournal.open(file, "campaign-b")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("belongs to campaign 'campaign-a'");
  }

  /** Lines exactly as a journal before outcomes (issue 19) wrote them. */
  private static String oldLines() {
    String planned = "{\"campaign\":\"test-campaign\",\"letter\":\"cn-cg-jp-osaka\",\"state\":\"PLANNED\","
        + "\"at\":\"2026-09-24T00:00:00Z\",\"attempt\":0}";
    String byPost = "{\"campaign\":\"test-campaign\",\"letter\":\"cn-cg-jp-osaka\",\"state\":\"BY_POST\","
        + "\"at\":\"2026-09-24T00:00:01Z\",\"attempt\":0,\"detail\":\"no email published\"}";
    return planned + " " + JournalLines.crc(planned) + "\n" + byPost + " " + JournalLines.crc(byPost) + "\n";
  }

  private static org.demarche.core.model.LetterOutcome posted() {
    return new org.demarche.core.model.LetterOutcome("cn-cg-jp-osaka",
        org.demarche.core.model.LetterOutcome.Kind.POSTED, java.time.LocalDate.parse("2026-09-18"),
        Instant.parse("2026-09-18T08:00:00Z"), Optional.of("EJ123456789JP"), Optional.empty());
  }

  @Test
  void aJournalWrittenBeforeOutcomesStillReadsAndTakesOutcomesAfterItsLines() throws Exception {
    Path file = dir.resolve("old.journal");
    Files.writeString(file, oldLines());

    try (FileJournal journal = FileJournal.open(file, "test-campaign")) {
      assertThat(journal.statuses().get("cn-cg-jp-osaka").state()).isEqualTo(LetterState.BY_POST);
      assertThat(journal.outcomes()).isEmpty();
      journal.recordOutcome(posted());
    }

    assertThat(Files.readString(file)).startsWith(oldLines());
    try (FileJournal journal = FileJournal.read(file, "test-campaign")) {
      assertThat(journal.statuses().get("cn-cg-jp-osaka").state()).isEqualTo(LetterState.BY_POST);
      assertThat(journal.outcomes()).containsExactly(posted());
    }
  }

  @Test
  void aTornOutcomeLineIsCutOffLikeAnyTornLastLine() throws Exception {
    Path file = dir.resolve("torn.journal");
    Files.writeString(file, oldLines());
    try (FileJournal journal = FileJournal.open(file, "test-campaign")) {
      journal.recordOutcome(posted());
    }
    String whole = Files.readString(file);
    Files.writeString(file, whole + "{\"campaign\":\"test-campaign\",\"letter\":\"cn-cg-jp-osaka\",\"outc");

    try (FileJournal journal = FileJournal.open(file, "test-campaign")) {
      assertThat(journal.outcomes()).containsExactly(posted());
    }
    assertThat(Files.readString(file)).isEqualTo(whole);
  }
}
