package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.core.CampaignRunner;
import org.demarche.core.FileJournal;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.model.Rendition;
import org.demarche.core.RunReport;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.RunReport.Result;
import org.demarche.core.spi.LetterRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP channel under petition-core's engine ({@link CampaignRunner}: journal, retries with backoff)
 * against a real SMTP server that misbehaves on purpose.
 */
class SmtpRetryAcceptanceTest {
  private static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4),
      Duration.ofMinutes(1));

  @TempDir
  Path dir;
  private FaultySmtpServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FaultySmtpServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** Renders a letter as PDF-like bytes: the engine needs a renderer; the PDF itself is render-pdf's business. */
  static final class BytesRenderer implements LetterRenderer {
    @Override
    public String mediaType() {
      return "application/pdf";
    }

    @Override
    public Rendition render(Letter letter) {
      return new Rendition(letter.id() + ".en.pdf", mediaType(), "en", TestLetters.pdfBytes(letter.id(), 27_000));
    }
  }

  private RunReport run(List<Letter> letters) {
    SmtpSettings settings = SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE).withPort(server.port())
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).unthrottled();
    try (SmtpChannel smtp = SmtpChannel.create(settings, Map.of());
        FileJournal journal = FileJournal.open(dir.resolve("journal.jsonl"), "test-campaign")) {
      return CampaignRunner.builder(new BytesRenderer(), smtp, journal).retry(RETRY).sleeper(d -> { }).build()
          .run(letters);
    }
  }

  private List<String> acceptedMessageIds() throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (String raw : server.accepted()) {
      ids.add(Mail.parse(raw).getMessageID());
    }
    return ids;
  }

  private static String messageIdOf(Letter letter) {
    return "<" + MessageIds.of(letter.campaignId(), letter.id(), letter.sender().emailDomain()) + ">";
  }

  @Test
  void aServerAnswering451ToEveryThirdMessageStillGetsEveryLetterExactlyOnce() throws Exception {
    server.onDataEnd(n -> n % 3 == 0 ? "451 4.7.1 Greylisted, try again later" : "250 2.0.0 OK");
    List<Letter> letters = TestLetters.seven();
    RunReport report = run(letters);
    assertThat(report.outcomes()).extracting(Outcome::result).containsOnly(Result.SENT);
    assertThat(report.outcomes()).extracting(Outcome::attempts).allMatch(a -> a <= RETRY.maxAttempts());
    assertThat(report.outcomes().stream().mapToInt(Outcome::attempts).sum()).as("7 letters, 3 deferrals")
        .isEqualTo(10);
    assertThat(acceptedMessageIds()).containsExactlyInAnyOrderElementsOf(
        letters.stream().map(SmtpRetryAcceptanceTest::messageIdOf).toList());
  }

  @Test
  void a550ForOneMailboxFailsThatLetterForGoodAndSendsTheOthers() throws Exception {
    server.onRcpt(rcpt -> rcpt.equals("m4@even.consulate.example.org")
        ? "550 5.1.1 <m4@even.consulate.example.org>: Recipient address rejected: User unknown" : "250 2.1.5 OK");
    List<Letter> letters = TestLetters.seven();
    RunReport report = run(letters);
    Outcome refused = report.outcomes().stream().filter(o -> o.letterId().equals("cn-cg-jp-m4")).findFirst()
        .orElseThrow();
    assertThat(refused.result()).isEqualTo(Result.FAILED_PERMANENT);
    assertThat(refused.attempts()).isEqualTo(1);
    assertThat(refused.detail()).hasValueSatisfying(d -> assertThat(d).contains("550 5.1.1").contains("User unknown"));
    assertThat(report.count(Result.SENT)).isEqualTo(6);
    assertThat(acceptedMessageIds()).hasSize(6).doesNotContain(messageIdOf(letters.get(3)));
  }

  @Test
  void aConnectionDroppedMidDataLeavesTheLetterRetriedOrInDoubtNeverLost() throws Exception {
    server.dropMidData(2);
    List<Letter> letters = TestLetters.seven();
    RunReport report = run(letters);
    Outcome dropped = report.outcomes().get(1);
    assertThat(dropped.result()).isIn(Result.SENT, Result.IN_DOUBT);
    assertThat(report.outcomes()).filteredOn(o -> o != dropped).extracting(Outcome::result)
        .containsOnly(Result.SENT);
    List<String> ids = acceptedMessageIds();
    assertThat(ids).doesNotHaveDuplicates();
    if (dropped.result() == Result.SENT) {
      assertThat(ids).hasSize(7);
    } else {
      assertThat(ids).hasSize(6).doesNotContain(messageIdOf(letters.get(1)));
    }
  }

  @Test
  void aConnectionDroppedAfterTheFinalDotIsReportedInDoubtAndNotResent() throws Exception {
    server.onDataEnd(n -> n == 3 ? FaultySmtpServer.DROP : "250 2.0.0 OK");
    List<Letter> letters = TestLetters.seven();
    RunReport first = run(letters);
    assertThat(first.outcomes().get(2).result()).isEqualTo(Result.IN_DOUBT);
    assertThat(first.count(Result.SENT)).isEqualTo(6);
    RunReport second = run(letters);
    assertThat(second.outcomes().get(2).result()).as("a second run leaves it alone unless asked")
        .isEqualTo(Result.IN_DOUBT);
    assertThat(second.count(Result.ALREADY_SENT)).isEqualTo(6);
    assertThat(acceptedMessageIds()).hasSize(6);
  }
}
