package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.demarche.core.FileJournal;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.examples.cli.Cli;
import org.demarche.examples.cli.DemarcheCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 1: a letter the server refused for good stays refused by a plain run, `status` names the
 * command that retries it, and `run --retry-failed` sends it with the same Message-ID once the cause is fixed.
 */
class RetryFailedTest {
  private static final String REFUSED = "m002@missions.test";

  @TempDir
  Path dir;

  @Test
  void retryFailedSendsAPermanentlyRefusedLetterAgainWithTheSameMessageId() throws Exception {
    AtomicBoolean refusing = new AtomicBoolean(true);
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(
        rcpt -> rcpt.equals(REFUSED) && refusing.get() ? "550 5.1.1 <" + REFUSED + ">: User unknown" : "250 2.1.5 OK",
        rcpt -> "250 2.0.0 OK queued")) {
      Path campaign = TestCampaigns.write(dir, 3, server.port());
      String[] run = {"run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send"};
      Cli.Result first = Cli.run(run);
      refusing.set(false);
      Cli.Result plain = Cli.run(run);
      int rcptAfterPlainRun = server.rcptCommands(REFUSED);
      Cli.Result status = Cli.run("status", campaign.toString());
      String refusedId = journal(campaign).messageId().orElseThrow();
      Cli.Result retry = Cli.run(concat(run, "--retry-failed"));
      LetterStatus after = journal(campaign);
      System.out.printf("retry failed: 550 then fixed -> plain run RCPTs %d (exit %d), --retry-failed accepted %d"
              + " (exit %d), same Message-ID: %s%n", rcptAfterPlainRun, plain.exitCode(),
          server.accepted(REFUSED), retry.exitCode(), server.acceptedMessageId(REFUSED).equals("<" + refusedId + ">"));

      assertThat(first.exitCode()).isEqualTo(DemarcheCli.SOME_FAILED);
      assertThat(first.out()).contains("--retry-failed");
      assertThat(plain.exitCode()).isEqualTo(DemarcheCli.SOME_FAILED);
      assertThat(rcptAfterPlainRun).as("the plain run leaves it alone").isEqualTo(1);
      assertThat(status.out().lines().filter(l -> l.contains(TestCampaigns.missionId(2))))
          .singleElement().asString().contains("run --retry-failed retries it");
      assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
      assertThat(server.accepted(REFUSED)).isEqualTo(1);
      assertThat(server.acceptedMessageId(REFUSED)).isEqualTo("<" + refusedId + ">");
      assertThat(after.state()).isEqualTo(LetterState.SENT);
      assertThat(after.messageId()).contains(refusedId);
      for (int i : new int[] {1, 3}) {
        assertThat(server.accepted(String.format("m%03d@missions.test", i))).as("sent once").isEqualTo(1);
      }
    }
  }

  private static LetterStatus journal(Path campaign) {
    try (FileJournal j = FileJournal.read(campaign.resolveSibling("campaign.smtp.journal"), "reliability-test")) {
      return j.statuses().get(TestCampaigns.missionId(2));
    }
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
