package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, class 2, through the runner: `status` and `run` refuse a damaged journal or a file that is not
 * one, with the file, the line, what is wrong and what to do, and leave it byte for byte as it was; `status`
 * never creates a journal.
 */
class DamagedJournalCommandsTest {
  @TempDir
  Path dir;

  @Test
  void statusAndRunRefuseAZeroedJournalAndLeaveItAsItWas() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path out = dir.resolve("out");
    assertThat(Cli.run("run", campaign.toString(), "--out", out.toString()).exitCode()).isZero();
    Path journal = dir.resolve("campaign.outbox.journal");
    byte[] zeroed = new byte[(int) Files.size(journal)];
    Files.write(journal, zeroed);

    Cli.Result status = Cli.run("status", campaign.toString());
    Cli.Result run = Cli.run("run", campaign.toString(), "--out", out.toString());
    System.out.printf("damaged journal: zeroed %d bytes -> status exit %d, run exit %d, file unchanged: %s%n",
        zeroed.length, status.exitCode(), run.exitCode(), java.util.Arrays.equals(Files.readAllBytes(journal), zeroed));

    for (Cli.Result r : new Cli.Result[] {status, run}) {
      assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
      assertThat(r.err()).contains(journal.toString() + ":1:1").contains("only zero bytes")
          .contains("left as it was").doesNotContain("Exception");
    }
    assertThat(Files.readAllBytes(journal)).isEqualTo(zeroed);
  }

  @Test
  void runRefusesToAppendToAFileThatIsNotAJournal() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path notes = dir.resolve("notes.txt");
    String text = "Embassy visits\nOsaka: Tuesday\n";
    Files.writeString(notes, text);

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--journal",
        notes.toString());

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains(notes + ":1:1").contains("not a Demarche journal");
    assertThat(Files.readString(notes)).isEqualTo(text);
  }

  @Test
  void statusBeforeAnyRunCreatesNoJournal() throws Exception {
    Path campaign = Campaigns.founding(dir);

    Cli.run("status", campaign.toString());

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".journal"));
    }
  }
}
