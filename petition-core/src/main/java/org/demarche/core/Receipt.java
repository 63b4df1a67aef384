package org.demarche.core;

import java.time.Instant;
import java.util.Objects;
import org.demarche.core.internal.Checks;

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
    letterId = Checks.id(letterId, "letterId");
    messageId = Checks.line(messageId, "messageId");
    channel = Checks.line(channel, "channel");
    Objects.requireNonNull(acceptedAt, "acceptedAt");
    detail = Checks.text(detail, "detail");
  }
}
