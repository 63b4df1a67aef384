package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.RunReport.Result;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.testing.CountingChannel;
import org.demarche.core.testing.TextRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's part of issues 12 and 20: what is retried, held back, written again, and when "by post" is recorded. */
class EngineRecoveryTest {
  @TempDir
  Path dir;

  private final Letter osaka = Fixtures.letterTo(Fixtures.osaka());
  private final Letter sapporo = Fixtures.letterTo(Fixtures.sapporo());
  private final Letter nagasaki = Fixtures.letterTo(Fixtures.nagasakiWithoutEmail());
  private final List<Letter> letters = List.of(osaka, sapporo, nagasaki);

  private FileJournal journal() {
    return FileJournal.open(dir.resolve("j.journal"), "test-campaign");
  }

  private CampaignRunner.Builder runner(CountingChannel channel, FileJournal journal) {
    return CampaignRunner.builder(new TextRenderer(), channel, journal).sleeper(d -> {})
        .retry(new RetryPolicy(3, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2),
            java.time.Duration.ofSeconds(5)));
  }

  private LetterState state(String letterId) {
    try (FileJournal j = FileJournal.read(dir.resolve("j.journal"), "test-campaign")) {
      return j.statuses().get(letterId).state();
    }
  }

  private static Outcome outcome(RunReport report, Letter letter) {
    return report.outcomes().stream().filter(o -> o.letterId().equals(letter.id())).findFirst().orElseThrow();
  }

  @Test
  void aSenderSideFailureIsNotRetriedInTheRunButByTheNextPlainRun() {
    AtomicBoolean broken = new AtomicBoolean(true);
    CountingChannel channel = new CountingChannel(e -> broken.get()
        ? DeliveryException.senderSideFailure("the server does not offer STARTTLS", null) : null);
    RunReport first;
    try (FileJournal j = journal()) {
      first = runner(channel, j).build().run(letters);
    }
    int attemptsInFirstRun = channel.attempts.size();
    broken.set(false);
    RunReport second;
    try (FileJournal j = journal()) {
      second = runner(channel, j).build().run(letters);
    }

    assertThat(outcome(first, osaka).result()).isEqualTo(Result.FAILED_TRANSIENT);
    assertThat(outcome(first, osaka).detail()).hasValueSatisfying(d -> assertThat(d).contains("sending side"));
    assertThat(attemptsInFirstRun).as("one attempt per letter, no backoff loop").isEqualTo(2);
    assertThat(second.count(Result.SENT)).isEqualTo(2);
  }

  @Test
  void retryFailedSendsPermanentFailuresAgainWithTheSameMessageId() {
    AtomicBoolean refusing = new AtomicBoolean(true);
    List<String> messageIds = new ArrayList<>();
    CountingChannel channel = new CountingChannel(e -> {
      if (e.letter().id().equals(osaka.id())) {
        messageIds.add(e.messageId());
      }
      return refusing.get() && e.letter().id().equals(osaka.id())
          ? DeliveryException.permanentFailure("mailbox unknown", "550 5.1.1 unknown") : null;
    });
    try (FileJournal j = journal()) {
      runner(channel, j).build().run(letters);
    }
    refusing.set(false);
    RunReport plain;
    try (FileJournal j = journal()) {
      plain = runner(channel, j).build().run(letters);
    }
    RunReport retried;
    try (FileJournal j = journal()) {
      retried = runner(channel, j).retryFailed(true).build().run(letters);
    }

    assertThat(outcome(plain, osaka).result()).isEqualTo(Result.FAILED_PERMANENT);
    assertThat(outcome(plain, osaka).earlier()).isTrue();
    assertThat(plain.nothingNew()).isTrue();
    assertThat(outcome(retried, osaka).result()).isEqualTo(Result.SENT);
    assertThat(messageIds).hasSize(2).containsOnly(messageIds.get(0));
    assertThat(state(osaka.id())).isEqualTo(LetterState.SENT);
  }

  @Test
  void aRenderFailureOnTheFirstRunIsAnAttemptNotNothingNew() {
    org.demarche.core.spi.LetterRenderer failing = new org.demarche.core.spi.LetterRenderer() {
      @Override
      public String mediaType() {
        return "application/pdf";
      }

      @Override
      public Rendition render(Letter letter) {
        throw new org.demarche.core.model.RenderException("no font has U+13000");
      }
    };
    RunReport report;
    try (FileJournal j = journal()) {
      report = CampaignRunner.builder(failing, new CountingChannel(), j).build().run(letters);
    }

    assertThat(report.nothingNew()).isFalse();
    assertThat(report.attempted()).isEqualTo(3);
    assertThat(report.count(Result.FAILED_TRANSIENT, false)).isEqualTo(3);
  }

  @Test
  void heldBackLettersAreNeitherDeliveredNorJournaled() {
    CountingChannel channel = new CountingChannel();
    RunReport report;
    try (FileJournal j = journal()) {
      report = runner(channel, j).holdBack(Map.of(osaka.id(), "in the outbox")).build().run(letters);
    }

    assertThat(outcome(report, osaka).result()).isEqualTo(Result.HELD_BACK);
    assertThat(outcome(report, osaka).detail()).contains("in the outbox");
    assertThat(channel.delivered).doesNotContainKey(osaka.id()).containsKey(sapporo.id());
    try (FileJournal j = FileJournal.read(dir.resolve("j.journal"), "test-campaign")) {
      assertThat(j.statuses()).doesNotContainKey(osaka.id());
    }
    assertThat(report.allDone()).isTrue();
  }

  @Test
  void aLetterWhoseFilesAreGoneIsHandedToTheChannelAgainWithoutANewJournalState() {
    AtomicBoolean filesPresent = new AtomicBoolean(true);
    CountingChannel channel = new CountingChannel();
    org.demarche.core.spi.DeliveryChannel withFiles = new org.demarche.core.spi.DeliveryChannel() {
      @Override
      public String name() {
        return channel.name();
      }

      @Override
      public boolean canDeliver(Letter letter) {
        return channel.canDeliver(letter);
      }

      @Override
      public org.demarche.core.model.Receipt deliver(Envelope envelope) {
        return channel.deliver(envelope);
      }

      @Override
      public boolean hasOutputs(Letter letter) {
        return filesPresent.get();
      }
    };
    try (FileJournal j = journal()) {
      CampaignRunner.builder(new TextRenderer(), withFiles, j).build().run(letters);
    }
    filesPresent.set(false);
    RunReport again;
    try (FileJournal j = journal()) {
      again = CampaignRunner.builder(new TextRenderer(), withFiles, j).build().run(letters);
    }

    assertThat(outcome(again, osaka).result()).isEqualTo(Result.REWRITTEN);
    assertThat(channel.delivered.get(osaka.id())).hasValue(2);
    assertThat(state(osaka.id())).isEqualTo(LetterState.SENT);
    assertThat(again.nothingNew()).isFalse();
  }

  /** A postal desk that records the order of what happens to it, and can be told to fail. */
  private static final class Desk implements PostalDesk {
    final List<String> events = new ArrayList<>();
    boolean failPost;
    boolean failKit;

    @Override
    public void post(Letter letter, Rendition document, List<Rendition> attachments) {
      if (failPost) {
        throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
      }
      events.add("post " + letter.id());
    }

    @Override
    public void kit(List<Letter> posted, boolean rebuilding) {
      if (failKit) {
        throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
      }
      events.add("kit " + posted.size());
    }
  }

  @Test
  void byPostIsJournaledOnlyAfterThePdfAndAKitHoldingItAreWritten() {
    Desk desk = new Desk();
    List<String> journaledAfter = new ArrayList<>();
    try (FileJournal j = journal()) {
      FileJournal spy = j;
      runner(new CountingChannel(), spy).postalDesk(desk).listener(new ProgressListener() {
        @Override
        public void byPost(Letter letter, Rendition rendition) {
          journaledAfter.addAll(desk.events);
          assertThat(spy.statuses().get(letter.id()).state()).isEqualTo(LetterState.BY_POST);
        }
      }).build().run(letters);
    }

    assertThat(journaledAfter).containsExactly("post " + nagasaki.id(), "kit 1");
    assertThat(state(nagasaki.id())).isEqualTo(LetterState.BY_POST);
  }

  @Test
  void aPostalLetterWhosePdfOrKitCannotBeWrittenIsRecordedAsRetryableNotPosted() {
    for (boolean kitFails : new boolean[] {false, true}) {
      Desk desk = new Desk();
      desk.failPost = !kitFails;
      desk.failKit = kitFails;
      RunReport report;
      try (FileJournal j = FileJournal.open(dir.resolve("j" + kitFails + ".journal"), "test-campaign")) {
        report = runner(new CountingChannel(), j).postalDesk(desk).build().run(letters);
      }
      assertThat(outcome(report, nagasaki).result()).as("kit fails: " + kitFails).isEqualTo(Result.FAILED_TRANSIENT);
      assertThat(outcome(report, nagasaki).detail()).hasValueSatisfying(d -> assertThat(d).contains("disk full"));
      try (FileJournal j = FileJournal.read(dir.resolve("j" + kitFails + ".journal"), "test-campaign")) {
        assertThat(j.statuses().get(nagasaki.id()).state()).isEqualTo(LetterState.FAILED_TRANSIENT);
      }
    }
  }
}
