package org.demarche.journal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.demarche.core.CampaignRunner;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.testing.TextRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several runners, in processes of their own, on one campaign in one PostgreSQL journal. */
class PostgresRunnersTest {
  @TempDir
  Path dir;
  private String schema;
  private PostgresJournals journals;

  @BeforeEach
  void connect() {
    schema = TestDatabase.freshSchema();
    journals = PostgresJournals.connect(TestDatabase.url(schema), TestDatabase.ENV);
  }

  @AfterEach
  void drop() {
    if (journals != null) {
      journals.close();
    }
    if (schema != null) {
      TestDatabase.drop(schema);
    }
  }

  private static JournalEntry entry(String letter, LetterState state, int attempt) {
    return new JournalEntry(letter, state, Instant.now(), attempt, Optional.of(letter + ".x@example.org"), Optional.empty());
  }

  @Test
  void twoRunnerProcessesOnOneCampaignDeliverEveryLetterOnce() throws Exception {
    Path ledger = dir.resolve("ledger");
    Process a = RunnerProcess.start(schema, 200, ledger, 5_000, 3);
    Process b = RunnerProcess.start(schema, 200, ledger, 5_000, 3);
    RunnerProcess.await(a);
    RunnerProcess.await(b);
    assertThat(a.exitValue()).isZero();
    assertThat(b.exitValue()).isZero();

    Map<String, Long> deliveries = LedgerChannel.deliveries(ledger);
    assertThat(deliveries).hasSize(200);
    assertThat(deliveries.values()).containsOnly(1L);
    assertThat(TestDatabase.count(schema, "SELECT count(DISTINCT runner) FROM demarche_entry WHERE state = 'SENT'"))
        .as("both runners delivered some of the letters").isEqualTo(2);
    assertThat(TestDatabase.count(schema, "SELECT count(*) FROM demarche_letter WHERE lease_owner IS NOT NULL"))
        .as("leases left behind").isZero();
  }

  @Test
  void killingOneRunnerMidRunLeavesAtMostTheLettersItHeldInDoubt() throws Exception {
    Path ledger = dir.resolve("ledger");
    Process victim = RunnerProcess.start(schema, 300, ledger, 1_000, 10);
    Process survivor = RunnerProcess.start(schema, 300, ledger, 1_000, 10);
    while (LedgerChannel.deliveries(ledger).size() < 40) {
      Thread.sleep(20);
    }
    victim.destroyForcibly().waitFor();
    RunnerProcess.await(survivor);
    Thread.sleep(1_200); // the victim's leases expire
    try (PostgresJournal last = journals.open("test-campaign", "ledger", Duration.ofSeconds(5))) {
      CampaignRunner.builder(new TextRenderer(), new LedgerChannel(ledger, 0), last).build()
          .run(RunnerProcess.letters(300));
    }

    Map<String, LetterStatus> statuses;
    try (PostgresJournal journal = journals.open("test-campaign", "ledger")) {
      statuses = journal.statuses();
    }
    Set<String> inDoubt = statuses.values().stream().filter(LetterStatus::inDoubt).map(LetterStatus::letterId)
        .collect(Collectors.toSet());
    Map<String, Long> deliveries = LedgerChannel.deliveries(ledger);
    assertThat(inDoubt).as("the victim sends one letter at a time").hasSizeLessThanOrEqualTo(1);
    assertThat(statuses.values()).allSatisfy(s -> assertThat(s.state()).isIn(LetterState.SENT, LetterState.SENDING));
    assertThat(statuses).hasSize(300);
    assertThat(deliveries.entrySet()).filteredOn(e -> e.getValue() > 1).allSatisfy(e -> assertThat(inDoubt)
        .as("a letter delivered twice was reported in doubt").contains(e.getKey()));
    assertThat(statuses.values()).filteredOn(s -> s.state() == LetterState.SENT)
        .allSatisfy(s -> assertThat(deliveries).containsKey(s.letterId()));
  }

