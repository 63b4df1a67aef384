package org.demarche.deliver.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads received or written messages apart: parts, attachments, texts. */
final class Mail {
  private Mail() {}

  record Attachment(String fileName, String contentType, byte[] bytes) {}

  static MimeMessage parse(String raw) throws MessagingException {
    return new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
  }

  static MimeMessage parse(Path file) throws MessagingException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  static List<Attachment> attachments(Part message) throws MessagingException, IOException {
    List<Attachment> out = new ArrayList<>();
    collect(message, out, null);
    return out;
  }

  /** The first text part of the given type ({@code text/plain} or {@code text/html}). */
  static String text(Part message, String type) throws MessagingException, IOException {
    List<String> texts = new ArrayList<>();
    collect(message, new ArrayList<>(), t -> {
      if (t.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(t.getDisposition())) {
        texts.add((String) t.getContent());
      }
    });
    if (texts.isEmpty()) {
      throw new AssertionError("no " + type + " part");
    }
    return texts.get(0);
  }

  private interface PartVisitor {
    void visit(Part p) throws MessagingException, IOException;
  }

  private static void collect(Part part, List<Attachment> out, PartVisitor visitor)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) part.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart child = mp.getBodyPart(i);
        collect(child, out, visitor);
      }
      return;
    }
    if (visitor != null) {
      visitor.visit(part);
    }
    if (part.getFileName() != null) {
      try (InputStream in = part.getInputStream()) {
        out.add(new Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
      }
    }
  }
}
