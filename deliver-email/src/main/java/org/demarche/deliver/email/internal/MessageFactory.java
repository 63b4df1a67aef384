package org.demarche.deliver.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.demarche.core.model.MessageIds;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import org.simplejavamail.api.email.ContentTransferEncoding;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.converter.EmailConverter;
import org.simplejavamail.email.EmailBuilder;

/**
 * Builds the email for one envelope with Simple Java Mail: From the sender, To the mission, Reply-To,
 * subject, a plain-text and an HTML body, the letter's PDF and further documents attached, and the
 * envelope's Message-ID. Every value that reaches a header is checked first.
 */
public final class MessageFactory {

  /**
   * What differs between the SMTP channel and the outbox.
   *
   * @param cc a visible copy
   * @param bcc a blind copy (the outbox never sets one: a file has no envelope to hide it in)
   * @param draft true for the outbox: adds {@code X-Unsent: 1} so that mail clients open the file as a draft
   * @param dkim signing, when configured
   */
  public record Options(Optional<String> cc, Optional<String> bcc, boolean draft, Optional<DkimSigning> dkim) {
    public static Options outbox() {
      return new Options(Optional.empty(), Optional.empty(), true, Optional.empty());
    }
  }

  private final Session session;
  private final Options options;
  private final Clock clock;

  public MessageFactory(Session session, Options options, Clock clock) {
    this.session = session;
    this.options = options;
    this.clock = clock;
  }

  /**
   * The message for {@code envelope}, saved (headers final) and ready to send or write.
   *
   * @throws IllegalArgumentException naming the field when a value cannot go into a header, or when the
   *     mission has no email address
   */
  public MimeMessage build(Envelope envelope) {
    Letter letter = envelope.letter();
    String to = envelope.to().orElseThrow(() -> new IllegalArgumentException("the mission " + letter.mission().id()
        + " publishes no email address: this letter goes by post"));
    String senderName = HeaderFields.requireLine(letter.sender().name(), "sender.name");
    // Internationalized domains go out in their ASCII (IDNA) form: a header or MAIL FROM must not carry raw UTF-8.
    String senderEmail = HeaderFields.asciiAddress(letter.sender().email(), "sender.email");
    String missionName = HeaderFields.requireLine(letter.mission().name(), "mission " + letter.mission().id() + " name");
    String toAddress = HeaderFields.asciiAddress(to, "mission " + letter.mission().id() + " email");
    String subject = HeaderFields.requireLine(letter.subject(), "subject");
    Optional<String> replyTo = letter.replyTo().map(r -> HeaderFields.asciiAddress(r, "replyTo"));
    String messageId = messageId(envelope.messageId());
    Set<String> fileNames = new HashSet<>();
    for (Rendition r : documents(envelope)) {
      HeaderFields.requireLine(r.fileName(), "attachment file name");
      HeaderFields.requireLine(r.mediaType(), "attachment media type");
      if (!fileNames.add(r.fileName())) {
        throw new IllegalArgumentException("two attachments are named " + r.fileName() + ": give each a distinct name");
      }
    }

    EmailPopulatingBuilder builder = EmailBuilder.startingBlank()
        .from(literal(senderName), senderEmail)
        .to(literal(missionName), address(toAddress))
        .withSubject(literal(subject))
        .withPlainText(letter.plainText())
        .withHTMLText(LetterHtml.of(letter))
        .fixingMessageId(messageId)
        .fixingSentDate(Date.from(clock.instant()));
    if (replyTo.isPresent()) {
      builder.withReplyTo(address(replyTo.get()));
    } else {
      builder.withReplyTo(literal(senderName), address(senderEmail));
    }
    options.cc().ifPresent(cc -> builder.cc(address(HeaderFields.asciiAddress(cc, "cc"))));
    options.bcc().ifPresent(bcc -> builder.bcc(address(HeaderFields.asciiAddress(bcc, "bcc"))));
    if (options.draft()) {
      builder.withHeader("X-Unsent", "1");
    }
    for (Rendition r : documents(envelope)) {
      // Streamed from the rendition (no copy of its bytes); a binary document says base64 up front, so that saving
      // the message does not read the whole document once more to choose an encoding.
      builder.withAttachment(r.fileName(), new RenditionSource(r), null,
          r.mediaType().startsWith("text/") ? null : ContentTransferEncoding.BASE_64);
    }
    Email email = builder.buildEmail();
    try {
      MimeMessage message = EmailConverter.emailToMimeMessage(email, session);
      if (options.dkim().isPresent()) {
        message = options.dkim().get().sign(message, senderEmail, messageId);
      }
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("could not build the message for letter " + letter.id() + ": " + e.getMessage(),
          e);
    }
  }

  /** The Message-ID header's value: in angle brackets, its domain in ASCII (IDNA) form. */
  private static String messageId(String id) {
    HeaderFields.requireLine(id, "messageId");
    if (id.contains("<") || id.contains(">") || id.contains(" ")) {
      throw new IllegalArgumentException("messageId must be given without angle brackets or spaces, not '" + id + "'");
    }
    int at = id.lastIndexOf('@');
    return "<" + id.substring(0, at + 1) + MessageIds.asciiDomain(id.substring(at + 1)) + ">";
  }

  /**
   * A text that itself looks like an RFC 2047 encoded-word ({@code =?UTF-8?Q?a=0D=0ABcc:...?=}) would be sent as
   * plain ASCII and decoded by the recipient's mail client into something else, line breaks included. Such a
   * text is sent encoded, so that it decodes to exactly what the campaign wrote.
   */
  static String literal(String text) {
    if (!text.contains("=?")) {
      return text;
    }
    // MimeUtility.encodeWord leaves an all-ASCII text as it is, so the words are made here: UTF-8, base64, at most
    // 45 bytes (60 characters of base64) a word so that each stays under RFC 2047's 75 characters.
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int end = i;
      int bytes = 0;
      while (end < text.length()) {
        int cp = text.codePointAt(end);
        int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes + size > 45) {
          break;
        }
        bytes += size;
        end += Character.charCount(cp);
      }
      out.append(out.length() == 0 ? "" : " ").append("=?UTF-8?B?").append(java.util.Base64.getEncoder()
          .encodeToString(text.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8))).append("?=");
      i = end;
    }
    return out.toString();
  }

  private static List<Rendition> documents(Envelope envelope) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(envelope.document()),
        envelope.attachments().stream()).toList();
  }

  private static InternetAddress address(String address) {
    try {
      return new InternetAddress(address, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("'" + address + "' is not an email address: " + e.getMessage());
    }
  }

  /** A rendition as a data source: read from its bytes in place (a rendition never changes). */
  private record RenditionSource(Rendition rendition) implements jakarta.activation.DataSource {
    @Override
    public java.io.InputStream getInputStream() {
      return rendition.open();
    }

    @Override
    public java.io.OutputStream getOutputStream() throws java.io.IOException {
      throw new java.io.IOException("a rendition is read-only");
    }

    @Override
    public String getContentType() {
      return rendition.mediaType();
    }

    @Override
    public String getName() {
      return rendition.fileName();
    }
  }
}