  @Test
  void refusesTheClaimOfALetterAnotherLiveRunnerHolds() {
    try (PostgresJournal first = journals.open("test-campaign", "smtp");
        PostgresJournal second = journals.open("test-campaign", "smtp")) {
      first.record(entry("cn-cg-jp-osaka", LetterState.PLANNED, 0));
      LetterStatus planned = first.statuses().get("cn-cg-jp-osaka");
      assertThat(first.claim("cn-cg-jp-osaka", Optional.of(planned))).isTrue();
      assertThat(second.claim("cn-cg-jp-osaka", Optional.of(planned))).isFalse();
    }
  }

  @Test
  void refusesTheClaimOfALetterAnotherRunnerSettledSinceItWasRead() {
    try (PostgresJournal first = journals.open("test-campaign", "smtp");
        PostgresJournal second = journals.open("test-campaign", "smtp")) {
      first.record(entry("cn-cg-jp-osaka", LetterState.PLANNED, 0));
      LetterStatus asSecondReadIt = second.statuses().get("cn-cg-jp-osaka");
      first.claim("cn-cg-jp-osaka", Optional.of(asSecondReadIt));
      first.record(entry("cn-cg-jp-osaka", LetterState.SENDING, 1));
      first.record(entry("cn-cg-jp-osaka", LetterState.SENT, 1));
      assertThat(second.claim("cn-cg-jp-osaka", Optional.of(asSecondReadIt))).isFalse();
    }
  }

  @Test
  void grantsAPlannedLetterAgainOnceTheLeaseOfAStoppedRunnerExpired() throws Exception {
    PostgresJournal stopped = journals.open("test-campaign", "smtp", Duration.ofMillis(300));
    stopped.record(entry("cn-cg-jp-osaka", LetterState.PLANNED, 0));
    LetterStatus planned = stopped.statuses().get("cn-cg-jp-osaka");
    assertThat(stopped.claim("cn-cg-jp-osaka", Optional.of(planned))).isTrue();
    stopRenewing(stopped);
    try (PostgresJournal next = journals.open("test-campaign", "smtp")) {
      assertThat(next.claim("cn-cg-jp-osaka", Optional.of(planned))).isFalse();
      Thread.sleep(500);
      assertThat(next.claim("cn-cg-jp-osaka", Optional.of(planned))).isTrue();
    }
  }

  @Test
  void aLetterWhoseLeaseExpiredWhileSendingIsInDoubtAndNotTakenByAnotherRunner() throws Exception {
    PostgresJournal stopped = journals.open("test-campaign", "smtp", Duration.ofMillis(300));
    stopped.record(entry("cn-cg-jp-osaka", LetterState.PLANNED, 0));
    stopped.claim("cn-cg-jp-osaka", Optional.of(stopped.statuses().get("cn-cg-jp-osaka")));
    stopped.record(entry("cn-cg-jp-osaka", LetterState.SENDING, 1));
    LetterStatus planned = new LetterStatus("cn-cg-jp-osaka", LetterState.PLANNED, Instant.now(), 0, Optional.empty(),
        Optional.empty());
    stopRenewing(stopped);
    Thread.sleep(500);
    try (PostgresJournal next = journals.open("test-campaign", "smtp")) {
      assertThat(next.statuses().get("cn-cg-jp-osaka").inDoubt()).isTrue();
      assertThat(next.claim("cn-cg-jp-osaka", Optional.of(planned))).as("as if it were still planned").isFalse();
      assertThat(next.claim("cn-cg-jp-osaka", Optional.empty())).as("as if it were new").isFalse();
    }
  }

