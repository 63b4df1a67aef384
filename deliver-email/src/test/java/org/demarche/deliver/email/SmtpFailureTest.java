package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.DeliveryException.Kind;
import org.demarche.core.model.Envelope;
import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the SMTP channel classifies what a real (fault-injecting) SMTP server does. */
class SmtpFailureTest {
  private FaultySmtpServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FaultySmtpServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private SmtpChannel channel() {
    return SmtpChannel.create(SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE).withPort(server.port())
        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700)).unthrottled(), Map.of());
  }

  private static Envelope osaka() {
    return TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()));
  }

  @Test
  void aReplyOf451AfterDataIsTransientWithTheServersWords() {
    server.onDataEnd(n -> "451 4.3.0 Temporary local problem, try later");
    try (SmtpChannel smtp = channel()) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
      assertThat(e.maybeDelivered()).isFalse();
      assertThat(e.serverReply()).hasValue("451 4.3.0 Temporary local problem, try later");
    }
    assertThat(server.accepted()).isEmpty();
  }

  @Test
  void aReplyOf550ForTheMailboxIsPermanentWithTheServersWords() {
    server.onRcpt(rcpt -> "550 5.1.1 <" + rcpt + ">: Recipient address rejected: User unknown");
    try (SmtpChannel smtp = channel()) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
      assertThat(e.maybeDelivered()).isFalse();
      assertThat(e.serverReply()).hasValue(
          "550 5.1.1 <osaka@consulate.example.org>: Recipient address rejected: User unknown");
      assertThat(e).hasMessageContaining("cn-cg-jp-osaka").hasMessageContaining("refused it for good");
    }
  }

  @Test
  void aReplyOf554AfterDataIsPermanent() {
    server.onDataEnd(n -> "554 5.7.1 Message rejected as spam");
    try (SmtpChannel smtp = channel()) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
      assertThat(e.serverReply()).hasValue("554 5.7.1 Message rejected as spam");
    }
  }

  @Test
  void aConnectionDroppedInTheMiddleOfDataIsTransientAndNeverReportedSent() {
    // The whole message fits in the socket buffers: the client cannot tell whether the server read the
    // final "." before it closed, so it may only say "transient" (or "in doubt"), never "sent".
    server.dropMidData(1);
    try (SmtpChannel smtp = channel()) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    }
    assertThat(server.accepted()).isEmpty();
  }

  @Test
  void aConnectionDroppedWhileTheMessageIsStillBeingWrittenIsNotInDoubt() {
    server.dropMidData(1);
    Envelope large = TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()), 8_000_000);
    try (SmtpChannel smtp = channel()) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(large));
      assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
      assertThat(e.maybeDelivered()).as("the final '.' was never written").isFalse();
      assertThat(e).hasMessageContaining("lost the connection");
    }
  }

  @Test
  void aConnectionDroppedAfterTheFinalDotLeavesTheLetterInDoubt() {
    server.onDataEnd(n -> FaultySmtpServer.DROP);
    try (SmtpChannel smtp = channel()) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
      assertThat(e.maybeDelivered()).isTrue();
      assertThat(e).hasMessageContaining("may have been delivered");
    }
  }

  @Test
  void aServerSilentAfterTheFinalDotTimesOutInDoubt() {
    server.onDataEnd(n -> FaultySmtpServer.SILENT);
    try (SmtpChannel smtp = channel()) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
      assertThat(e.maybeDelivered()).isTrue();
      assertThat(e).hasMessageContaining("timed out");
    }
  }

  @Test
  void aServerThatStopsReadingTimesTheWriteOutAsTransient() {
    server.stopReadingAtData();
    Envelope large = TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()), 8_000_000);
    long start = System.nanoTime();
    try (SmtpChannel smtp = channel()) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(large));
      assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
      assertThat(e.maybeDelivered()).isFalse();
      assertThat(e).hasMessageContaining("timed out");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("700 ms write timeout, checked twice a second")
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aServerThatIsNotListeningIsTransient() throws Exception {
    int port = server.port();
    server.close();
    try (SmtpChannel smtp = SmtpChannel.create(SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE)
        .withPort(port).unthrottled(), Map.of())) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
      assertThat(e.maybeDelivered()).isFalse();
      assertThat(e).hasMessageContaining("could not connect");
    }
  }

  @Test
  void oneConnectionCarriesEveryLetterOfABatch() {
    try (SmtpChannel smtp = channel()) {
      for (var letter : TestLetters.seven()) {
        smtp.deliver(TestLetters.envelope(letter));
      }
    }
    assertThat(server.accepted()).hasSize(7);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aConnectionTheServerClosedBetweenLettersIsReopened() {
    server.closeAfterEachMessage();
    try (SmtpChannel smtp = channel()) {
      for (var letter : TestLetters.seven()) {
        smtp.deliver(TestLetters.envelope(letter));
      }
    }
    assertThat(server.accepted()).hasSize(7);
    assertThat(server.connections()).isEqualTo(7);
  }

  @Test
  void aRefusedLetterDoesNotCostTheConnection() {
    server.onRcpt(rcpt -> rcpt.startsWith("m3@") ? "550 5.1.1 no such user" : "250 2.1.5 OK");
    int refused = 0;
    try (SmtpChannel smtp = channel()) {
      for (var letter : TestLetters.seven()) {
        try {
          smtp.deliver(TestLetters.envelope(letter));
        } catch (DeliveryException e) {
          refused++;
        }
      }
    }
    assertThat(refused).isEqualTo(1);
    assertThat(server.accepted()).hasSize(6);
    assertThat(server.connections()).isEqualTo(1);
  }
}
