package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.DeliveryException.Kind;
import org.demarche.deliver.email.FaultySmtpServer.Misbehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server that holds the client (a byte a second) or floods it (an endless multi-line reply, a huge
 * line): every attempt ends within the exchange's deadline, the letter retryable (nothing accepted) or in doubt
 * (after the final "."), and memory stays bounded.
 */
class MisbehavingServerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(3);

  @TempDir
  Path dir;

  /** Sends one letter to a server misbehaving as {@code how}; returns the failure, printing the time it took. */
  private static DeliveryException deliverTo(Misbehaviour how) throws Exception {
    try (FaultySmtpServer server = new FaultySmtpServer().misbehaving(how);
        SmtpChannel smtp = SmtpChannel.create(SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE)
            .withPort(server.port()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
            .withDeadline(DEADLINE).unthrottled(), Map.of())) {
      long start = System.nanoTime();
      DeliveryException e = catchThrowableOfType(DeliveryException.class,
          () -> smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()))));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      System.out.println("misbehaving server " + how + ": attempt ended after " + elapsed.toMillis() + " ms (deadline "
          + DEADLINE.toMillis() + " ms) -> " + (e == null ? "sent" : e.kind() + (e.maybeDelivered() ? " in doubt" : "")
          + ": " + e.getMessage()));
      assertThat(elapsed).isLessThan(DEADLINE.plusSeconds(1));
      assertThat(e).isNotNull();
      return e;
    }
  }

  @Test
  void aServerDrippingItsGreetingAByteASecondEndsAtTheDeadlineRetryable() throws Exception {
    DeliveryException e = deliverTo(Misbehaviour.DRIP_GREETING);
    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(e.maybeDelivered()).isFalse();
    assertThat(e).hasMessageContaining("deadline of 3 s").hasMessageContaining("nothing was accepted");
  }

  @Test
  void anEndlessMultiLineReplyEndsTheAttemptRetryable() throws Exception {
    DeliveryException e = deliverTo(Misbehaviour.ENDLESS_EHLO);
    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(e.maybeDelivered()).isFalse();
    assertThat(e).hasMessageContaining("longer than 64 KiB");
  }

  @Test
  void aHugeReplyLineEndsTheAttemptRetryable() throws Exception {
    DeliveryException e = deliverTo(Misbehaviour.HUGE_LINE_AT_MAIL);
    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(e.maybeDelivered()).isFalse();
    assertThat(e).hasMessageContaining("longer than 64 KiB");
  }

  @Test
  void aReplyDrippedAfterTheFinalDotEndsAtTheDeadlineInDoubt() throws Exception {
    DeliveryException e = deliverTo(Misbehaviour.DRIP_AFTER_DATA);
    assertThat(e.maybeDelivered()).as("the server has the whole message").isTrue();
    assertThat(e).hasMessageContaining("passed its deadline").hasMessageContaining("may have been delivered");
  }

  @Test
  void aHugeReplyLineAfterTheFinalDotLeavesTheLetterInDoubt() throws Exception {
    DeliveryException e = deliverTo(Misbehaviour.HUGE_LINE_AFTER_DATA);
    assertThat(e.maybeDelivered()).isTrue();
    assertThat(e).hasMessageContaining("huge reply");
  }

  @Test
  void underA256MiBHeapAnEndlessReplyLineEndsWithinTheDeadlineAndTheLetterIsJournaledRetryable() throws Exception {
    String[] probe = childJvm(Misbehaviour.HUGE_LINE_AT_MAIL, 10);
    assertThat(probe[0]).as("no OutOfMemoryError").startsWith("RESULT ");
    String[] words = probe[0].split(" ");
    System.out.println("child JVM -Xmx256m (max heap " + words[4] + " MiB), endless reply line: " + words[1]
        + ", journal " + words[2] + ", attempt ended after " + words[3] + " ms (deadline 10000 ms; whole run "
        + words[5] + " ms); " + probe[1]);
    assertThat(words[1]).isEqualTo("FAILED_TRANSIENT");
    assertThat(words[2]).isEqualTo("FAILED_TRANSIENT");
    assertThat(Long.parseLong(words[3])).isLessThan(10_000);
    assertThat(Integer.parseInt(words[4])).isLessThanOrEqualTo(256);
  }

  @Test
  void underA256MiBHeapADrippingServerEndsAtTheDeadlineAndTheLetterIsJournaledRetryable() throws Exception {
    String[] probe = childJvm(Misbehaviour.DRIP_GREETING, 4);
    String[] words = probe[0].split(" ");
    System.out.println("child JVM -Xmx256m, greeting a byte a second: " + words[1] + ", journal " + words[2]
        + ", attempt ended after " + words[3] + " ms (deadline 4000 ms; whole run " + words[5] + " ms)");
    assertThat(words[1]).isEqualTo("FAILED_TRANSIENT");
    assertThat(words[2]).isEqualTo("FAILED_TRANSIENT");
    // The deadline runs from the first byte sent; building the message in a cold JVM comes before it.
    assertThat(Long.parseLong(words[3])).isBetween(3_900L, 5_500L);
  }

  /** Runs {@link MisbehavingServerProbe} at -Xmx256m; returns its RESULT and DETAIL lines. */
  private String[] childJvm(Misbehaviour how, int deadlineSeconds) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        MisbehavingServerProbe.class.getName(), how.name(), String.valueOf(deadlineSeconds),
        dir.resolve("journal.jsonl").toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String result = output.lines().filter(l -> l.startsWith("RESULT") || l.startsWith("OUT OF MEMORY")).findFirst()
        .orElseThrow(() -> new AssertionError("the probe printed no outcome:\n" + output));
    String detail = output.lines().filter(l -> l.startsWith("DETAIL")).findFirst().orElse("");
    return new String[] {result, detail};
  }
}
