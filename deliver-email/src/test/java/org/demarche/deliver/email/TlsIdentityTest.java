package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.DeliveryException.Kind;
import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 5: a certificate the JVM trusts but issued for another host is refused (a certificate for
 * this very address, trusted the same way, is accepted: the name made the difference), and the login is
 * never sent over a connection that is not encrypted. The trust store is set for a child JVM, since the
 * JVM's default SSL context is made once per process.
 */
class TlsIdentityTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final String SMTP_PASSWORD = "correct horse battery 4711";

  @TempDir
  static Path dir;
  private static Path trustStore;

  @BeforeAll
  static void certificates() throws Exception {
    keytool("other", "CN=mail.other.test", "SAN=dns:mail.other.test");
    keytool("loopback", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, PASSWORD);
    for (String name : List.of("other", "loopback")) {
      trust.setCertificateEntry(name, keyStore(name).getCertificate(name));
    }
    trustStore = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trust.store(out, PASSWORD);
    }
  }

  private static void keytool(String alias, String dname, String san) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-ext", san,
        "-validity", "3", "-storetype", "PKCS12", "-keystore", dir.resolve(alias + ".p12").toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }

  private static KeyStore keyStore(String alias) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(alias + ".p12"))) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  /** Runs {@link TlsProbe} in a child JVM that trusts both test certificates. */
  private static String probe(int port) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Djavax.net.ssl.trustStore=" + trustStore,
        "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12",
        "-cp", System.getProperty("java.class.path"), TlsProbe.class.getName(), "127.0.0.1", String.valueOf(port))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output.lines().filter(l -> l.startsWith("SENT") || l.startsWith("REFUSED")).findFirst()
        .orElseThrow(() -> new AssertionError("the probe printed no outcome:\n" + output));
  }

  @Test
  void aTrustedCertificateForAnotherHostIsRefusedAndOneForThisAddressIsAccepted() throws Exception {
    String refused;
    String accepted;
    int otherAccepted;
    try (FaultySmtpServer other = new FaultySmtpServer().offeringStartTls(keyStore("other"), PASSWORD)) {
      refused = probe(other.port());
      otherAccepted = other.accepted().size();
      assertThat(other.transcript()).noneMatch(l -> l.startsWith("tls: MAIL FROM"));
    }
    try (FaultySmtpServer loopback = new FaultySmtpServer().offeringStartTls(keyStore("loopback"), PASSWORD)) {
      accepted = probe(loopback.port());
      assertThat(loopback.accepted()).hasSize(1);
    }
    System.out.println("tls: trusted certificate for mail.other.test at 127.0.0.1 -> " + refused
        + "; trusted certificate for 127.0.0.1 -> " + accepted);
    assertThat(refused).startsWith("REFUSED SENDER_SIDE").contains("the TLS connection to");
    assertThat(otherAccepted).isZero();
    assertThat(accepted).isEqualTo("SENT");
  }

  private static SmtpChannel loggingIn(FaultySmtpServer server, SmtpSettings.Tls tls) {
    return SmtpChannel.create(SmtpSettings.of("127.0.0.1").withTls(tls).withPort(server.port()).unthrottled()
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withLogin("campaigns", "SMTP_PASSWORD"),
        Map.of("SMTP_PASSWORD", SMTP_PASSWORD));
  }

  private static long authLines(FaultySmtpServer server) {
    return server.transcript().stream().filter(l -> l.toUpperCase(java.util.Locale.ROOT).contains("AUTH")).count();
  }

  @Test
  void theLoginIsNeverSentWhenTheServerOffersNoStartTls() throws Exception {
    try (FaultySmtpServer server = new FaultySmtpServer().offeringAuth();
        SmtpChannel smtp = loggingIn(server, SmtpSettings.Tls.STARTTLS)) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class,
          () -> smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()))));
      assertThat(e.kind()).isEqualTo(Kind.SENDER_SIDE);
      assertThat(server.transcript()).as("the client spoke").anyMatch(l -> l.startsWith("plain: EHLO"));
      System.out.println("tls: no STARTTLS offered -> " + e.kind() + ", login lines in the server's transcript "
          + authLines(server));
      assertThat(authLines(server)).isZero();
      assertThat(server.transcript()).noneMatch(l -> l.contains("MAIL FROM"));
    }
  }

  @Test
  void theLoginIsNeverSentWhenTheStartTlsCertificateIsRefused() throws Exception {
    try (FaultySmtpServer server = new FaultySmtpServer().offeringAuth().offeringStartTlsWithSelfSignedCertificate();
        SmtpChannel smtp = loggingIn(server, SmtpSettings.Tls.STARTTLS)) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class,
          () -> smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()))));
      System.out.println("tls: self-signed certificate after STARTTLS -> " + e.kind()
          + ", login lines in the server's transcript " + authLines(server));
      assertThat(server.transcript()).anyMatch(l -> l.equals("plain: STARTTLS"));
      assertThat(authLines(server)).isZero();
    }
  }

  @Test
  void theGreetingDoesNotNameTheOperatorsMachine() throws Exception {
    String host = java.net.InetAddress.getLocalHost().getCanonicalHostName();
    try (FaultySmtpServer server = new FaultySmtpServer();
        SmtpChannel smtp = SmtpChannel.create(SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE)
            .withPort(server.port()).unthrottled(), Map.of())) {
      smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
      List<String> greetings = server.transcript().stream().filter(l -> l.startsWith("plain: EHLO")).toList();
      System.out.println("privacy: the client greets with " + greetings + " (this machine is " + host + ")");
      assertThat(greetings).containsOnly("plain: EHLO [127.0.0.1]");
    }
  }

  /** The control: the transcript does show a login when one is sent in clear (allowed to loopback only). */
  @Test
  void theTranscriptShowsALoginSentInClearToLoopbackWithTlsNone() throws Exception {
    try (FaultySmtpServer server = new FaultySmtpServer().offeringAuth();
        SmtpChannel smtp = loggingIn(server, SmtpSettings.Tls.NONE)) {
      smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
      System.out.println("tls: control, tls none to loopback -> login lines in the server's transcript "
          + authLines(server));
      assertThat(server.transcript()).anyMatch(l -> l.startsWith("plain: AUTH"));
    }
  }
}
