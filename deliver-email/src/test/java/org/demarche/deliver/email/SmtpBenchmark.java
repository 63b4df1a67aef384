package org.demarche.deliver.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;import javax.net.SocketFactory;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signer;
import org.demarche.core.bench.Contender;
import org.demarche.core.bench.PairedResult;
import org.demarche.core.bench.PairedRounds;
import org.demarche.core.contract.Fixtures;
import org.demarche.deliver.email.internal.LetterHtml;
import org.demarche.deliver.email.internal.MessageFactory;

/**
 * Throughput of the SMTP channel against an in-process GreenMail, beside bare Jakarta Mail sending the same messages
 * over one reused connection, measured with {@link PairedRounds} (contenders rotated every round, at least 7 rounds
 * after a warm-up, the paired per-round ratio to the baseline, the load average per round). Contenders: bare Jakarta
 * Mail on one connection (the baseline), the {@code smtp} channel with one connection, and the channel with a pool of
 * 4 connections driven from 4 threads (as the engine does through {@code parallelism()}). Run on demand (not part of
 * the build):
 *
 * <pre>
 * mvn -q -o -pl deliver-email test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.demarche.deliver.email.SmtpBenchmark [-Dexec.args="1000"] [-Dbench.rounds=7]
 * </pre>
 */
public final class SmtpBenchmark {
  private static final int PDF_BYTES = 27_700;

