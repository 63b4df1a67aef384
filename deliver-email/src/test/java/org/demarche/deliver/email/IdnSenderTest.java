package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Sender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An NGO whose domain is internationalized: its From and Message-ID go out in IDNA form, never raw UTF-8. */
class IdnSenderTest {
  @RegisterExtension
  static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  private static Letter fromIdnDomain() {
    Letter l = Fixtures.letterTo(Fixtures.osaka());
    Sender s = l.sender();
    Sender idn = new Sender(s.name(), s.shortName(), s.address(), "info@bürgerrechte.example.org", s.web());
    return new Letter(l.id(), l.campaignId(), idn, l.mission(), l.addressee(), l.language(), l.date(), l.dateLine(),
        l.subject(), l.salutation(), l.paragraphs(), l.closing(), l.signer(), l.coSignatories(), l.disclosureCap(),
        l.draftTranslation(), l.replyTo());
  }

  @Test
  void anInternationalizedSenderDomainGoesOutInIdnaFormInFromAndMessageId() throws Exception {
    try (SmtpChannel smtp = SmtpChannel.create(SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE)
        .withPort(SERVER.getSmtp().getPort()).unthrottled(), Map.of())) {
      smtp.deliver(TestLetters.envelope(fromIdnDomain()));
    }
    MimeMessage received = SERVER.getReceivedMessages()[0];
    String raw = GreenMailUtil.getWholeMessage(received);
    String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
    System.out.println("idn: From " + received.getHeader("From")[0] + ", Message-ID "
        + received.getHeader("Message-ID")[0]);
    assertThat(received.getHeader("From")[0]).contains("<info@xn--brgerrechte-").doesNotContain("ü");
    assertThat(received.getMessageID()).matches("<[0-9a-f]{32}\\.demarche@xn--brgerrechte-[a-z0-9]+\\.example\\.org>");
    assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(headers)).as("every header is ASCII").isTrue();
  }
}
