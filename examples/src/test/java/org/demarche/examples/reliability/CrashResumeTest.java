package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.demarche.core.FileJournal;
import org.demarche.core.model.LetterStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 500-letter campaign, run by a child JVM against a real SMTP server, killed with SIGKILL at
 * random points 20 times and resumed each time: no letter is lost, and any letter the server got
 * twice is one the journal reported in doubt.
 */
class CrashResumeTest {
  static final int LETTERS = 500;
  static final int KILLS = 20;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @TempDir
  Path dir;

  private Map<String, Integer> receivedByMission() throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String to = ((InternetAddress) m.getAllRecipients()[0]).getAddress();
      counts.merge(to, 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void losesNoLetterAcrossTwentySigkillsAndReportsEveryPossibleDuplicateInDoubt() throws Exception {
    // 1,200 letters a minute: the 500 letters need about 25 s of sending, more than the 20 runs get, so every
    // kill lands while a run is still delivering (unthrottled, a fast machine finished before the tenth kill).
    Path campaign = TestCampaigns.write(dir, LETTERS, smtp.getSmtp().getPort(), 1200);
    Path out = dir.resolve("out");
    Path journal = dir.resolve("campaign.smtp.journal");
    Random random = new Random(20260924);
    int killedMidRun = 0;
    for (int i = 0; i < KILLS; i++) {
      Process child = ChildRunner.start(campaign, out, dir.resolve("run-" + i + ".log"));
      Thread.sleep(700 + random.nextInt(2500));
      if (child.isAlive()) {
        killedMidRun++;
      }
      child.destroyForcibly();  // SIGKILL on Linux: no shutdown hooks, no flush
      child.waitFor(30, TimeUnit.SECONDS);
    }
    Set<String> inDoubt = new HashSet<>();
    Process resume = ChildRunner.start(campaign, out, dir.resolve("resume.log"));
    assertThat(resume.waitFor(5, TimeUnit.MINUTES)).isTrue();
    try (FileJournal j = FileJournal.open(journal, "reliability-test")) {
      for (LetterStatus s : j.statuses().values()) {
        if (s.inDoubt()) {
          inDoubt.add(s.letterId());
        }
      }
    }
    Process resend = ChildRunner.start(campaign, out, dir.resolve("resend.log"), "--resend-in-doubt");
    assertThat(resend.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(resend.exitValue()).as(Files.readString(dir.resolve("resend.log"))).isZero();

    Map<String, Integer> received = receivedByMission();
    int lost = 0;
    int duplicates = 0;
    Set<String> duplicateNotInDoubt = new HashSet<>();
    for (int i = 1; i <= LETTERS; i++) {
      String to = String.format(java.util.Locale.ROOT, "m%03d@missions.test", i);
      int n = received.getOrDefault(to, 0);
      if (n == 0) {
        lost++;
      } else if (n > 1) {
        duplicates += n - 1;
        if (!inDoubt.contains(TestCampaigns.missionId(i))) {
          duplicateNotInDoubt.add(TestCampaigns.missionId(i));
        }
      }
    }
    System.out.printf("crash and resume: %d letters, %d SIGKILLs (%d mid-run), lost %d, duplicates at the server %d"
        + " (all reported in doubt: %s), in doubt reported %d%n", LETTERS, KILLS, killedMidRun, lost, duplicates,
        duplicateNotInDoubt.isEmpty(), inDoubt.size());
    assertThat(lost).isZero();
    assertThat(duplicateNotInDoubt).isEmpty();
    assertThat(killedMidRun).isGreaterThan(KILLS / 2);
  }

  @Test
  void aSecondRunnerOnTheSameCampaignIsRefusedAndNothingIsSentTwice() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    // 600 a minute: the first runner takes about 6 s, so the second surely meets it.
    Path campaign = TestCampaigns.write(dir, 60, smtp.getSmtp().getPort(), 600);
    Path out = dir.resolve("out");
    Process first = ChildRunner.start(campaign, out, dir.resolve("first.log"));
    // Wait until the first runner holds the journal, then start the second.
    Path journal = dir.resolve("campaign.smtp.journal");
    for (int i = 0; i < 200 && !Files.exists(journal); i++) {
      Thread.sleep(50);
    }
    Process second = ChildRunner.start(campaign, out, dir.resolve("second.log"));
    assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(first.waitFor(2, TimeUnit.MINUTES)).isTrue();

    String secondLog = Files.readString(dir.resolve("second.log"));
    Map<String, Integer> received = receivedByMission();
    long duplicates = received.values().stream().filter(n -> n > 1).count();
    System.out.printf("two runners: second exit %d, first exit %d, %d letters received, %d duplicates%n",
        second.exitValue(), first.exitValue(), received.size(), duplicates);
    assertThat(second.exitValue()).as(secondLog).isEqualTo(2);
    assertThat(secondLog).contains("in use by another Demarche run");
    assertThat(first.exitValue()).isZero();
    assertThat(received).hasSize(60);
    assertThat(duplicates).isZero();
  }
}
