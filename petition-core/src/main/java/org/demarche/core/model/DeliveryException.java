package org.demarche.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A channel could not deliver a letter. {@link Kind#TRANSIENT} failures (a 4xx reply, a timeout, a
 * dropped connection) are retried by the engine; {@link Kind#PERMANENT} ones (a 5xx reply, a refused
 * mailbox) are recorded and not retried unless the operator asks; {@link Kind#SENDER} ones (the sending
 * side's settings: no STARTTLS, TLS or login refused, connection refused) are recorded as retryable and
 * tried again by the next run, once the operator has fixed them.
 */
public final class DeliveryException extends DemarcheException {
  /** Whether trying again later may succeed. */
  public enum Kind {
    /** May succeed in a moment: retried within the run, with backoff. */
    TRANSIENT,
    /** The recipient's side refused this letter for good: not retried unless the operator asks. */
    PERMANENT,
    /** The sending side's setup failed: not retried within the run (nothing changes), retried by the next run. */
    SENDER
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

  public static DeliveryException permanentFailure(String message, String serverReply) {
    return new DeliveryException(Kind.PERMANENT, message, Optional.ofNullable(serverReply), false, null);
  }

  /** A failure on the sending side (settings, TLS, login, connection), for the next run to retry. */
  public static DeliveryException senderFailure(String message, Throwable cause) {
    return new DeliveryException(Kind.SENDER, message, Optional.empty(), false, cause);
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