  @Test
  void aRunnerStartingWhileAnotherSendsALetterNeitherSendsItNorReportsItInDoubt() {
    var letters = RunnerProcess.letters(2);
    String busy = letters.get(0).id();
    try (PostgresJournal first = journals.open("test-campaign", "ledger");
        PostgresJournal second = journals.open("test-campaign", "ledger")) {
      first.record(entry(busy, LetterState.PLANNED, 0));
      first.claim(busy, Optional.of(first.statuses().get(busy)));
      first.record(entry(busy, LetterState.SENDING, 1));   // the first runner is in the middle of sending it

      assertThat(second.statuses()).containsKey(busy);
      assertThat(second.statusesForRun()).doesNotContainKey(busy);
      org.demarche.core.testing.CountingChannel channel = new org.demarche.core.testing.CountingChannel();
      org.demarche.core.RunReport report = CampaignRunner.builder(new TextRenderer(), channel, second).build().run(letters);
      assertThat(report.outcomes()).extracting(org.demarche.core.RunReport.Outcome::letterId)
          .containsExactly(letters.get(1).id());
      assertThat(report.allDone()).isTrue();
      assertThat(channel.delivered).containsOnlyKeys(letters.get(1).id());
    }
  }

  @Test
  void closingAJournalGivesUpEveryLeaseItsRunnerHeld() {
    try (PostgresJournal journal = journals.open("test-campaign", "smtp")) {
      for (String id : new String[] {"m-0001", "m-0002", "m-0003"}) {
        journal.record(entry(id, LetterState.PLANNED, 0));
        journal.claim(id, Optional.of(journal.statuses().get(id)));
      }
      assertThat(journal.leasesHeld()).isEqualTo(3);
    }
    assertThat(TestDatabase.count(schema, "SELECT count(*) FROM demarche_letter WHERE lease_owner IS NOT NULL")).isZero();
  }

  @Test
  void thePaceSpacesSlotsUnderOneKeyWhicheverRunnerTakesThem() {
    SharedPace one = journals.pace();
    SharedPace other = PostgresJournals.using(journals.dataSource()).pace();
    assertThat(one.take("smtp:consulate.example.org", Duration.ofSeconds(2))).isZero();
    assertThat(other.take("smtp:consulate.example.org", Duration.ofSeconds(2)))
        .isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(2));
    assertThat(one.take("smtp:consulate.example.org", Duration.ofSeconds(2)))
        .isBetween(Duration.ofMillis(3_500), Duration.ofSeconds(4));
    assertThat(other.take("smtp:embassy.example.org", Duration.ofSeconds(2))).as("another key").isZero();
  }

  @Test
  void aSlotTakenNotBeforeADelayComesNoEarlierAndTheNextFollowsIt() {
    SharedPace pace = journals.pace();
    assertThat(pace.take("smtp 127.0.0.1:25", Duration.ofSeconds(1), Duration.ofSeconds(5)))
        .isBetween(Duration.ofMillis(4_500), Duration.ofSeconds(5));
    assertThat(pace.take("smtp 127.0.0.1:25", Duration.ofSeconds(1), Duration.ZERO))
        .isBetween(Duration.ofMillis(5_500), Duration.ofSeconds(6));
  }

  @Test
  void everyJournalOfTheDatabaseHandsOutTheSamePace() {
    try (PostgresJournal first = journals.open("test-campaign", "smtp");
        PostgresJournal second = PostgresJournals.using(journals.dataSource()).open("test-campaign", "smtp")) {
      assertThat(first.pace().take("k", Duration.ofSeconds(2), Duration.ZERO)).isZero();
      assertThat(second.pace().take("k", Duration.ofSeconds(2), Duration.ZERO))
          .isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(2));
    }
  }

  @Test
  void refusesAJournalUrlThatCarriesCredentials() {
    assertThatThrownBy(() -> PostgresJournals.connect("jdbc:postgresql://localhost/demarche?password=secret", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGPASSWORD")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> PostgresJournals.connect("postgres://localhost/demarche", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://HOST");
  }

  /** A runner that stopped without closing: its lease renewer is gone, as in a killed process. */
  private static void stopRenewing(PostgresJournal journal) throws Exception {
    var field = PostgresJournal.class.getDeclaredField("renewer");
    field.setAccessible(true);
    ((java.util.concurrent.ExecutorService) field.get(journal)).shutdownNow();
  }
}
