package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Sender;
import org.demarche.core.contract.DeliveryChannelContract;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.deliver.email.internal.Throttle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP channel against a real SMTP server (GreenMail, in-process, on 127.0.0.1). */
class SmtpChannelTest extends DeliveryChannelContract {

  @RegisterExtension
  static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  static SmtpSettings local() {
    return localTo(SERVER);
  }

  static SmtpSettings localTo(GreenMailExtension server) {
    return SmtpSettings.of("127.0.0.1").withTls(SmtpSettings.Tls.NONE).withPort(server.getSmtp().getPort())
        .unthrottled();
  }

  @Override
  protected DeliveryChannel channel() {
    return SmtpChannel.create(local(), Map.of());
  }

  @Test
  void sevenLettersArriveWithTheirRecipientSubjectMessageIdBodyAndPdf() throws Exception {
    List<Letter> letters = TestLetters.seven();
    try (SmtpChannel smtp = SmtpChannel.create(local(), Map.of())) {
      for (Letter letter : letters) {
        smtp.deliver(TestLetters.envelope(letter, 27_000));
      }
    }
    MimeMessage[] received = SERVER.getReceivedMessages();
    assertThat(received).hasSize(7);
    for (Letter letter : letters) {
      Envelope expected = TestLetters.envelope(letter, 27_000);
      MimeMessage m = Arrays.stream(received)
          .filter(r -> address(r, RecipientType.TO).equals(letter.mission().email().orElseThrow()))
          .findFirst().orElseThrow(() -> new AssertionError("nothing arrived for " + letter.id()));
      assertThat(m.getSubject()).isEqualTo("Petition on World Save North Korean Refugees Day");
      assertThat(m.getHeader("Message-ID")).containsExactly("<" + expected.messageId() + ">");
      assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("info@lfnkr.example.org");
      assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Life Funds for North Korean Refugees");
      assertThat(Mail.text(m, "text/plain").replace("\r\n", "\n")).isEqualTo(letter.plainText());
      assertThat(Mail.text(m, "text/html"))
          .contains("<p>We write to " + letter.mission().name().replace("'", "&#39;")
              + " &lt;on behalf of&gt; refugees &amp; their families.</p>");
      List<Mail.Attachment> attachments = Mail.attachments(m);
      assertThat(attachments).hasSize(1);
      Mail.Attachment pdf = attachments.get(0);
      assertThat(pdf.fileName()).isEqualTo(letter.id() + ".en.pdf");
      assertThat(pdf.contentType()).startsWith("application/pdf");
      assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(pdf.bytes()).isEqualTo(expected.document().content());
    }
  }

