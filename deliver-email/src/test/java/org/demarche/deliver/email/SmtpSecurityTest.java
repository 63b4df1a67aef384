package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.Map;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.DeliveryException.Kind;
import org.demarche.core.model.Envelope;
import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.Test;

/** TLS is required and verified; plain text only to this machine; the password stays secret. */
class SmtpSecurityTest {

  private static Envelope osaka() {
    return TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()));
  }

  @Test
  void plainTextToAHostOtherThanThisMachineIsRefused() {
    assertThatThrownBy(() -> SmtpSettings.of("smtp.example.org").withTls(SmtpSettings.Tls.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tls: none sends the password and the letters in clear text; it is refused for"
            + " 'smtp.example.org', which is not this machine: use starttls or smtps");
  }

  @Test
  void plainTextIsAllowedToLoopbackAddressesWrittenLiterally() {
    for (String host : new String[] {"localhost", "127.0.0.1", "127.3.2.1", "::1", "[::1]"}) {
      assertThat(SmtpSettings.of(host).withTls(SmtpSettings.Tls.NONE).tls()).isEqualTo(SmtpSettings.Tls.NONE);
    }
    for (String host : new String[] {"127.0.0.1.example.org", "localhost.example.org", "128.0.0.1", "10.0.0.1"}) {
      assertThatThrownBy(() -> SmtpSettings.of(host).withTls(SmtpSettings.Tls.NONE))
          .as(host).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aServerWithoutStartTlsIsRefusedRatherThanSpokenToInClear() {
    GreenMail plain = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    plain.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    plain.start();
    try (SmtpChannel smtp = SmtpChannel.create(SmtpSettings.of("127.0.0.1").withPort(plain.getSmtp().getPort())
        .unthrottled(), Map.of())) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.SENDER_SIDE);
      assertThat(e).hasMessageContaining("does not offer STARTTLS");
      assertThat(plain.getReceivedMessages()).isEmpty();
    } finally {
      plain.stop();
    }
  }

  @Test
  void aSelfSignedCertificateOnSmtpsIsRefused() {
    GreenMail smtps = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
    smtps.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtps.start();
    try (SmtpChannel smtp = SmtpChannel.create(SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.SMTPS)
        .withPort(smtps.getSmtps().getPort()).unthrottled(), Map.of())) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.SENDER_SIDE);
      assertThat(e).hasMessageContaining("the TLS connection to 127.0.0.1:" + smtps.getSmtps().getPort() + " failed");
      assertThat(smtps.getReceivedMessages()).isEmpty();
    } finally {
      smtps.stop();
    }
  }

  @Test
  void aSelfSignedCertificateAfterStartTlsIsRefused() throws Exception {
    try (FaultySmtpServer server = new FaultySmtpServer().offeringStartTlsWithSelfSignedCertificate();
        SmtpChannel smtp = SmtpChannel.create(SmtpSettings.of("127.0.0.1").withPort(server.port()).unthrottled()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)), Map.of())) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.SENDER_SIDE);
      assertThat(e).hasMessageContaining("the TLS connection to");
      assertThat(server.accepted()).isEmpty();
    }
  }

  @Test
  void thePasswordComesFromTheEnvironmentAndLogsIn() {
    GreenMail auth = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    auth.start();
    auth.setUser("campaigns@lfnkr.example.org", "campaigns", "correct horse battery");
    try (SmtpChannel smtp = SmtpChannel.create(local(auth).withLogin("campaigns", "LFNKR_SMTP"),
        Map.of("LFNKR_SMTP", "correct horse battery"))) {
      smtp.deliver(osaka());
      assertThat(auth.getReceivedMessages()).hasSize(1);
    } finally {
      auth.stop();
    }
  }

  @Test
  void aRefusedLoginIsSenderSideAndNeverShowsThePassword() {
    GreenMail auth = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    auth.start();
    auth.setUser("campaigns@lfnkr.example.org", "campaigns", "correct horse battery");
    try (SmtpChannel smtp = SmtpChannel.create(local(auth).withLogin("campaigns", "LFNKR_SMTP"),
        Map.of("LFNKR_SMTP", "wrong-password-4711"))) {
      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> smtp.deliver(osaka()));
      assertThat(e.kind()).isEqualTo(Kind.SENDER_SIDE);
      assertThat(e).hasMessageContaining("refused the login");
      assertThat(describe(e)).doesNotContain("wrong-password-4711");
      assertThat(smtp.settings().toString()).doesNotContain("wrong-password-4711");
    } finally {
      auth.stop();
    }
  }

  @Test
  void aMissingPasswordVariableIsNamedAndNothingConnects() {
    assertThatThrownBy(() -> SmtpChannel.create(SmtpSettings.of("smtp.example.org")
        .withLogin("campaigns@lfnkr.example.org", "DEMARCHE_SMTP_PASSWORD"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the SMTP password for campaigns@lfnkr.example.org is missing: set the environment variable"
            + " DEMARCHE_SMTP_PASSWORD (a secret is never read from the campaign file or a command-line argument)");
  }

  private static SmtpSettings local(GreenMail server) {
    return SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE).withPort(server.getSmtp().getPort())
        .unthrottled();
  }

  /** The exception's messages down its whole chain. */
  private static String describe(Throwable t) {
    StringBuilder out = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      out.append(c).append('\n');
      if (c instanceof jakarta.mail.MessagingException m && m.getNextException() != null) {
        out.append(m.getNextException()).append('\n');
      }
    }
    return out.toString();
  }
}
