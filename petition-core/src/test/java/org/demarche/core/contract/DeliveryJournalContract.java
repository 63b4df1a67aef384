package org.demarche.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.demarche.core.CampaignRunner;
import org.demarche.core.RunReport;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.spi.DeliveryJournal;
import org.demarche.core.testing.CountingChannel;
import org.demarche.core.testing.TextRenderer;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryJournal} must do, whatever keeps it (a file, a database). A journal's test class
 * extends this and opens a journal of a campaign in a store that is fresh for each test; opening the same
 * campaign again in that test reads back what was recorded before (as a new process would).
 */
public abstract class DeliveryJournalContract {
  private static final Instant T0 = Instant.parse("2026-09-24T00:00:00Z");

  /** Opens, to record, the journal of {@code campaignId} in this test's store (one runner at a time). */
  protected abstract DeliveryJournal open(String campaignId);

  private static JournalEntry entry(String letter, LetterState state, int attempt, String detail) {
    return new JournalEntry(letter, state, T0.plusSeconds(attempt), attempt, Optional.of(letter + ".x@lfnkr.example.org"),
        Optional.ofNullable(detail));
  }

  @Test
  public void aNewJournalKnowsNoLetter() {
    try (DeliveryJournal journal = open("test-campaign")) {
      assertThat(journal.statuses()).isEmpty();
    }
  }

