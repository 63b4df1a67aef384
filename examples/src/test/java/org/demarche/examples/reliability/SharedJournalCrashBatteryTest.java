package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runner processes sharing one campaign in PostgreSQL, SIGKILLed at random moments and restarted, against one real
 * SMTP server: no letter lost, a letter received twice only if the journal reports it in doubt, no lease left behind.
 * In {@code verify}: 3 runners × 120 letters, 3 kills. The full battery (3 × 1,000, 10 kills):
 * {@code ./mvnw -B -pl examples -am verify -Dtest=SharedJournalCrashBatteryTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddemarche.pg.battery=full}. Scaling figures: {@code -Ddemarche.figures=true} (see the test below).
 */
class SharedJournalCrashBatteryTest {
  @TempDir
  Path dir;
  private String schema;

  @BeforeEach
  void schema() {
    schema = PostgresRunners.freshSchema();
  }

  @AfterEach
  void drop() throws Exception {
    if (schema != null) {
      PostgresRunners.drop(schema);
    }
  }

  @Test
  void threeRunnersKilledAtRandomLoseNoLetterAndSendTwiceOnlyWhatIsInDoubt() throws Exception {
    boolean full = "full".equals(System.getProperty("demarche.pg.battery"));
    int letters = full ? 1000 : 120;
    int kills = full ? 10 : 3;
    long started = System.nanoTime();
    // A server that takes 15 ms to accept each message, so that runs last long enough to be killed mid-run.
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(r -> "250 2.1.5 OK", r -> slow("250 2.0.0 queued", 15))) {
      Path campaign = TestCampaigns.write(dir, letters, smtp.port());
      Random random = new Random(20260924);
      List<Process> runners = new ArrayList<>();
      int started_ = 0;
      for (; started_ < 3; started_++) {
        runners.add(PostgresRunners.run(campaign, dir.resolve("out"), schema, dir.resolve("run-" + started_ + ".log")));
      }
      int midRun = 0;
      for (int k = 0; k < kills; k++) {
        Thread.sleep(1500 + random.nextInt(2500));
        int victim = random.nextInt(runners.size());
        if (runners.get(victim).isAlive()) {
          midRun++;
        }
        runners.get(victim).destroyForcibly().waitFor();  // SIGKILL: no shutdown hook, no lease given back
        runners.set(victim, PostgresRunners.run(campaign, dir.resolve("out"), schema,
            dir.resolve("run-" + started_++ + ".log")));
      }
      for (Process p : runners) {
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
      }
      Thread.sleep(3_500);  // the killed runners' leases (3 s) run out; a last runner takes what they held
      Process last = PostgresRunners.run(campaign, dir.resolve("out"), schema, dir.resolve("last.log"));
      assertThat(last.waitFor(10, TimeUnit.MINUTES)).isTrue();

      Set<String> inDoubt = new HashSet<>();
      long sent = 0;
      for (int i = 1; i <= letters; i++) {
        String state = state(TestCampaigns.missionId(i));
        if (state.equals("SENDING")) {
          inDoubt.add(TestCampaigns.missionId(i));
        } else {
          assertThat(state).as("letter %d", i).isEqualTo("SENT");
          sent++;
        }
      }
      int lost = 0;
      int duplicates = 0;
      for (int i = 1; i <= letters; i++) {
        int received = smtp.accepted(String.format(Locale.ROOT, "m%03d@missions.test", i));
        boolean doubted = inDoubt.contains(TestCampaigns.missionId(i));
        if (received == 0 && !doubted) {
          lost++;
        }
        if (received > 1) {
          duplicates++;
          assertThat(doubted).as("letter %d was received %d times but is not reported in doubt", i, received).isTrue();
        }
      }
      long leases = PostgresRunners.count(schema, "SELECT count(*) FROM demarche_letter WHERE lease_owner IS NOT NULL"
          + " AND lease_until > clock_timestamp()");
      System.out.printf(Locale.ROOT, "FIGURES crash battery: 3 runners x %d letters, %d SIGKILLs (%d mid-run), %d runner"
              + " processes: %d sent, %d lost, %d in doubt, %d received twice (all in doubt), %d leases left, %.0f s%n",
          letters, kills, midRun, started_ + 1, sent, lost, inDoubt.size(), duplicates, leases,
          (System.nanoTime() - started) / 1e9);
      assertThat(lost).isZero();
      assertThat(leases).isZero();
      assertThat(inDoubt.size()).as("at most the letter each killed runner was sending").isLessThanOrEqualTo(kills);
    }
  }

  /**
   * Letters per second with 1, 2 and 4 runners against a throttled server (50 ms to accept each message) and an
   * unthrottled one, 200 letters each, in one run (each figure includes the runners' JVM start). On demand:
   * {@code -Ddemarche.figures=true}.
   */
  @Test
  void scalingFigures() throws Exception {
    if (!Boolean.getBoolean("demarche.figures")) {
      String why = "SKIPPED: scaling figures run on demand with -Ddemarche.figures=true";
      System.out.println(why);
      Assumptions.abort(why);
    }
    int letters = 200;
    for (int delay : new int[] {50, 0}) {
      StringBuilder line = new StringBuilder("FIGURES " + (delay > 0 ? "throttled (50 ms per message)" : "unthrottled"));
      for (int n : new int[] {1, 2, 4}) {
        String fresh = PostgresRunners.freshSchema();
        Path folder = Files.createDirectories(dir.resolve("scale-" + delay + "-" + n));
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(r -> "250 2.1.5 OK", r -> slow("250 2.0.0 queued", delay))) {
          Path campaign = TestCampaigns.write(folder, letters, smtp.port());
          long t0 = System.nanoTime();
          List<Process> runners = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            runners.add(PostgresRunners.run(campaign, folder.resolve("out"), fresh, folder.resolve("run-" + i + ".log")));
          }
          for (Process p : runners) {
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
          }
          double seconds = (System.nanoTime() - t0) / 1e9;
          for (int i = 1; i <= letters; i++) {
            assertThat(smtp.accepted(String.format(Locale.ROOT, "m%03d@missions.test", i))).isEqualTo(1);
          }
          line.append(String.format(Locale.ROOT, "; %d runner(s): %.1f letters/s (%.1f s)", n, letters / seconds, seconds));
        } finally {
          PostgresRunners.drop(fresh);
        }
      }
      System.out.println(line);
    }
  }

  private String state(String letter) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(PostgresRunners.url(schema), PostgresRunners.USER,
        PostgresRunners.PASSWORD);
        var s = c.prepareStatement("SELECT state FROM demarche_letter WHERE letter = ?")) {
      s.setString(1, letter);
      try (var r = s.executeQuery()) {
        return r.next() ? r.getString(1) : "NONE";
      }
    }
  }

  private static String slow(String reply, int ms) {
    if (ms > 0) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return reply;
  }
}
