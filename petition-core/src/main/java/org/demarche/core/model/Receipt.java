package org.demarche.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that a channel accepted a letter.
 *
 * @param letterId the letter's id
 * @param messageId the Message-ID it carried
 * @param channel the channel's name
 * @param acceptedAt when the channel (the SMTP server, the outbox folder) accepted it
 * @param detail what accepted it: the server's reply, or the file written
 */
public record Receipt(String letterId, String messageId, String channel, Instant acceptedAt, String detail) {
  public Receipt {
    letterId = Values.id(letterId, "letterId");
    messageId = Values.line(messageId, "messageId");
    channel = Values.line(channel, "channel");
    Objects.requireNonNull(acceptedAt, "acceptedAt");
    detail = Values.text(detail, "detail");
  }
}
