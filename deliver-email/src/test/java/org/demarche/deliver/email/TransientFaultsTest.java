package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.demarche.core.CampaignRunner;
import org.demarche.core.model.DemarcheException;
import org.demarche.core.FileJournal;
import org.demarche.core.model.Letter;
import org.demarche.core.ProgressListener;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.RunReport;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.RunReport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 2: a server that answers 451 to about 30% of the messages and drops the connection at
 * DATA or after the final "." (sometimes having kept the message, sometimes not), under the real engine
 * and journal. Every letter arrives in the end; every duplicate at the server is a letter the engine
 * reported in doubt; no letter takes more attempts than the policy allows; the waits double.
 */
class TransientFaultsTest {
  private static final int LETTERS = 200;
  private static final RetryPolicy RETRY = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(30),
      Duration.ofHours(1));

  @TempDir
  Path dir;

  /** Which letter the engine is on, and the waits it asked for after each failed attempt of that letter. */
  private static final class Waits implements ProgressListener, CampaignRunner.Sleeper {
    final AtomicReference<String> current = new AtomicReference<>("");
    final Map<String, List<Duration>> byLetter = new HashMap<>();

    @Override
    public void failed(Letter letter, DemarcheException failure, boolean willRetry) {
      if (!letter.id().equals(current.getAndSet(letter.id()))) {
        byLetter.remove(letter.id()); // a new run of this letter: its backoff starts again
      }
    }

    @Override
    public void sleep(Duration duration) {
      byLetter.computeIfAbsent(current.get(), k -> new ArrayList<>()).add(duration);
    }
  }

  @Test
  void everyLetterArrivesThroughDeferralsAndDropsWithDuplicatesOnlyForLettersReportedInDoubt() throws Exception {
    Random random = new Random(20260924);
    AtomicInteger deferred = new AtomicInteger();
    AtomicInteger keptAndDropped = new AtomicInteger();
    AtomicInteger lostAndDropped = new AtomicInteger();
    AtomicInteger droppedAtData = new AtomicInteger();
    List<Letter> letters = IntStream.rangeClosed(1, LETTERS)
        .mapToObj(i -> TestLetters.letter(TestLetters.mission(String.format(Locale.ROOT, "cn-cg-jp-t%03d", i),
            String.format(Locale.ROOT, "t%03d@d%d.consulate.example.org", i, i % 7))))
        .toList();
    Set<String> reportedInDoubt = new HashSet<>();
    Map<Integer, List<Long>> waitsByRetry = new HashMap<>();
    int maxAttempts = 0;
    int runs = 0;
    List<Outcome> last = List.of();
    try (FaultySmtpServer server = new FaultySmtpServer()) {
      server.dropAtDataCommand(n -> {
        boolean drop = random.nextDouble() < 0.03;
        if (drop) {
          droppedAtData.incrementAndGet();
        }
        return drop;
      }).onDataEnd(n -> {
        double r = random.nextDouble();
        if (r < 0.30) {
          deferred.incrementAndGet();
          return "451 4.7.1 Greylisted, try again later";
        }
        if (r < 0.34) {
          keptAndDropped.incrementAndGet();
          return FaultySmtpServer.KEEP_AND_DROP;
        }
        if (r < 0.38) {
          lostAndDropped.incrementAndGet();
          return FaultySmtpServer.DROP;
        }
        return "250 2.0.0 OK";
      });
      SmtpSettings settings = SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE).withPort(server.port())
          .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).unthrottled();
      Waits waits = new Waits();
      // Run until every letter is sent; after the first run, letters left in doubt are sent again on purpose
      // (same Message-ID), as "demarche run --resend-in-doubt" does.
      while (runs < 6) {
        runs++;
        RunReport report;
        try (SmtpChannel smtp = SmtpChannel.create(settings, Map.of());
            FileJournal journal = FileJournal.open(dir.resolve("journal.jsonl"), "test-campaign")) {
          report = CampaignRunner.builder(new SmtpRetryAcceptanceTest.BytesRenderer(), smtp, journal).retry(RETRY)
              .listener(waits).sleeper(waits).resendInDoubt(runs > 1).renderThreads(2).build().run(letters);
        }
        for (Outcome o : report.outcomes()) {
          maxAttempts = Math.max(maxAttempts, o.attempts());
          if (o.result() == Result.IN_DOUBT) {
            reportedInDoubt.add(o.letterId());
          }
        }
        waits.byLetter.values().forEach(list -> {
          for (int k = 0; k < list.size(); k++) {
            waitsByRetry.computeIfAbsent(k + 1, x -> new ArrayList<>()).add(list.get(k).toMillis());
          }
        });
        waits.byLetter.clear();
        waits.current.set("");
        last = report.outcomes();
        if (report.outcomes().stream().allMatch(o -> o.result() == Result.SENT || o.result() == Result.ALREADY_SENT)) {
          break;
        }
      }

      Map<String, Integer> received = new HashMap<>();
      for (String raw : server.accepted()) {
        received.merge(Mail.parse(raw).getMessageID(), 1, Integer::sum);
      }
      int duplicates = received.values().stream().mapToInt(n -> n - 1).sum();
      Set<String> duplicatedNotInDoubt = new HashSet<>();
      for (Letter l : letters) {
        String id = "<" + org.demarche.core.model.MessageIds.of(l.campaignId(), l.id(), l.sender().emailDomain()) + ">";
        if (received.getOrDefault(id, 0) > 1 && !reportedInDoubt.contains(l.id())) {
          duplicatedNotInDoubt.add(l.id());
        }
      }
      // Messages whose DATA ended: deferred, dropped without being kept, or kept (answered 250 or kept-and-dropped).
      int deliveries = deferred.get() + lostAndDropped.get() + server.accepted().size();
      StringBuilder backoff = new StringBuilder();
      for (int k = 1; waitsByRetry.containsKey(k); k++) {
        List<Long> w = waitsByRetry.get(k);
        double mean = w.stream().mapToLong(Long::longValue).average().orElse(0);
        long ceiling = RETRY.ceilingAfter(k).toMillis();
        backoff.append(k == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", mean));
        assertThat(w).as("waits after failure %d lie between half the ceiling and the ceiling", k)
            .allMatch(ms -> ms >= ceiling / 2 && ms <= ceiling);
        if (k > 1) {
          double before = waitsByRetry.get(k - 1).stream().mapToLong(Long::longValue).average().orElse(0);
          assertThat(mean).as("the mean wait grows from retry %d to %d", k - 1, k).isGreaterThan(before);
        }
      }
      System.out.printf(Locale.ROOT, "transient faults: %d letters, %d messages ended by the client: 451 to %d (%.0f%%),"
              + " dropped after the final dot %d (%d kept by the server), dropped at DATA %d; after %d runs %d/%d"
              + " delivered (distinct Message-IDs), %d duplicates at the server (all reported in doubt: %s),"
              + " %d reported in doubt, attempts at most %d (bound %d), mean backoff after failure 1..%d: %s ms%n",
          LETTERS, deliveries, deferred.get(), 100.0 * deferred.get() / deliveries,
          keptAndDropped.get() + lostAndDropped.get(), keptAndDropped.get(), droppedAtData.get(), runs,
          received.size(), LETTERS, duplicates, duplicatedNotInDoubt.isEmpty(), reportedInDoubt.size(), maxAttempts,
          RETRY.maxAttempts(), waitsByRetry.size(), backoff);

      assertThat(last).extracting(Outcome::result).containsOnly(Result.SENT, Result.ALREADY_SENT);
      assertThat(received).hasSize(LETTERS);
      assertThat(duplicatedNotInDoubt).isEmpty();
      assertThat(maxAttempts).isLessThanOrEqualTo(RETRY.maxAttempts());
      assertThat(deferred.get()).as("the server deferred some messages").isGreaterThan(LETTERS / 5);
      assertThat(keptAndDropped.get() + lostAndDropped.get() + droppedAtData.get()).isGreaterThan(10);
      assertThat(waitsByRetry).as("some letters were retried more than twice").containsKey(3);
    }
  }
}