  @Test
  void messageIdIsTheEnvelopesOwnEvenWhenTheSameLetterIsSentTwice() throws Exception {
    Envelope envelope = TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()));
    try (SmtpChannel smtp = SmtpChannel.create(local(), Map.of())) {
      smtp.deliver(envelope);
      smtp.deliver(envelope);
    }
    assertThat(SERVER.getReceivedMessages()).extracting(MimeMessage::getMessageID)
        .containsExactly("<" + envelope.messageId() + ">", "<" + envelope.messageId() + ">");
  }

  @Test
  void receiptCarriesTheServersReply() {
    try (SmtpChannel smtp = SmtpChannel.create(local(), Map.of())) {
      Receipt receipt = smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
      assertThat(receipt.detail()).startsWith("127.0.0.1:" + SERVER.getSmtp().getPort() + " accepted it: 250");
    }
  }

  @Test
  void japaneseSubjectAndSenderNameArriveIntact() throws Exception {
    Sender japanese = new Sender("北朝鮮難民救援基金", "LFNKR",
        PostalAddress.of(List.of("東京都新宿区"), "Tokyo", "160-0000", "JP"), "info@lfnkr.example.org",
        Optional.of(URI.create("https://www.northkoreanrefugees.com")));
    String subject = "世界北朝鮮難民救援の日の請願書 — 9月24日";
    Letter letter = TestLetters.letter(Fixtures.osaka(), japanese, subject, Optional.empty());
    try (SmtpChannel smtp = SmtpChannel.create(local(), Map.of())) {
      smtp.deliver(TestLetters.envelope(letter));
    }
    MimeMessage m = SERVER.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo(subject);
    assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("北朝鮮難民救援基金");
    String rawSubject = m.getHeader("Subject")[0];
    assertThat(rawSubject).startsWith("=?UTF-8?").matches("[\\x20-\\x7e\\r\\n\\t]+");
  }

  @Test
  void repliesGoToTheSupporterWhenTheLetterNamesOne() throws Exception {
    Letter letter = TestLetters.letter(Fixtures.osaka(), Fixtures.sender(), "A supporter's letter",
        Optional.of("supporter@example.net"));
    try (SmtpChannel smtp = SmtpChannel.create(local(), Map.of())) {
      smtp.deliver(TestLetters.envelope(letter));
    }
    assertThat(((InternetAddress) SERVER.getReceivedMessages()[0].getReplyTo()[0]).getAddress())
        .isEqualTo("supporter@example.net");
  }

  @Test
  void repliesGoToTheSenderOtherwise() throws Exception {
    try (SmtpChannel smtp = SmtpChannel.create(local(), Map.of())) {
      smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
    }
    assertThat(((InternetAddress) SERVER.getReceivedMessages()[0].getReplyTo()[0]).getAddress())
        .isEqualTo("info@lfnkr.example.org");
  }

  @Test
  void copiesReachTheNgoAndTheBlindCopyLeavesNoHeader() throws Exception {
    SmtpSettings settings = local().withCopies(Optional.of("archive@lfnkr.example.org"),
        Optional.of("secret-archive@lfnkr.example.org"));
    try (SmtpChannel smtp = SmtpChannel.create(settings, Map.of())) {
      smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
    }
    MimeMessage[] received = SERVER.getReceivedMessages();
    assertThat(received).as("one copy each for the mission, the Cc and the Bcc").hasSize(3);
    for (MimeMessage m : received) {
      assertThat(address(m, RecipientType.TO)).isEqualTo("osaka@consulate.example.org");
      assertThat(address(m, RecipientType.CC)).isEqualTo("archive@lfnkr.example.org");
      assertThat(m.getHeader("Bcc")).isNull();
    }
    var blind = SERVER.getUserManager().getUserByEmail("secret-archive@lfnkr.example.org");
    assertThat(blind).as("the Bcc address received its copy").isNotNull();
    assertThat(SERVER.getManagers().getImapHostManager().getInbox(blind).getMessageCount()).isEqualTo(1);
  }

  @Test
  void bounceAddressIsTheEnvelopeSender() throws Exception {
    try (SmtpChannel smtp = SmtpChannel.create(local().withBounceAddress("bounces@lfnkr.example.org"), Map.of())) {
      smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
    }
    MimeMessage m = SERVER.getReceivedMessages()[0];
    assertThat(m.getHeader("Return-Path")).containsExactly("<bounces@lfnkr.example.org>");
    assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("info@lfnkr.example.org");
  }

  @Test
  void dkimSignatureNamesTheConfiguredDomainAndSelector(@TempDir Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
    Path key = dir.resolve("dkim.pem");
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n");
    SmtpSettings settings = local().withDkim(new SmtpSettings.Dkim(key, "demarche2026", "lfnkr.example.org"));
    Envelope envelope = TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()));
    try (SmtpChannel smtp = SmtpChannel.create(settings, Map.of())) {
      smtp.deliver(envelope);
    }
    MimeMessage m = SERVER.getReceivedMessages()[0];
    String signature = String.join("", m.getHeader("DKIM-Signature")).replaceAll("\\s", "");
    assertThat(signature).contains("d=lfnkr.example.org;").contains("s=demarche2026;").contains("a=rsa-sha256;")
        .containsPattern("b=[A-Za-z0-9+/=]{300,}");
    assertThat(m.getMessageID()).isEqualTo("<" + envelope.messageId() + ">");
    assertThat(Mail.attachments(m)).extracting(Mail.Attachment::bytes).containsExactly(envelope.document().content());
  }

  @Test
  void waitsAsTheChannelAndDomainRatesSay() {
    List<java.time.Duration> sleeps = new java.util.ArrayList<>();
    long[] now = {0};
    Throttle throttle = new Throttle(6, 2, () -> now[0], d -> {
      sleeps.add(d);
      now[0] += d.toNanos();
    });
    List<Letter> letters = TestLetters.seven(); // m1 odd, m2 even, m3 odd
    try (SmtpChannel smtp = SmtpChannel.create(local(), Map.of(), throttle, java.time.Clock.systemUTC())) {
      for (Letter letter : letters.subList(0, 3)) {
        smtp.deliver(TestLetters.envelope(letter));
      }
    }
    assertThat(sleeps).as("10 s between any two letters, 30 s between two to odd.consulate.example.org")
        .containsExactly(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(20));
    assertThat(SERVER.getReceivedMessages()).hasSize(3);
  }

  @Test
  void aLetterToAMissionWithoutEmailIsRefusedAsPermanent() {
    try (SmtpChannel smtp = SmtpChannel.create(local(), Map.of())) {
      Letter letter = Fixtures.letterTo(Fixtures.nagasakiWithoutEmail());
      assertThat(smtp.canDeliver(letter)).isFalse();
      assertThatThrownBy(() -> smtp.deliver(TestLetters.envelope(letter)))
          .isInstanceOfSatisfying(DeliveryException.class,
              e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT))
          .hasMessageContaining("cn-cg-jp-nagasaki publishes no email address");
    }
    assertThat(SERVER.getReceivedMessages()).isEmpty();
  }

  static String address(MimeMessage m, RecipientType type) {
    try {
      return ((InternetAddress) m.getRecipients(type)[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
