package org.demarche.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.CampaignRunner;
import org.demarche.core.Demarche;
import org.demarche.core.RunReport;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.testing.TextRenderer;
import org.demarche.deliver.email.EmailPlugin;
import org.demarche.journal.postgres.PostgresJournal;
import org.demarche.journal.postgres.PostgresJournals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code perMinute} holds across runners. Two runners (each its own Demarche, connection pool, journal and
 * SMTP channel, as two workers of an app) send one campaign of 8 letters through one PostgreSQL journal to one GreenMail at
 * {@code perMinute: 60}; the slots come from the database, so the server sees the letters about 1 s apart, not two
 * a second. Needs PostgreSQL (.ci/install-postgres), like {@link PostgresJournalExampleTest}.
 */
class SharedRateLimitTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @TempDir
  Path out;

  private static List<Letter> letters(int n) {
    List<Letter> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Fixtures.letterTo(Fixtures.mission("cn-cg-jp-r" + i, MissionKind.CONSULATE_GENERAL, "Consulate " + i,
          "Osaka", List.of("1 Street"), "550-0004", "JP-27", Optional.of("r" + i + "@consulate.example.org"),
          new Coordinate(34.7, 135.5), Set.of("JP-27"))));
    }
    return out;
  }

  /** One runner: its own connection pool to the database, its own journal and SMTP channel on the journal's pace. */
  private RunReport runner(String url, Map<String, String> smtpSettings, List<Letter> letters) {
    Demarche demarche = Demarche.builder().install(new EmailPlugin()).build();
    try (PostgresJournals db = PostgresJournals.connect(url, PostgresJournalExampleTest.ENV);
        PostgresJournal journal = db.open("test-campaign", "smtp");
        DeliveryChannel channel = demarche.channel("smtp", new ChannelContext(
            Settings.of("delivery.smtp", smtpSettings), out, Map.of(), journal.pace()))) {
      return CampaignRunner.builder(new TextRenderer(), channel, journal).build().run(letters);
    }
  }

  private static long runnersThatSent(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(PostgresJournalExampleTest.URL + "?currentSchema=" + schema,
        PostgresJournalExampleTest.ENV.get("PGUSER"), PostgresJournalExampleTest.ENV.get("PGPASSWORD"));
        Statement s = c.createStatement();
        var r = s.executeQuery("SELECT count(DISTINCT runner) FROM demarche_entry WHERE state = 'SENT'")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** When each letter was journaled SENDING (the runners' clocks: one JVM here), in order, as nanoseconds. */
  private static List<Long> sendingTimes(String schema) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(PostgresJournalExampleTest.URL + "?currentSchema=" + schema,
        PostgresJournalExampleTest.ENV.get("PGUSER"), PostgresJournalExampleTest.ENV.get("PGPASSWORD"));
        Statement s = c.createStatement();
        var r = s.executeQuery("SELECT at FROM demarche_entry WHERE state = 'SENDING' ORDER BY at")) {
      while (r.next()) {
        java.time.Instant at = r.getTimestamp(1).toInstant();
        out.add(at.getEpochSecond() * 1_000_000_000L + at.getNano());
      }
    }
    return out;
  }

  /**
   * Sends one letter through the same stack first: the first letter of a JVM loads and compiles the mail classes on
   * its way, which on a busy machine delays it past its slot and bunches it with the next at the server.
   */
  private void warmUp() throws Exception {
    Demarche demarche = Demarche.builder().install(new EmailPlugin()).build();
    Letter letter = Fixtures.letterTo(Fixtures.osaka());
    try (DeliveryChannel channel = demarche.channel("smtp", new ChannelContext(Settings.of("delivery.smtp",
        Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.getSmtp().getPort()), "tls", "none", "perMinute", "0",
            "perDomainPerMinute", "0")), out, Map.of()))) {
      channel.deliver(new Envelope(letter, new TextRenderer().render(letter), List.of(),
          MessageIds.of("warm-up", letter.id(), "example.org")));
    }
    smtp.purgeEmailFromAllMailboxes();
  }

  @Test
  void twoRunnersOnOneDatabaseKeepPerMinuteBetweenThem() throws Exception {
    String schema = PostgresJournalExampleTest.freshSchema();
    ExecutorService runners = Executors.newFixedThreadPool(2);
    try {
      String url = PostgresJournalExampleTest.URL + "?currentSchema=" + schema;
      Map<String, String> settings = Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.getSmtp().getPort()),
          "tls", "none", "perMinute", "60", "perDomainPerMinute", "0");
      warmUp();
      List<Letter> letters = letters(8);
      Future<RunReport> a = runners.submit(() -> runner(url, settings, letters));
      Future<RunReport> b = runners.submit(() -> runner(url, settings, letters));
      // The server's receive times: the count of received messages, watched until both runs are over.
      List<Long> receivedAt = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!(a.isDone() && b.isDone()) && System.nanoTime() < deadline) {
        int n = smtp.getReceivedMessages().length;
        long now = System.nanoTime();
        while (receivedAt.size() < n) {
          receivedAt.add(now);
        }
        Thread.sleep(5);
      }
      long sent = 0;
      for (Future<RunReport> r : List.of(a, b)) {
        sent += r.get(10, TimeUnit.SECONDS).outcomes().stream().filter(o -> o.result() == RunReport.Result.SENT)
            .count();
      }
      while (receivedAt.size() < smtp.getReceivedMessages().length) {
        receivedAt.add(System.nanoTime());
      }

      assertThat(sent).as("letters sent by the two runners, each once").isEqualTo(8);
      assertThat(receivedAt).hasSize((int) sent);
      assertThat(runnersThatSent(schema)).as("both runners sent letters").isEqualTo(2);
      // Each letter is journaled SENDING right after its slot, by whichever runner: those times are the slots, give
      // or take how late a busy machine wakes the thread (a late one shortens the gap after it). Runners pacing
      // themselves apart would journal letters in pairs, close to 0 ms apart: 750 ms tells the two apart.
      List<Long> slots = sendingTimes(schema);
      assertThat(slots).hasSize(8);
      for (int i = 1; i < slots.size(); i++) {
        assertThat(Duration.ofNanos(slots.get(i) - slots.get(i - 1))).as("slot gap before letter %d", i + 1)
            .isGreaterThanOrEqualTo(Duration.ofMillis(750));
      }
      assertThat(Duration.ofNanos(slots.get(7) - slots.get(0))).as("8 slots span 7 spacings")
          .isGreaterThanOrEqualTo(Duration.ofMillis(7 * 1000 - 500));
      // The server notes each letter when its transfer ends, which on a busy machine (load 17 on 2 cores when this
      // was written) varies by a few hundred ms: every gap at least half the spacing, and the 8 letters over at
      // least 7 spacings less 500 ms. Two runners pacing themselves apart send two letters a second: this fails.
      List<Long> gapsMs = new ArrayList<>();
      for (int i = 1; i < receivedAt.size(); i++) {
        gapsMs.add((receivedAt.get(i) - receivedAt.get(i - 1)) / 1_000_000);
      }
      System.out.println("SharedRateLimitTest: gaps between letters at the server (ms): " + gapsMs);
      assertThat(gapsMs).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(500L));
      assertThat(Duration.ofNanos(receivedAt.get(7) - receivedAt.get(0)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(7 * 1000 - 500));
    } finally {
      runners.shutdownNow();
      PostgresJournalExampleTest.drop(schema);
    }
  }
}
