package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.demarche.examples.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 11: a long server reply is wrapped in the DETAIL column of run and status, never cut. */
class LongRepliesTest {
  @TempDir
  Path dir;

  @Test
  void aLongReplyIsShownWholeOnWrappedLinesWithinTheTableWidth() throws Exception {
    String words = IntStream.rangeClosed(1, 40).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    String reply = "550 5.7.1 refused: " + words + " end-of-reply";
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(
        rcpt -> rcpt.equals("m001@missions.test") ? reply : "250 2.1.5 OK", rcpt -> "250 2.0.0 OK queued")) {
      Path campaign = TestCampaigns.write(dir, 2, server.port());

      Cli.Result run = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send");
      Cli.Result status = Cli.run("status", campaign.toString());

      for (Cli.Result r : new Cli.Result[] {run, status}) {
        String joined = r.out().replaceAll("\\s+", " ");
        assertThat(joined).contains(reply).doesNotContain("...");
        assertThat(r.out().lines().filter(l -> l.contains("word"))).allSatisfy(
            l -> assertThat(l.length()).isLessThanOrEqualTo(120)).hasSizeGreaterThan(1);
      }
    }
  }
}
