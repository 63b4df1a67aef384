package org.demarche.deliver.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Properties;
import org.demarche.deliver.email.SmtpSettings;
import org.junit.jupiter.api.Test;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Simple Java Mail 8.12.6 trusts every certificate unless told otherwise
 * ({@code MailerGenericBuilder.DEFAULT_TRUST_ALL_HOSTS = true}, which its {@code MailerImpl} turns into
 * {@code mail.smtp.ssl.trust=*}). Demarche builds its own session and trusts only the JVM's trust store,
 * checking the server's name.
 */
class SessionTrustTest {

  @Test
  void simpleJavaMailsOwnMailerTrustsEveryCertificateByDefault() {
    Properties p = MailerBuilder.withSMTPServer("smtp.example.org", 587)
        .withTransportStrategy(TransportStrategy.SMTP_TLS).buildMailer().getSession().getProperties();
    assertThat(p.getProperty("mail.smtp.ssl.trust")).isEqualTo("*");
  }

  @Test
  void demarchesStartTlsSessionTrustsNoHostBlindlyChecksTheNameAndRequiresTheUpgrade() {
    Properties p = SmtpConnection.session(SmtpSettings.of("smtp.example.org"), Optional.of("secret")).getProperties();
    assertThat(p).doesNotContainKeys("mail.smtp.ssl.trust", "mail.smtps.ssl.trust");
    assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    assertThat(p.values()).as("the password is not a session property").doesNotContain("secret");
  }

  @Test
  void demarchesSmtpsSessionTrustsNoHostBlindlyAndChecksTheName() {
    Properties p = SmtpConnection.session(SmtpSettings.of("smtp.example.org").withTls(SmtpSettings.Tls.SMTPS),
        Optional.empty()).getProperties();
    assertThat(p).doesNotContainKeys("mail.smtp.ssl.trust", "mail.smtps.ssl.trust");
    assertThat(p.getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtps.ssl.enable")).isEqualTo("true");
  }
}
