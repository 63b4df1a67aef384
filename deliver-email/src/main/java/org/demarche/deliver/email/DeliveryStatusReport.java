package org.demarche.deliver.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A delivery status notification (RFC 3464: {@code multipart/report; report-type=delivery-status}) as a mail server
 * sends it back about a letter: which message it is about, and what became of it at the first recipient it reports.
 *
 * @param originalMessageId the Message-ID of the letter it reports on, without angle brackets: from the returned
 *     message or its headers ({@code message/rfc822}, {@code text/rfc822-headers}), else an
 *     {@code Original-Message-ID} or {@code X-Original-Message-ID} field
 * @param action the recipient's {@code Action} field, lower case ({@code failed}, {@code delayed}, ...)
 * @param status the recipient's {@code Status} code (e.g. {@code 5.1.1})
 * @param diagnosticCode the recipient's {@code Diagnostic-Code}, if given (e.g. {@code smtp; 550 5.1.1 ...})
 * @param recipient the {@code Final-Recipient}, if given
 * @param date the day of the report (its {@code Date} header, in that header's own offset), if it has one
 */
public record DeliveryStatusReport(Optional<String> originalMessageId, String action, String status,
    Optional<String> diagnosticCode, Optional<String> recipient, Optional<LocalDate> date) {
  public DeliveryStatusReport {
    Objects.requireNonNull(originalMessageId, "originalMessageId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(diagnosticCode, "diagnosticCode");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(date, "date");
  }

  /** Whether it reports that the letter could not be delivered (a bounce), rather than a delay or a success. */
  public boolean failed() {
    return action.equals("failed") || (action.isEmpty() && status.startsWith("5."));
  }

  /**
   * Reads a whole message (an {@code .eml} file's bytes, or a message from an IMAP folder).
   *
   * @return empty when the message is no delivery status notification
   * @throws IllegalArgumentException when it is not a readable email at all
   */
  public static Optional<DeliveryStatusReport> read(byte[] message) {
    try {
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
      ContentType type = new ContentType(Optional.ofNullable(m.getContentType()).orElse("text/plain"));
      if (!type.match("multipart/report") || !"delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
        return Optional.empty();
      }
      return Optional.of(report(m));
    } catch (MessagingException | IOException e) {
      throw new IllegalArgumentException("not a readable email: " + e.getMessage(), e);
    }
  }

  private static DeliveryStatusReport report(MimeMessage m) throws MessagingException, IOException {
    MimeMultipart parts = new MimeMultipart(m.getDataHandler().getDataSource());
    InternetHeaders perMessage = new InternetHeaders();
    InternetHeaders perRecipient = new InternetHeaders();
    Optional<String> returnedId = Optional.empty();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      ContentType type = new ContentType(part.getContentType());
      if (type.match("message/delivery-status") || type.match("message/global-delivery-status")) {
        String[] blocks = text(part.getInputStream()).replace("\r\n", "\n").strip().split("\n[ \t]*\n");
        perMessage = headers(blocks[0]);
        perRecipient = firstRecipient(blocks);
      } else if (type.match("message/rfc822") || type.match("text/rfc822-headers")
          || type.match("message/global") || type.match("message/global-headers")) {
        try (InputStream in = part.getInputStream()) {
          returnedId = field(new InternetHeaders(in), "Message-ID");
        }
      }
    }
    // The returned message names the letter best; else a field some servers add, in the report or on top.
    InternetHeaders fields = perMessage;
    InternetHeaders top = topFields(m);
    Optional<String> id = returnedId.or(() -> field(fields, "Original-Message-ID"))
        .or(() -> field(fields, "X-Original-Message-ID")).or(() -> field(top, "Original-Message-ID"))
        .or(() -> field(top, "X-Original-Message-ID"));
    String status = field(perRecipient, "Status").map(s -> s.split("[ (]")[0]).orElse("");
    return new DeliveryStatusReport(id.map(DeliveryStatusReport::bare), field(perRecipient, "Action").orElse("")
        .toLowerCase(Locale.ROOT), status, field(perRecipient, "Diagnostic-Code"),
        field(perRecipient, "Final-Recipient"), day(m.getHeader("Date", null)));
  }

  /** The first per-recipient block that reports a failure, else the first one. */
  private static InternetHeaders firstRecipient(String[] blocks) throws MessagingException {
    for (int i = 1; i < blocks.length; i++) {
      InternetHeaders h = headers(blocks[i]);
      if (field(h, "Action").map(a -> a.equalsIgnoreCase("failed")).orElse(false)) {
        return h;
      }
    }
    return blocks.length > 1 ? headers(blocks[1]) : new InternetHeaders();
  }

  private static InternetHeaders topFields(MimeMessage m) {
    InternetHeaders h = new InternetHeaders();
    try {
      for (String name : new String[] {"Original-Message-ID", "X-Original-Message-ID"}) {
        String[] v = m.getHeader(name);
        if (v != null) {
          h.addHeader(name, v[0]);
        }
      }
    } catch (MessagingException e) {
      // No such header: nothing to add.
    }
    return h;
  }

  private static InternetHeaders headers(String block) throws MessagingException {
    return new InternetHeaders(new ByteArrayInputStream((block + "\n\n").getBytes(StandardCharsets.UTF_8)));
  }

  private static Optional<String> field(InternetHeaders h, String name) {
    String v = h.getHeader(name, null);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(MimeUtility.unfold(v).strip().replaceAll("\\s+", " "));
  }

  private static String text(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A Message-ID as the journal keeps it: without angle brackets or spaces. */
  public static String bare(String messageId) {
    String s = messageId.strip();
    if (s.startsWith("<") && s.contains(">")) {
      s = s.substring(1, s.indexOf('>'));
    }
    return s.strip();
  }

  private static Optional<LocalDate> day(String date) {
    if (date == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(MimeUtility.unfold(date).strip().replaceAll("\\s*\\(.*\\)$", ""),
          DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