  private SmtpBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    try {
      int port = server.getSmtp().getPort();
      List<Envelope> envelopes = envelopes(count);
      System.out.printf(Locale.ROOT, "%d messages a round, PDF %d bytes, GreenMail on 127.0.0.1:%d%n", count,
          PDF_BYTES, port);
      PairedResult result = PairedRounds.named("smtp to GreenMail, " + count + " messages a round")
          .budget(Contender.Budget.ofOps(count))
          .progressTo(System.out)
          // The client and the in-process GreenMail keep both cores busy: their load is the benchmark's own.
          .ownThreads(2)
          .baseline("bare Jakarta Mail, 1 connection", checked(server, b -> bare(envelopes(envelopes, b), port, true)))
          .contender("Demarche smtp, 1 connection", checked(server, b -> demarche(envelopes(envelopes, b), port, 1)))
          .contender("Demarche smtp, pool of 4", checked(server, b -> demarche(envelopes(envelopes, b), port, 4)))
          .run();
      result.print(System.out);
      int few = Math.min(100, count);
      Contender.Sample bareDefault = bare(envelopes.subList(0, few), port, false);
      check(server, few);
      System.out.printf(Locale.ROOT, "bare Jakarta Mail, one connection, default sockets (%d messages): %.0f msg/s%n",
          few, bareDefault.opsPerSecond());
      System.out.printf(Locale.ROOT, "Demarche message building alone (Simple Java Mail, no network): %.0f msg/s%n",
          buildOnly(envelopes));
      System.out.printf(Locale.ROOT, "bare Jakarta Mail message building alone (no network):          %.0f msg/s%n",
          bareBuildOnly(envelopes));
    } finally {
      server.stop();
    }
  }

  /** One round's messages: the round's op budget of them. */
  private static List<Envelope> envelopes(List<Envelope> all, Contender.Budget budget) {
    return all.subList(0, (int) Math.min(all.size(), budget.ops() > 0 ? budget.ops() : all.size()));
  }

  /** A contender whose every message must have reached the server; the mailboxes are emptied after each round. */
  private static Contender checked(GreenMail server, Contender c) {
    return budget -> {
      Contender.Sample s = c.run(budget);
      check(server, (int) s.ops());
      return s;
    };
  }

  private static void check(GreenMail server, int expected) throws Exception {
    int received = server.getReceivedMessages().length;
    if (received != expected) {
      throw new IllegalStateException("expected " + expected + " messages at the server, found " + received);
    }
    server.purgeEmailFromAllMailboxes();
    System.gc();
  }

  /** The channel with a pool of {@code connections}, fed from as many threads as it says it takes. */
  private static Contender.Sample demarche(List<Envelope> envelopes, int port, int connections) throws Exception {
    SmtpSettings settings = SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE).withPort(port).unthrottled()
        .withConnections(connections);
    long start = System.nanoTime();
    try (SmtpChannel smtp = SmtpChannel.create(settings, Map.of())) {
      int lanes = smtp.parallelism();
      if (lanes == 1) {
        for (Envelope e : envelopes) {
          smtp.deliver(e);
        }
      } else {
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        try {
          AtomicInteger next = new AtomicInteger();
          List<Future<?>> done = new ArrayList<>();
          for (int t = 0; t < lanes; t++) {
            done.add(pool.submit(() -> {
              for (int i = next.getAndIncrement(); i < envelopes.size(); i = next.getAndIncrement()) {
                smtp.deliver(envelopes.get(i));
              }
            }));
          }
          for (Future<?> f : done) {
            f.get();
          }
        } finally {
          pool.shutdownNow();
        }
      }
    }
    return new Contender.Sample(envelopes.size(), System.nanoTime() - start);
  }

  private static double buildOnly(List<Envelope> envelopes) throws Exception {
    MessageFactory factory = new MessageFactory(Session.getInstance(new Properties()),
        new MessageFactory.Options(Optional.empty(), Optional.empty(), false, Optional.empty()),
        java.time.Clock.systemUTC());
    long start = System.nanoTime();
    for (Envelope e : envelopes) {
      factory.build(e).writeTo(java.io.OutputStream.nullOutputStream());
    }
    return envelopes.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static double bareBuildOnly(List<Envelope> envelopes) throws Exception {
    Session session = Session.getInstance(new Properties());
    long start = System.nanoTime();
    for (Envelope e : envelopes) {
      bareMessage(session, e).writeTo(java.io.OutputStream.nullOutputStream());
    }
    return envelopes.size() / ((System.nanoTime() - start) / 1e9);
  }

  /** Bare Jakarta Mail: one session, one transport, the same content built by hand. */
  private static Contender.Sample bare(List<Envelope> envelopes, int port, boolean noDelay) throws Exception {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", String.valueOf(port));
    if (noDelay) {
      p.setProperty("mail.smtp.socketFactory.class", BareNoDelay.class.getName());
    }
    Session session = Session.getInstance(p);
    long start = System.nanoTime();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (Envelope e : envelopes) {
        MimeMessage m = bareMessage(session, e);
        transport.sendMessage(m, m.getAllRecipients());
      }
    }
    return new Contender.Sample(envelopes.size(), System.nanoTime() - start);
  }

  private static MimeMessage bareMessage(Session session, Envelope e) throws Exception {
    Letter letter = e.letter();
    MimeMessage m = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", "<" + e.messageId() + ">");
      }
    };
    m.setFrom(new InternetAddress(letter.sender().email(), letter.sender().name(), "UTF-8"));
    m.setRecipient(Message.RecipientType.TO,
        new InternetAddress(e.to().orElseThrow(), letter.mission().name(), "UTF-8"));
    m.setReplyTo(new InternetAddress[] {new InternetAddress(letter.sender().email(), letter.sender().name(), "UTF-8")});
    m.setSubject(letter.subject(), "UTF-8");
    m.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(letter.plainText(), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(LetterHtml.of(letter), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative", text, html);
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    MimeBodyPart pdf = new MimeBodyPart();
    pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(e.document().content(), e.document().mediaType())));
    pdf.setFileName(e.document().fileName());
    pdf.setDisposition(MimeBodyPart.ATTACHMENT);
    m.setContent(new MimeMultipart("mixed", body, pdf));
    m.saveChanges();
    return m;
  }

  /** TCP_NODELAY sockets for the baseline (kept apart from Demarche's own factory). */
  public static final class BareNoDelay extends SocketFactory {
    public static SocketFactory getDefault() {
      return new BareNoDelay();
    }

    @Override
    public Socket createSocket() throws IOException {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      Socket s = createSocket();
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      Socket s = createSocket();
      s.bind(new InetSocketAddress(localHost, localPort));
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      Socket s = createSocket();
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      Socket s = createSocket();
      s.bind(new InetSocketAddress(localAddress, localPort));
      s.connect(new InetSocketAddress(address, port));
      return s;
    }
  }

  private static List<Envelope> envelopes(int count) {
    List<DiplomaticMission> missions = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      missions.add(TestLetters.mission("cn-cg-jp-m" + i, "m" + i + "@consulate.example.org"));
    }
    List<Envelope> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      DiplomaticMission mission = missions.get(i % missions.size());
      String id = String.format(Locale.ROOT, "supporter-%05d", i);
      Letter letter = new Letter(id, "bench-campaign", Fixtures.sender(), mission,
          new Addressee("Xi Jinping", "President of the People's Republic of China", "Dear Mr. President:"), "en",
          LocalDate.of(2026, 9, 24), "24 September 2026", "Petition on World Save North Korean Refugees Day",
          "Dear Mr. President:", List.of("On 24 September 1982 the People's Republic of China acceded to the 1951"
              + " Convention relating to the Status of Refugees.", "We ask you to end forced repatriation."),
          "Sincerely,", new Signer("Supporter " + i, Optional.empty()), Signatories.none(), Disclosure.FULL, false,
          Optional.of("supporter" + i + "@example.net"));
      Rendition pdf = new Rendition(id + ".en.pdf", "application/pdf", "en", TestLetters.pdfBytes(id, PDF_BYTES));
      out.add(new Envelope(letter, pdf, List.of(), MessageIds.of(letter.campaignId(), id, "lfnkr.example.org")));
    }
    return out;
  }
}
