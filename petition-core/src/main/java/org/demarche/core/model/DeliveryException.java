package org.demarche.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A channel could not deliver a letter. {@link Kind#TRANSIENT} failures (a 4xx reply, a timeout, a
 * dropped connection) are retried by the engine; {@link Kind#PERMANENT} ones (the recipient's side refused
 * the letter: a 5xx reply to RCPT or after DATA) are recorded and not retried; {@link Kind#SENDER_SIDE} ones
 * (the sender's own settings: no STARTTLS, TLS or login refused) are recorded as retryable and tried again
 * by the next run, once the operator fixed them.
 */
public final class DeliveryException extends DemarcheException {
  /** Whether trying again later may succeed. */
  public enum Kind {
    /** Trying again soon may succeed: the engine retries within the run, then the next run does. */
    TRANSIENT,
    /** The recipient's side refused the letter for good: recorded, not retried. */
    PERMANENT,
    /**
     * The sender's side (settings, credentials, TLS) failed before anything was handed over: retrying
     * within this run would fail the same way, so the engine does not; the next run does, after the fix.
     */
    SENDER_SIDE
  }

  private final Kind kind;
  private final String serverReply;
  private final boolean maybeDelivered;

  public DeliveryException(Kind kind, String message, Optional<String> serverReply, boolean maybeDelivered,
      Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.serverReply = Objects.requireNonNull(serverReply, "serverReply").orElse(null);
    this.maybeDelivered = maybeDelivered;
  }

  public static DeliveryException transientFailure(String message, Throwable cause) {
    return new DeliveryException(Kind.TRANSIENT, message, Optional.empty(), false, cause);
  }

  /** A failure of the sender's own settings; {@code message} says what to fix. */
  public static DeliveryException senderSideFailure(String message, Throwable cause) {
    return new DeliveryException(Kind.SENDER_SIDE, message, Optional.empty(), false, cause);
  }

  public static DeliveryException permanentFailure(String message, String serverReply) {
    return new DeliveryException(Kind.PERMANENT, message, Optional.ofNullable(serverReply), false, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The server's reply, e.g. "550 5.1.1 mailbox unavailable", when there was one. */
  public Optional<String> serverReply() {
    return Optional.ofNullable(serverReply);
  }

  /**
   * True when the message may have reached the server although the channel saw a failure
   * (the connection dropped after the message's last byte). The engine reports such a letter as in doubt.
   */
  public boolean maybeDelivered() {
    return maybeDelivered;
  }
}
