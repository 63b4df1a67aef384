package org.demarche.deliver.email;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.demarche.core.CampaignRunner;
import org.demarche.core.FileJournal;
import org.demarche.core.RunReport;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.model.Receipt;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.contract.Fixtures;

/**
 * Run in a child JVM with a small heap: starts a server that misbehaves as {@code args[0]} says, sends one
 * letter through the engine with the deadline {@code args[1]} seconds and the journal {@code args[2]}, and
 * prints "RESULT result state attemptMs maxHeapMiB runMs" and the detail.
 */
final class MisbehavingServerProbe {
  private MisbehavingServerProbe() {}

  public static void main(String[] args) throws Exception {
    FaultySmtpServer.Misbehaviour how = FaultySmtpServer.Misbehaviour.valueOf(args[0]);
    Duration deadline = Duration.ofSeconds(Long.parseLong(args[1]));
    try (FaultySmtpServer server = new FaultySmtpServer().misbehaving(how)) {
      SmtpSettings settings = SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE).withPort(server.port())
          .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withDeadline(deadline).unthrottled();
      long start = System.nanoTime();
      RunReport report;
      long[] deliverNanos = new long[1];
      try (SmtpChannel smtp = SmtpChannel.create(settings, Map.of());
          FileJournal journal = FileJournal.open(Path.of(args[2]), "test-campaign")) {
        // Times the channel's attempt alone: a cold JVM's start and the engine's setup are not the server's doing.
        DeliveryChannel timed = new DeliveryChannel() {
          @Override
          public String name() {
            return smtp.name();
          }

          @Override
          public boolean canDeliver(Letter letter) {
            return smtp.canDeliver(letter);
          }

          @Override
          public Receipt deliver(Envelope envelope) {
            long t0 = System.nanoTime();
            try {
              return smtp.deliver(envelope);
            } finally {
              deliverNanos[0] = System.nanoTime() - t0;
            }
          }
        };
        report = CampaignRunner.builder(new SmtpRetryAcceptanceTest.BytesRenderer(), timed, journal)
            .retry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMinutes(1)))
            .build().run(List.of(Fixtures.letterTo(Fixtures.osaka())));
      }
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      long attempt = deliverNanos[0] / 1_000_000;
      String state;
      try (FileJournal journal = FileJournal.open(Path.of(args[2]), "test-campaign")) {
        state = journal.statuses().values().stream().map(LetterStatus::state).map(Enum::name).findFirst()
            .orElse("NONE");
      }
      RunReport.Outcome outcome = report.outcomes().get(0);
      System.out.println("RESULT " + outcome.result() + " " + state + " " + attempt + " "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " " + elapsed);
      System.out.println("DETAIL " + outcome.detail().orElse(""));
    } catch (OutOfMemoryError e) {
      System.out.println("OUT OF MEMORY");
    }
  }
}
