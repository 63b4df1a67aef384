package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.demarche.core.FileJournal;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.examples.cli.Cli;
import org.demarche.examples.cli.DemarcheCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 3: a 550 to RCPT TO and a 554 after DATA fail their letters for good: no retry in the
 * run nor in the next one, the server's reply in the journal and in the runner's {@code status}.
 */
class PermanentFaultsTest {
  private static final String REFUSED_RCPT = "m002@missions.test";
  private static final String REFUSED_DATA = "m004@missions.test";
  private static final String REPLY_550 = "550 5.1.1 <m002@missions.test>: Recipient address rejected: User unknown";
  private static final String REPLY_554 = "554 5.7.1 Message rejected as policy violation";

  @TempDir
  Path dir;



  @Test
  void a550AndA554AreNotRetriedAndTheirRepliesAreInTheJournalAndInStatus() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(
        rcpt -> rcpt.equals(REFUSED_RCPT) ? REPLY_550 : "250 2.1.5 OK",
        rcpt -> rcpt.equals(REFUSED_DATA) ? REPLY_554 : "250 2.0.0 OK queued")) {
      Path campaign = TestCampaigns.write(dir, 6, server.port());
      String[] run = {"run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send"};
      Cli.Result first = Cli.run(run);
      Cli.Result second = Cli.run(run);
      Cli.Result table = Cli.run("status", campaign.toString());
      Cli.Result json = Cli.run("status", campaign.toString(), "--format", "json");
      Map<String, LetterStatus> journal;
      try (FileJournal j = FileJournal.open(dir.resolve("campaign.smtp.journal"), "reliability-test")) {
        journal = j.statuses();
      }
      LetterStatus s550 = journal.get(TestCampaigns.missionId(2));
      LetterStatus s554 = journal.get(TestCampaigns.missionId(4));
      // A long reply wraps onto the row's following lines: read each mission's row whole.
      String row2 = row(table.out(), TestCampaigns.missionId(2));
      String row4 = row(table.out(), TestCampaigns.missionId(4));
      boolean tableShowsBoth = row2.contains("failed") && row2.contains("550 5.1.1") && row4.contains("failed")
          && row4.contains("554 5.7.1");
      System.out.printf("permanent faults: 550 at RCPT TO -> %d RCPT over 2 runs, 554 after DATA -> %d RCPT and %d"
              + " accepted over 2 runs (retry bound 3); journal: %s / %s; status table shows both replies: %s;"
              + " run exit codes %d, %d; other letters sent once: %s%n",
          server.rcptCommands(REFUSED_RCPT), server.rcptCommands(REFUSED_DATA), server.accepted(REFUSED_DATA),
          s550.state(), s554.state(), tableShowsBoth, first.exitCode(), second.exitCode(),
          java.util.stream.IntStream.of(1, 3, 5, 6).allMatch(
              i -> server.accepted(String.format("m%03d@missions.test", i)) == 1));

      assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(DemarcheCli.SOME_FAILED);
      assertThat(second.exitCode()).isEqualTo(DemarcheCli.SOME_FAILED);
      assertThat(server.rcptCommands(REFUSED_RCPT)).as("no retry, in the run or the next").isEqualTo(1);
      assertThat(server.rcptCommands(REFUSED_DATA)).isEqualTo(1);
      assertThat(server.accepted(REFUSED_DATA)).isZero();
      for (int i : new int[] {1, 3, 5, 6}) {
        assertThat(server.accepted(String.format("m%03d@missions.test", i))).isEqualTo(1);
      }
      assertThat(s550.state()).isEqualTo(LetterState.FAILED_PERMANENT);
      assertThat(s550.attempts()).isEqualTo(1);
      assertThat(s550.detail()).hasValueSatisfying(d -> assertThat(d).contains(REPLY_550));
      assertThat(s554.state()).isEqualTo(LetterState.FAILED_PERMANENT);
      assertThat(s554.detail()).hasValueSatisfying(d -> assertThat(d).contains(REPLY_554));
      assertThat(tableShowsBoth).as(table.out()).isTrue();
      assertThat(json.out()).contains(REPLY_550).contains(REPLY_554);
    }
  }

  /** A table row with the lines it wraps onto (up to the next row, which starts in the first column). */
  private static String row(String table, String missionId) {
    StringBuilder row = new StringBuilder();
    boolean in = false;
    for (String line : table.lines().toList()) {
      if (line.startsWith(missionId)) {
        in = true;
      } else if (in && !line.startsWith(" ")) {
        break;
      }
      if (in) {
        row.append(line.strip()).append(' ');
      }
    }
    return row.toString().replaceAll("\\s+", " ");
  }
}
