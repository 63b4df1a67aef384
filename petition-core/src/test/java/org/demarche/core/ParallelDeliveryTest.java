package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.demarche.core.RunReport.Result;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Receipt;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.testing.TextRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A channel that takes several letters at once (a pool of connections): the engine hands them out on lanes. */
class ParallelDeliveryTest {
  private static final int LANES = 3;

  @TempDir
  Path dir;

  private static List<Letter> letters(int n) {
    List<Letter> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "cn-cg-jp-m" + i;
      out.add(Fixtures.letterTo(Fixtures.mission(id, MissionKind.CONSULATE_GENERAL, "Consulate " + i, "Osaka",
          List.of("1 Street"), "550-0004", "JP-27", Optional.of("m" + i + "@consulate.example.org"),
          new Coordinate(34.7, 135.5), Set.of("JP-27"))));
    }
    return out;
  }

  /**
   * Delivers concurrently on up to {@link #LANES} threads; the first {@link #LANES} letters wait for one another,
   * so a run that delivered one at a time would never get past the first. Notes each letter's journal state as the
   * channel receives it.
   */
  private static final class PooledChannel implements DeliveryChannel {
    final CountDownLatch together = new CountDownLatch(LANES);
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final Map<String, LetterState> stateAtDelivery = new ConcurrentHashMap<>();
    final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    FileJournal journal;

    @Override
    public String name() {
      return "pooled";
    }

    @Override
    public boolean canDeliver(Letter letter) {
      return true;
    }

    @Override
    public int parallelism() {
      return LANES;
    }

    @Override
    public Receipt deliver(Envelope envelope) {
      String id = envelope.letter().id();
      stateAtDelivery.put(id, journal.statuses().get(id).state());
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        together.countDown();
        together.await(30, TimeUnit.SECONDS);
        if (failOnce.remove(id)) {
          throw DeliveryException.transientFailure("421 4.7.0 try again later", null);
        }
        return new Receipt(id, envelope.messageId(), name(), Instant.now(), "250 OK");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DeliveryException.transientFailure("interrupted", e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @Test
  void aChannelThatTakesSeveralLettersAtOnceGetsThemOnThatManyThreads() {
    PooledChannel channel = new PooledChannel();
    List<Letter> letters = letters(12);
    try (FileJournal journal = FileJournal.open(dir.resolve("j.journal"), "test-campaign")) {
      channel.journal = journal;
      RunReport report = CampaignRunner.builder(new TextRenderer(), channel, journal).build().run(letters);

      assertThat(report.count(Result.SENT)).isEqualTo(12);
      assertThat(channel.mostInFlight.get()).isEqualTo(LANES);
      assertThat(journal.statuses().values()).extracting(LetterStatus::state).containsOnly(LetterState.SENT);
    }
  }

  @Test
  void everyLetterIsJournaledSendingBeforeTheChannelGetsItOnWhicheverThread() {
    PooledChannel channel = new PooledChannel();
    List<Letter> letters = letters(9);
    try (FileJournal journal = FileJournal.open(dir.resolve("j.journal"), "test-campaign")) {
      channel.journal = journal;
      CampaignRunner.builder(new TextRenderer(), channel, journal).build().run(letters);
    }
    assertThat(channel.stateAtDelivery).hasSize(9).containsOnlyKeys(letters.stream().map(Letter::id).toList());
    assertThat(channel.stateAtDelivery.values()).containsOnly(LetterState.SENDING);
  }

  @Test
  void aTransientFailureOnOneLaneIsRetriedThereWhileTheOthersGoOn() {
    PooledChannel channel = new PooledChannel();
    channel.failOnce.add("cn-cg-jp-m1");
    List<Letter> letters = letters(6);
    try (FileJournal journal = FileJournal.open(dir.resolve("j.journal"), "test-campaign")) {
      channel.journal = journal;
      RunReport report = CampaignRunner.builder(new TextRenderer(), channel, journal).sleeper(d -> { }).build()
          .run(letters);

      assertThat(report.count(Result.SENT)).isEqualTo(6);
      assertThat(report.outcomes()).filteredOn(o -> o.letterId().equals("cn-cg-jp-m1"))
          .extracting(RunReport.Outcome::attempts).containsExactly(2);
    }
  }
}
