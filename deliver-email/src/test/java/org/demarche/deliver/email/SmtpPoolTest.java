package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP channel's pool of connections, against the scripted fault server, from several threads at once. */
class SmtpPoolTest {
  private FaultySmtpServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FaultySmtpServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private SmtpChannel channel(int connections, int perMinute) {
    return SmtpChannel.create(SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE).withPort(server.port())
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withRates(perMinute, 0)
        .withConnections(connections), Map.of());
  }

  private static List<Envelope> envelopes(int n) {
    List<Envelope> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Letter letter = TestLetters.letter(TestLetters.mission(String.format(Locale.ROOT, "cn-cg-jp-p%02d", i),
          "p" + i + "@consulate" + (i % 5) + ".example.org"));
      out.add(TestLetters.envelope(letter));
    }
    return out;
  }

  /** Delivers every envelope from {@code threads} threads; returns the failures. */
  private static List<DeliveryException> deliverFrom(int threads, SmtpChannel smtp, List<Envelope> envelopes)
      throws Exception {
    List<DeliveryException> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < envelopes.size(); i = next.getAndIncrement()) {
            try {
              smtp.deliver(envelopes.get(i));
            } catch (DeliveryException e) {
              failures.add(e);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return failures;
  }

  @Test
  void aPoolOfFourCarriesFourLettersAtOnceOverFourConnections() throws Exception {
    // The server holds each of the first four replies until four messages are in at once: one connection at a
    // time would never get there.
    CountDownLatch four = new CountDownLatch(4);
    AtomicInteger reachedFour = new AtomicInteger();
    server.onDataEnd(n -> {
      if (n <= 4) {
        four.countDown();
        try {
          if (four.await(30, TimeUnit.SECONDS)) {
            reachedFour.incrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return "250 2.0.0 OK queued as " + n;
    });
    try (SmtpChannel smtp = channel(4, 0)) {
      assertThat(smtp.parallelism()).isEqualTo(4);
      assertThat(deliverFrom(4, smtp, envelopes(40))).isEmpty();
    }
    assertThat(reachedFour.get()).isEqualTo(4);
    assertThat(server.accepted()).hasSize(40);
    assertThat(server.connections()).isEqualTo(4);
  }

  @Test
  void moreThreadsThanConnectionsWaitForAFreeConnection() throws Exception {
    try (SmtpChannel smtp = channel(2, 0)) {
      assertThat(deliverFrom(6, smtp, envelopes(30))).isEmpty();
    }
    assertThat(server.accepted()).hasSize(30);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aReplyOf421OnOnePooledConnectionFailsThatLetterAloneAsTransient() throws Exception {
    server.onDataEnd(n -> n == 5 ? "421 4.7.0 Too many messages, closing" : "250 2.0.0 OK queued as " + n);
    List<DeliveryException> failures;
    try (SmtpChannel smtp = channel(4, 0)) {
      failures = deliverFrom(4, smtp, envelopes(20));
    }
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).kind()).isEqualTo(DeliveryException.Kind.TRANSIENT);
    assertThat(failures.get(0).maybeDelivered()).isFalse();
    assertThat(failures.get(0).serverReply()).hasValue("421 4.7.0 Too many messages, closing");
    assertThat(server.accepted()).hasSize(19);
  }

  @Test
  void aConnectionDroppedAfterTheFinalDotOnOnePooledConnectionLeavesThatLetterInDoubt() throws Exception {
    server.onDataEnd(n -> n == 7 ? FaultySmtpServer.DROP : "250 2.0.0 OK queued as " + n);
    List<DeliveryException> failures;
    try (SmtpChannel smtp = channel(4, 0)) {
      failures = deliverFrom(4, smtp, envelopes(20));
    }
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).kind()).isEqualTo(DeliveryException.Kind.TRANSIENT);
    assertThat(failures.get(0).maybeDelivered()).isTrue();
    assertThat(server.accepted()).hasSize(19);
  }

  @Test
  void aPoolNeverSendsFasterThanThePerMinuteLimit() throws Exception {
    // 1,200 a minute: 50 ms apart; such a rate can use 2 connections.
    List<Long> receivedAt = Collections.synchronizedList(new ArrayList<>());
    server.onDataEnd(n -> {
      receivedAt.add(System.nanoTime());
      return "250 2.0.0 OK queued as " + n;
    });
    try (SmtpChannel smtp = channel(4, 1200)) {
      assertThat(smtp.parallelism()).isEqualTo(2);
      // Open both connections first: a slot is when a letter may start, and the first letter on a connection
      // spends its first ~50 ms connecting, which would bunch it with the next at the server.
      assertThat(deliverFrom(2, smtp, envelopes(4))).isEmpty();
      receivedAt.clear();
      assertThat(deliverFrom(4, smtp, envelopes(12))).isEmpty();
    }
    List<Long> times = new ArrayList<>(receivedAt);
    Collections.sort(times);
    assertThat(times).hasSize(12);
    // Each message takes its own slot when it starts; the slots are 50 ms apart whatever connection carries them.
    // The server notes each message when it ends, so one message's transfer time (which varies on a busy machine)
    // shifts its mark: no five consecutive messages arrive within less than four spacings less 100 ms of such jitter,
    // and all twelve take at least eleven spacings less the same. A pool without the limit sends them in a burst.
    for (int i = 4; i < times.size(); i++) {
      assertThat(Duration.ofNanos(times.get(i) - times.get(i - 4))).as("messages %d to %d", i - 4, i)
          .isGreaterThanOrEqualTo(Duration.ofMillis(4 * 50 - 100));
    }
    assertThat(Duration.ofNanos(times.get(11) - times.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(11 * 50 - 100));
  }

  @Test
  void aSlowRateUsesOneConnectionWhateverThePoolAllows() {
    SmtpSettings settings = SmtpSettings.of("smtp.example.org").withConnections(4);
    assertThat(settings.perMinute()).isEqualTo(6);
    assertThat(settings.usableConnections()).isEqualTo(1);
    assertThat(settings.withRates(1200, 2).usableConnections()).isEqualTo(2);
    assertThat(settings.withRates(0, 2).usableConnections()).isEqualTo(4);
  }

  @Test
  void connectionsIsBoundFromTheCampaignFileAndRefusedOutsideOneToSixteen() {
    assertThat(SmtpSettings.from(SmtpSettingsTest.section(SmtpSettingsTest.map("host", "smtp.example.org",
        "connections", "4"))).connections()).isEqualTo(4);
    assertThat(SmtpSettings.from(SmtpSettingsTest.section(SmtpSettingsTest.map("host", "smtp.example.org")))
        .connections()).isEqualTo(1);
    List<Problem> problems = SmtpSettings.problems(SmtpSettingsTest.section(SmtpSettingsTest.map("host",
        "smtp.example.org", "connections", "0")));
    assertThat(problems).extracting(Problem::toString).singleElement().asString()
        .startsWith("campaign.yaml:32:5: delivery.smtp.connections:").contains("between 1 and 16");
  }
}
