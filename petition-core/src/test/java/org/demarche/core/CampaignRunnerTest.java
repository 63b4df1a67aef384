package org.demarche.core;

import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.demarche.core.RunReport.Result;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.testing.CountingChannel;
import org.demarche.core.testing.TextRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignRunnerTest {
  @TempDir
  Path dir;

  private final List<Duration> waits = new ArrayList<>();
  private final List<Letter> letters = List.of(Fixtures.letterTo(Fixtures.osaka()),
      Fixtures.letterTo(Fixtures.sapporo()), Fixtures.letterTo(Fixtures.nagasakiWithoutEmail()));

  private RunReport run(CountingChannel channel, RetryPolicy retry) {
    try (FileJournal journal = FileJournal.open(dir.resolve("j.journal"), "test-campaign")) {
      return CampaignRunner.builder(new TextRenderer(), channel, journal).retry(retry).sleeper(waits::add).build()
          .run(letters);
    }
  }

  @Test
  void sendsEachLetterOnceWhenRunIsRepeated() {
    CountingChannel channel = new CountingChannel();

    RunReport first = run(channel, RetryPolicy.defaults());
    RunReport second = run(channel, RetryPolicy.defaults());

    assertThat(channel.delivered).containsOnlyKeys("cn-cg-jp-osaka", "cn-cg-jp-sapporo");
    assertThat(channel.total()).isEqualTo(2);
    assertThat(first.count(Result.SENT)).isEqualTo(2);
    assertThat(second.count(Result.ALREADY_SENT)).isEqualTo(2);
    assertThat(second.count(Result.ALREADY_BY_POST)).isEqualTo(1);
    assertThat(second.nothingNew()).isTrue();
  }

  @Test
  void routesALetterToAMissionWithoutEmailToThePost() {
    List<String> posted = new ArrayList<>();
    CountingChannel channel = new CountingChannel();
    try (FileJournal journal = FileJournal.open(dir.resolve("j.journal"), "test-campaign")) {
      RunReport report = CampaignRunner.builder(new TextRenderer(), channel, journal)
          .postalDesk((letter, doc, att) -> posted.add(letter.id())).build().run(letters);
      assertThat(report.outcomes()).filteredOn(o -> o.result() == Result.BY_POST)
          .extracting(RunReport.Outcome::letterId).containsExactly("cn-cg-jp-nagasaki");
    }
    assertThat(posted).containsExactly("cn-cg-jp-nagasaki");
  }

  @Test
  void retriesATransientFailureWithGrowingBackoffUntilDelivered() {
    AtomicInteger calls = new AtomicInteger();
    CountingChannel channel = new CountingChannel(e -> e.letter().id().equals("cn-cg-jp-osaka") && calls.incrementAndGet() <= 3
        ? DeliveryException.transientFailure("451 try later", null) : null);

    RunReport report = run(channel, new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5)));

    assertThat(report.allDone()).isTrue();
    assertThat(channel.delivered.get("cn-cg-jp-osaka")).hasValue(1);
    assertThat(report.outcomes().get(0).attempts()).isEqualTo(4);
    assertThat(waits).hasSize(3);
    assertThat(waits.get(2)).isGreaterThan(waits.get(0));
  }

  @Test
  void givesUpOnATransientFailureAfterTheBoundAndTriesAgainNextRun() {
    CountingChannel failing = new CountingChannel(e -> DeliveryException.transientFailure("421 busy", null));
    RunReport first = run(failing, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMinutes(1)));
    assertThat(first.count(Result.FAILED_TRANSIENT)).isEqualTo(2);
    assertThat(failing.attempts).hasSize(6);

    CountingChannel working = new CountingChannel();
    RunReport second = run(working, RetryPolicy.defaults());
    assertThat(second.count(Result.SENT)).isEqualTo(2);
  }

  @Test
  void recordsAPermanentFailureWithTheServersReplyAndDoesNotRetry() {
    CountingChannel channel = new CountingChannel(e -> e.letter().id().equals("cn-cg-jp-sapporo")
        ? DeliveryException.permanentFailure("mailbox refused", "550 5.1.1 no such user") : null);

    RunReport report = run(channel, RetryPolicy.defaults());

    assertThat(report.outcomes().get(1).result()).isEqualTo(Result.FAILED_PERMANENT);
    assertThat(report.outcomes().get(1).detail()).hasValueSatisfying(d -> assertThat(d).contains("550 5.1.1"));
    assertThat(channel.attempts).containsOnlyOnce("cn-cg-jp-sapporo");
    RunReport again = run(new CountingChannel(), RetryPolicy.defaults());
    assertThat(again.outcomes().get(1).result()).isEqualTo(Result.FAILED_PERMANENT);
  }

  @Test
  void reportsALetterThatMayHaveReachedTheServerAsInDoubtAndDoesNotResendIt() {
    CountingChannel dropping = new CountingChannel(e -> e.letter().id().equals("cn-cg-jp-osaka")
        ? new DeliveryException(DeliveryException.Kind.TRANSIENT, "connection dropped after DATA", Optional.empty(), true, null)
        : null);
    RunReport first = run(dropping, RetryPolicy.defaults());
    assertThat(first.outcomes().get(0).result()).isEqualTo(Result.IN_DOUBT);

    CountingChannel next = new CountingChannel();
    RunReport second = run(next, RetryPolicy.defaults());
    assertThat(second.outcomes().get(0).result()).isEqualTo(Result.IN_DOUBT);
    assertThat(next.attempts).isEmpty();
  }

  @Test
  void resendsALetterInDoubtOnlyWhenAsked() {
    run(new CountingChannel(e -> new DeliveryException(DeliveryException.Kind.TRANSIENT, "dropped", Optional.empty(),
        true, null)), RetryPolicy.defaults());
    CountingChannel next = new CountingChannel();
    try (FileJournal journal = FileJournal.open(dir.resolve("j.journal"), "test-campaign")) {
      RunReport report = CampaignRunner.builder(new TextRenderer(), next, journal).resendInDoubt(true).build().run(letters);
      assertThat(report.count(Result.SENT)).isEqualTo(2);
    }
  }

  @Test
  void aRendererThatFailsUnexpectedlyFailsThatLetterOnlyAndTheOthersAreSent() {
    CountingChannel channel = new CountingChannel();
    org.demarche.core.spi.LetterRenderer flaky = new org.demarche.core.spi.LetterRenderer() {
      @Override
      public String mediaType() {
        return "text/plain";
      }

      @Override
      public Rendition render(Letter letter) {
        if (letter.id().equals("cn-cg-jp-osaka")) {
          throw new IllegalStateException("a bug in the renderer");
        }
        return new TextRenderer().render(letter);
      }
    };
    try (FileJournal journal = FileJournal.open(dir.resolve("j.journal"), "test-campaign")) {
      RunReport report = CampaignRunner.builder(flaky, channel, journal).build().run(letters);

      assertThat(report.outcomes().get(0).result()).isEqualTo(Result.FAILED_TRANSIENT);
      assertThat(report.outcomes().get(0).detail()).hasValueSatisfying(d -> assertThat(d).contains("a bug in the renderer"));
      assertThat(journal.statuses().get("cn-cg-jp-osaka").state().isFinal()).as("retried by the next run").isFalse();
      assertThat(channel.delivered).containsOnlyKeys("cn-cg-jp-sapporo");
    }
  }

  @Test
  void aLetterToAMissionWithNeitherEmailNorStreetAddressWaitsForACorrection() {
    DiplomaticMission nowhere = Fixtures.mission("cn-embassy-xx", MissionKind.EMBASSY, "Embassy", "Seoul", List.of(),
        "04538", "JP-13", Optional.empty(), new Coordinate(37.56, 126.98), java.util.Set.of());
    List<String> posted = new ArrayList<>();
    try (FileJournal journal = FileJournal.open(dir.resolve("j.journal"), "test-campaign")) {
      RunReport report = CampaignRunner.builder(new TextRenderer(), new CountingChannel(), journal)
          .postalDesk((letter, doc, att) -> posted.add(letter.id())).build().run(List.of(Fixtures.letterTo(nowhere)));

      assertThat(report.outcomes().get(0).result()).isEqualTo(Result.FAILED_TRANSIENT);
      assertThat(report.outcomes().get(0).detail()).hasValueSatisfying(d -> assertThat(d).contains("correction file"));
    }
    assertThat(posted).isEmpty();
  }
}