  @Test
  public void readsBackTheLastStateOfEachLetterAfterReopening() {
    try (DeliveryJournal journal = open("test-campaign")) {
      journal.recordAll(List.of(entry("cn-cg-jp-osaka", LetterState.PLANNED, 0, null),
          entry("cn-cg-jp-sapporo", LetterState.PLANNED, 0, null)));
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING, 1, null));
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENT, 1, "250 2.0.0 Ok: queued as 4F2A"));
    }
    try (DeliveryJournal journal = open("test-campaign")) {
      assertThat(journal.statuses()).containsOnlyKeys("cn-cg-jp-osaka", "cn-cg-jp-sapporo");
      LetterStatus osaka = journal.statuses().get("cn-cg-jp-osaka");
      assertThat(osaka.state()).isEqualTo(LetterState.SENT);
      assertThat(osaka.attempts()).isEqualTo(1);
      assertThat(osaka.messageId()).contains("cn-cg-jp-osaka.x@lfnkr.example.org");
      assertThat(osaka.detail()).contains("250 2.0.0 Ok: queued as 4F2A");
      assertThat(journal.statuses().get("cn-cg-jp-sapporo").state()).isEqualTo(LetterState.PLANNED);
    }
  }

  @Test
  public void aLetterRecordedSendingAndNothingAfterIsInDoubtWhenOpenedAgain() {
    try (DeliveryJournal journal = open("test-campaign")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.PLANNED, 0, null));
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING, 1, null));
    }
    try (DeliveryJournal journal = open("test-campaign")) {
      LetterStatus osaka = journal.statuses().get("cn-cg-jp-osaka");
      assertThat(osaka.inDoubt()).isTrue();
      assertThat(osaka.messageId()).contains("cn-cg-jp-osaka.x@lfnkr.example.org");
    }
  }

  @Test
  public void failuresKeepTheirReplyAndTheirClass() {
    try (DeliveryJournal journal = open("test-campaign")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING, 1, null));
      journal.record(entry("cn-cg-jp-osaka", LetterState.FAILED_PERMANENT, 1, "550 5.1.1 mailbox unknown"));
      journal.record(entry("cn-cg-jp-sapporo", LetterState.SENDING, 1, null));
      journal.record(entry("cn-cg-jp-sapporo", LetterState.FAILED_TRANSIENT, 1, "421 4.7.0 try again later"));
    }
    try (DeliveryJournal journal = open("test-campaign")) {
      assertThat(journal.statuses().get("cn-cg-jp-osaka").state()).isEqualTo(LetterState.FAILED_PERMANENT);
      assertThat(journal.statuses().get("cn-cg-jp-osaka").detail()).contains("550 5.1.1 mailbox unknown");
      assertThat(journal.statuses().get("cn-cg-jp-sapporo").state()).isEqualTo(LetterState.FAILED_TRANSIENT);
      assertThat(journal.statuses().get("cn-cg-jp-sapporo").detail()).contains("421 4.7.0 try again later");
    }
  }

  @Test
  public void countsAttemptsOverRunsAndKeepsTheMessageIdOnceKnown() {
    try (DeliveryJournal journal = open("test-campaign")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING, 1, null));
      journal.record(entry("cn-cg-jp-osaka", LetterState.FAILED_TRANSIENT, 1, "421 busy"));
    }
    try (DeliveryJournal journal = open("test-campaign")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.SENDING, 2, null));
      journal.record(new JournalEntry("cn-cg-jp-osaka", LetterState.SENT, T0.plusSeconds(9), 2, Optional.empty(),
          Optional.of("250 ok")));
    }
    try (DeliveryJournal journal = open("test-campaign")) {
      LetterStatus osaka = journal.statuses().get("cn-cg-jp-osaka");
      assertThat(osaka.attempts()).isEqualTo(2);
      assertThat(osaka.messageId()).contains("cn-cg-jp-osaka.x@lfnkr.example.org");
    }
  }

  @Test
  public void keepsTheLettersOfTwoCampaignsApart() {
    try (DeliveryJournal a = open("campaign-a")) {
      a.record(entry("cn-cg-jp-osaka", LetterState.SENT, 1, "250 ok"));
    }
    try (DeliveryJournal b = open("campaign-b")) {
      assertThat(b.statuses()).isEmpty();
    }
  }

  @Test
  public void grantsTheClaimOfALetterWhoseRecordIsAsTheRunReadIt() {
    try (DeliveryJournal journal = open("test-campaign")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.PLANNED, 0, null));
      assertThat(journal.claim("cn-cg-jp-osaka", Optional.of(journal.statuses().get("cn-cg-jp-osaka")))).isTrue();
    }
  }

  @Test
  public void theEngineSendsEachLetterOnceOverTwoRuns() {
    List<Letter> letters = List.of(Fixtures.letterTo(Fixtures.osaka()), Fixtures.letterTo(Fixtures.sapporo()));
    CountingChannel channel = new CountingChannel();
    try (DeliveryJournal journal = open("test-campaign")) {
      RunReport first = CampaignRunner.builder(new TextRenderer(), channel, journal).build().run(letters);
      assertThat(first.outcomes()).extracting(RunReport.Outcome::result).containsOnly(RunReport.Result.SENT);
    }
    try (DeliveryJournal journal = open("test-campaign")) {
      RunReport second = CampaignRunner.builder(new TextRenderer(), channel, journal).build().run(letters);
      assertThat(second.outcomes()).extracting(RunReport.Outcome::result).containsOnly(RunReport.Result.ALREADY_SENT);
    }
    assertThat(channel.delivered).containsOnlyKeys("cn-cg-jp-osaka", "cn-cg-jp-sapporo");
    assertThat(channel.delivered.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
  }

  @Test
  public void theEngineLeavesALetterInDoubtWhenTheChannelMayHaveDeliveredIt() {
    List<Letter> letters = List.of(Fixtures.letterTo(Fixtures.osaka()));
    CountingChannel dropped = new CountingChannel(e -> new DeliveryException(DeliveryException.Kind.TRANSIENT,
        "connection lost after DATA", Optional.empty(), true, null));
    try (DeliveryJournal journal = open("test-campaign")) {
      CampaignRunner.builder(new TextRenderer(), dropped, journal).build().run(letters);
    }
    CountingChannel next = new CountingChannel();
    try (DeliveryJournal journal = open("test-campaign")) {
      assertThat(journal.statuses().get("cn-cg-jp-osaka").inDoubt()).isTrue();
      RunReport again = CampaignRunner.builder(new TextRenderer(), next, journal).build().run(letters);
      assertThat(again.outcomes()).extracting(RunReport.Outcome::result).containsOnly(RunReport.Result.IN_DOUBT);
    }
    assertThat(next.delivered).isEmpty();
  }

  private static LetterOutcome outcome(String letter, LetterOutcome.Kind kind, String reference, String note) {
    return new LetterOutcome(letter, kind, java.time.LocalDate.parse("2026-09-25"), T0.plusSeconds(3600),
        Optional.ofNullable(reference), Optional.ofNullable(note));
  }

  @Test
  public void readsBackPostedAndOutcomesInTheOrderRecordedAfterReopening() {
    try (DeliveryJournal journal = open("test-campaign")) {
      journal.record(entry("cn-cg-jp-osaka", LetterState.BY_POST, 0, null));
      journal.recordOutcome(outcome("cn-cg-jp-osaka", LetterOutcome.Kind.POSTED, "EJ123456789JP", null));
      journal.recordOutcome(outcome("cn-cg-jp-osaka", LetterOutcome.Kind.REPLIED, null, "a letter from the consul"));
    }
    try (DeliveryJournal journal = open("test-campaign")) {
      assertThat(journal.outcomes()).containsExactly(
          outcome("cn-cg-jp-osaka", LetterOutcome.Kind.POSTED, "EJ123456789JP", null),
          outcome("cn-cg-jp-osaka", LetterOutcome.Kind.REPLIED, null, "a letter from the consul"));
    }
  }

  @Test
  public void anOutcomeChangesNoLettersStateSoARunDoesNotSendItAgain() {
    List<Letter> letters = List.of(Fixtures.letterTo(Fixtures.osaka()));
    CountingChannel channel = new CountingChannel();
    try (DeliveryJournal journal = open("test-campaign")) {
      CampaignRunner.builder(new TextRenderer(), channel, journal).build().run(letters);
      LetterStatus before = journal.statuses().get("cn-cg-jp-osaka");
      journal.recordOutcome(outcome("cn-cg-jp-osaka", LetterOutcome.Kind.BOUNCED, "5.1.1", "550 5.1.1 no such user"));
      assertThat(journal.statuses().get("cn-cg-jp-osaka")).isEqualTo(before);
    }
    try (DeliveryJournal journal = open("test-campaign")) {
      RunReport again = CampaignRunner.builder(new TextRenderer(), channel, journal).build().run(letters);
      assertThat(again.outcomes()).extracting(RunReport.Outcome::result).containsOnly(RunReport.Result.ALREADY_SENT);
    }
    assertThat(channel.delivered.get("cn-cg-jp-osaka").get()).isEqualTo(1);
  }

  @Test
  public void keepsTheOutcomesOfTwoCampaignsApart() {
    try (DeliveryJournal a = open("campaign-a")) {
      a.recordOutcome(outcome("cn-cg-jp-osaka", LetterOutcome.Kind.REFUSED, null, null));
    }
    try (DeliveryJournal b = open("campaign-b")) {
      assertThat(b.outcomes()).isEmpty();
    }
  }
}
