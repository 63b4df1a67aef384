package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.LetterState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, class 2: a damaged journal is never emptied. Only a torn last line after a valid record is
 * cut off (by a writer); anything else is refused, naming the file and line, and the file is left byte
 * for byte as it was. Reading never writes.
 */
class DamagedJournalTest {
  private static final String CAMPAIGN = "test-campaign";

  @TempDir
  Path dir;

  private static JournalEntry entry(String letter, LetterState state) {
    return new JournalEntry(letter, state, Instant.parse("2026-09-24T00:00:00Z"), 1, Optional.empty(), Optional.empty());
  }

  private Path journalWithTwoRecords() {
    Path file = dir.resolve("c.journal");
    try (FileJournal j = FileJournal.open(file, CAMPAIGN)) {
      j.record(entry("cn-cg-jp-osaka", LetterState.SENDING));
      j.record(entry("cn-cg-jp-osaka", LetterState.SENT));
    }
    return file;
  }

  private void assertRefusedUntouched(Path file, String why) throws Exception {
    byte[] before = Files.readAllBytes(file);
    for (boolean write : new boolean[] {true, false}) {
      assertThatThrownBy(() -> (write ? FileJournal.open(file, CAMPAIGN) : FileJournal.read(file, CAMPAIGN)).close())
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
              assertThat(p.location().file()).isEqualTo(file.toString());
              assertThat(p.location().line()).isPositive();
              assertThat(p.message()).contains(why).contains("left as it was").contains("--journal");
            });
          });
      assertThat(Files.readAllBytes(file)).as("the file after a refused " + (write ? "open" : "read"))
          .isEqualTo(before);
    }
  }

  @Test
  void aZeroedJournalIsRefusedAndLeftAsItWas() throws Exception {
    Path file = journalWithTwoRecords();
    Files.write(file, new byte[(int) Files.size(file)]);

    assertRefusedUntouched(file, "only zero bytes");
  }

  @Test
  void garbageWithoutANewlineIsRefusedNotTakenAsATornLine() throws Exception {
    Path file = dir.resolve("c.journal");
    Files.write(file, "\u00ff\u00fe garbage without any newline".getBytes(StandardCharsets.ISO_8859_1));

    assertRefusedUntouched(file, "holds no complete line");
  }

  @Test
  void aFileThatIsNotAJournalIsRefusedAtLineOne() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "Meeting notes\nCall the embassy on Monday\n");

    assertRefusedUntouched(file, "not a Demarche journal");
  }

  @Test
  void aDamagedLastLineThatIsCompleteIsRefusedNotCut() throws Exception {
    Path file = journalWithTwoRecords();
    Files.writeString(file, Files.readString(file).replace("\"SENT\"", "\"SENX\""));

    assertRefusedUntouched(file, "damaged at line 2");
  }

  @Test
  void aTornLastLineIsIgnoredByAReaderAndCutOnlyByAWriter() throws Exception {
    Path file = journalWithTwoRecords();
    byte[] whole = Files.readAllBytes(file);
    byte[] torn = Arrays.copyOf(whole, whole.length - 7);
    Files.write(file, torn);

    try (FileJournal reader = FileJournal.read(file, CAMPAIGN)) {
      assertThat(reader.statuses().get("cn-cg-jp-osaka").state()).isEqualTo(LetterState.SENDING);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(torn);
    try (FileJournal writer = FileJournal.open(file, CAMPAIGN)) {
      assertThat(writer.statuses().get("cn-cg-jp-osaka").state()).isEqualTo(LetterState.SENDING);
    }
    assertThat(Files.size(file)).isLessThan(torn.length).isPositive();
  }

  @Test
  void readingAMissingJournalCreatesNothing() {
    Path file = dir.resolve("none.journal");

    try (FileJournal reader = FileJournal.read(file, CAMPAIGN)) {
      assertThat(reader.statuses()).isEmpty();
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void aReaderCannotRecord() {
    Path file = journalWithTwoRecords();
    try (FileJournal reader = FileJournal.read(file, CAMPAIGN)) {
      assertThatThrownBy(() -> reader.record(entry("cn-cg-jp-osaka", LetterState.SENT)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("read only");
    }
  }

  @Test
  void aReaderReadsWhileARunnerHoldsTheJournal() {
    Path file = journalWithTwoRecords();
    try (FileJournal writer = FileJournal.open(file, CAMPAIGN); FileJournal reader = FileJournal.read(file, CAMPAIGN)) {
      assertThat(reader.statuses().get("cn-cg-jp-osaka").state()).isEqualTo(LetterState.SENT);
    }
  }

  @Test
  void aNewJournalIsReadableByItsOwnerOnly() throws Exception {
    Path file = journalWithTwoRecords();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void aFolderOrAPipeNamedAsTheJournalIsRefusedWithoutOpeningIt() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("folder.journal"));
    Path fifo = dir.resolve("fifo.journal");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();

    for (Path p : new Path[] {folder, fifo}) {
      assertThatThrownBy(() -> FileJournal.read(p, CAMPAIGN)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("not a regular file");
      assertThatThrownBy(() -> FileJournal.open(p, CAMPAIGN)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("not a regular file");
    }
  }
}
