package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.Envelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An outbox draft is the same bytes each time it is written, so a removed outbox can be written again identical. */
class OutboxDraftsTest {
  @TempDir
  Path dir;

  private static Envelope osaka() {
    return TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka()), 27_000);
  }

  private byte[] writeAt(String folder, String instant) throws Exception {
    Path out = dir.resolve(folder);
    try (OutboxChannel outbox = OutboxChannel.create(out, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))) {
      outbox.deliver(osaka());
    }
    return Files.readAllBytes(out.resolve("cn-cg-jp-osaka.eml"));
  }

  @Test
  void theSameLetterWrittenAtTwoTimesGivesTheSameEmlBytes() throws Exception {
    byte[] first = writeAt("a", "2026-09-24T01:00:00Z");
    byte[] second = writeAt("b", "2026-11-30T17:45:13Z");

    assertThat(new String(second, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void theDraftIsDatedWithTheLetterAndStillParsesWithItsAttachment() throws Exception {
    writeAt("a", "2026-11-30T17:45:13Z");
    MimeMessage m = Mail.parse(dir.resolve("a").resolve("cn-cg-jp-osaka.eml"));

    assertThat(m.getSentDate().toInstant())
        .isEqualTo(osaka().letter().date().atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(m.getContentType()).contains("=_demarche_");
    assertThat(((MimeMultipart) m.getContent()).getCount()).isGreaterThanOrEqualTo(2);
    assertThat(Mail.attachments(m)).extracting(Mail.Attachment::fileName).containsExactly("cn-cg-jp-osaka.en.pdf");
  }

  @Test
  void theEmlAndThePdfAreReadableByTheOwnerOnly() throws Exception {
    writeAt("a", "2026-09-24T01:00:00Z");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/cn-cg-jp-osaka.eml"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/cn-cg-jp-osaka.en.pdf"))))
        .isEqualTo("rw-------");
  }
}
