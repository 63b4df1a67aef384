package org.demarche.deliver.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.CRC32C;
import org.demarche.core.model.Letter;

/**
 * The bytes of an outbox draft, the same every time for the same letter: Jakarta Mail draws MIME
 * boundaries from a counter and the clock, and the message would be dated when written; here the draft is
 * dated with the letter's date (noon UTC; a mail client dates it again when it sends it), each boundary
 * is replaced by one derived from the Message-ID, and so is the random part of each attachment's Content-ID. A replacement starts with {@code =_}, which neither
 * base64 nor quoted-printable text can contain, so it cannot meet the content.
 */
final class Drafts {
  private Drafts() {}

  static byte[] bytes(MimeMessage message, Letter letter, String messageId) throws IOException {
    try {
      message.setSentDate(Date.from(letter.date().atTime(12, 0).toInstant(ZoneOffset.UTC)));
      CRC32C crc = new CRC32C();
      crc.update(messageId.getBytes(StandardCharsets.UTF_8));
      String hash = Long.toHexString(crc.getValue());
      List<String> boundaries = new ArrayList<>();
      collect(message, boundaries, hash);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      // ISO-8859-1 maps every byte to one char and back, so the replacement leaves other bytes as they were.
      String text = out.toString(StandardCharsets.ISO_8859_1);
      String stem = "=_demarche_" + hash + "_";
      for (int i = 0; i < boundaries.size(); i++) {
        text = text.replace(boundaries.get(i), stem + i);
      }
      return text.getBytes(StandardCharsets.ISO_8859_1);
    } catch (MessagingException e) {
      throw new IOException("cannot write the draft of letter " + letter.id() + ": " + e.getMessage(), e);
    }
  }

  private static void collect(Part part, List<String> boundaries, String hash) throws MessagingException, IOException {
    collect(part, boundaries, hash, new int[1]);
  }

  private static void collect(Part part, List<String> boundaries, String hash, int[] parts)
      throws MessagingException, IOException {
    parts[0]++;
    String[] contentId = part.getHeader("Content-ID");
    if (contentId != null && contentId.length == 1) {
      String id = contentId[0];
      int at = id.lastIndexOf('@');
      String local = at > 0 ? id.substring(0, at) : "<part";
      part.setHeader("Content-ID", local + "@" + hash + "-" + parts[0] + ".demarche>");
    }
    if (!part.isMimeType("multipart/*")) {
      return;
    }
    Multipart multipart = (Multipart) part.getContent();
    String boundary = new ContentType(multipart.getContentType()).getParameter("boundary");
    if (boundary != null && !boundary.isEmpty()) {
      boundaries.add(boundary);
    }
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart child = multipart.getBodyPart(i);
      collect(child, boundaries, hash, parts);
    }
  }
}
