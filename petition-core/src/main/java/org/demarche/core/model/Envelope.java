package org.demarche.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a channel delivers: a letter, its rendered document, any further attachments (translations),
 * and the Message-ID that is the same every time this letter of this campaign is sent.
 *
 * @param letter the letter
 * @param document the letter rendered (the PDF)
 * @param attachments further documents, e.g. a translation's PDF
 * @param messageId the RFC 5322 Message-ID without angle brackets, see {@link MessageIds}
 */
public record Envelope(Letter letter, Rendition document, List<Rendition> attachments, String messageId) {
  public Envelope {
    Objects.requireNonNull(letter, "letter");
    Objects.requireNonNull(document, "document");
    attachments = Values.list(attachments, "attachments");
    messageId = Values.line(messageId, "messageId");
  }

  /** The mission's email address, when it publishes one. */
  public Optional<String> to() {
    return letter.mission().email();
  }
}
