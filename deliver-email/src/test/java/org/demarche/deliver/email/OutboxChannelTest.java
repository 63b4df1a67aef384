package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Rendition;
import org.demarche.core.contract.DeliveryChannelContract;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.spi.DeliveryChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox: .eml files a mail client can send, and the PDFs, written whole into one folder. */
class OutboxChannelTest extends DeliveryChannelContract {
  @TempDir
  Path folder;

  @Override
  protected DeliveryChannel channel() {
    return OutboxChannel.create(folder);
  }

  private static Envelope osaka() {
    return TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()), 27_000);
  }

  @Test
  void writesAnEmlThatJakartaMailParsesWithThePdfAttached() throws Exception {
    Envelope envelope = osaka();
    try (OutboxChannel outbox = OutboxChannel.create(folder)) {
      outbox.deliver(envelope);
    }
    MimeMessage m = Mail.parse(folder.resolve("cn-cg-jp-osaka.eml"));
    assertThat(m.getMessageID()).isEqualTo("<" + envelope.messageId() + ">");
    assertThat(m.getSentDate()).isNotNull();
    assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("info@lfnkr.example.org");
    assertThat(((InternetAddress) m.getRecipients(RecipientType.TO)[0]).getAddress())
        .isEqualTo("osaka@consulate.example.org");
    assertThat(m.getSubject()).isEqualTo("Petition on World Save North Korean Refugees Day");
    assertThat(m.getContentType()).startsWith("multipart/mixed");
    assertThat(Mail.text(m, "text/plain").replace("\r\n", "\n")).isEqualTo(envelope.letter().plainText());
    assertThat(Mail.text(m, "text/html")).contains("<p>Dear Mr. President:</p>");
    assertThat(Mail.attachments(m)).singleElement().satisfies(a -> {
      assertThat(a.fileName()).isEqualTo("cn-cg-jp-osaka.en.pdf");
      assertThat(a.bytes()).startsWith("%PDF-".getBytes()).isEqualTo(envelope.document().content());
    });
  }

  @Test
  void theEmlOpensAsADraftAndHidesNoRecipient() throws Exception {
    try (OutboxChannel outbox = OutboxChannel.create(folder)) {
      outbox.deliver(osaka());
    }
    MimeMessage m = Mail.parse(folder.resolve("cn-cg-jp-osaka.eml"));
    assertThat(m.getHeader("X-Unsent")).containsExactly("1");
    assertThat(m.getHeader("Bcc")).isNull();
  }

  @Test
  void writesThePdfBesideTheEmlUnderTheLetterId() throws Exception {
    Envelope envelope = osaka();
    try (OutboxChannel outbox = OutboxChannel.create(folder)) {
      outbox.deliver(envelope);
    }
    assertThat(Files.readAllBytes(folder.resolve("cn-cg-jp-osaka.en.pdf"))).isEqualTo(envelope.document().content());
    assertThat(fileNames()).containsExactlyInAnyOrder("cn-cg-jp-osaka.eml", "cn-cg-jp-osaka.en.pdf");
  }

  @Test
  void writesFurtherDocumentsUnderTheirOwnNamesAndAttachesThem() throws Exception {
    Letter letter = Fixtures.letterTo(Fixtures.osaka());
    Envelope plain = TestLetters.envelope(letter);
    Rendition japanese = new Rendition("cn-cg-jp-osaka.ja.pdf", "application/pdf", "ja",
        TestLetters.pdfBytes("ja", 3_000));
    Envelope envelope = new Envelope(letter, plain.document(), List.of(japanese), plain.messageId());
    try (OutboxChannel outbox = OutboxChannel.create(folder)) {
      outbox.deliver(envelope);
    }
    assertThat(fileNames()).containsExactlyInAnyOrder("cn-cg-jp-osaka.eml", "cn-cg-jp-osaka.en.pdf",
        "cn-cg-jp-osaka.ja.pdf");
    assertThat(Mail.attachments(Mail.parse(folder.resolve("cn-cg-jp-osaka.eml"))))
        .extracting(Mail.Attachment::fileName).containsExactly("cn-cg-jp-osaka.en.pdf", "cn-cg-jp-osaka.ja.pdf");
  }

  @Test
  void aMissionWithoutEmailIsLeftToThePostalDeskAndGetsOnlyItsPdfWhenAskedDirectly() throws Exception {
    Letter letter = Fixtures.letterTo(Fixtures.nagasakiWithoutEmail());
    try (OutboxChannel outbox = OutboxChannel.create(folder)) {
      assertThat(outbox.canDeliver(letter)).isFalse();
      Receipt receipt = outbox.deliver(TestLetters.envelope(letter));
      assertThat(receipt.detail()).contains("print the PDF and post it");
    }
    assertThat(fileNames()).containsExactly("cn-cg-jp-nagasaki.en.pdf");
  }

  @Test
  void writingAgainReplacesTheFilesWhole() throws Exception {
    try (OutboxChannel outbox = OutboxChannel.create(folder)) {
      outbox.deliver(osaka());
      outbox.deliver(osaka());
    }
    assertThat(fileNames()).containsExactlyInAnyOrder("cn-cg-jp-osaka.eml", "cn-cg-jp-osaka.en.pdf");
  }

  @Test
  void createsTheFolderWhenMissing() {
    Path nested = folder.resolve("run-2026-09-24").resolve("outbox");
    try (OutboxChannel outbox = OutboxChannel.create(nested)) {
      outbox.deliver(osaka());
    }
    assertThat(nested.resolve("cn-cg-jp-osaka.eml")).isRegularFile();
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
