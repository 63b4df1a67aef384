package org.demarche.deliver.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.mail.Session;
import org.demarche.core.spi.Pace;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Receipt;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.Secrets;
import org.demarche.core.spi.Wait;
import java.util.function.Consumer;
import org.demarche.deliver.email.internal.DkimSigning;
import org.demarche.deliver.email.internal.MessageFactory;
import org.demarche.deliver.email.internal.SmtpConnection;
import org.demarche.deliver.email.internal.Throttle;

/**
 * The {@code smtp} channel: sends each letter as one email through an SMTP server, over one connection
 * reused from letter to letter, at a limited rate.
 *
 * <pre>{@code
 * SmtpSettings settings = SmtpSettings.of("smtp.example.org").withLogin("campaigns@example.org", "DEMARCHE_SMTP_PASSWORD");
 * try (SmtpChannel smtp = SmtpChannel.create(settings, System.getenv())) {
 *   Receipt receipt = smtp.deliver(envelope);
 * }
 * }</pre>
 *
 * <p>Failures come out as {@link DeliveryException}: a 4xx reply, a timeout or a lost connection is
 * {@code TRANSIENT}; a 5xx reply is {@code PERMANENT} and carries the server's reply; a connection lost
 * after the whole message went out is {@code TRANSIENT} with {@code maybeDelivered()} (the letter is in
 * doubt). The channel never retries a letter itself: the engine does, with backoff. Thread-safe.
 */
public final class SmtpChannel implements DeliveryChannel {
  /** The name a campaign file uses: {@code delivery.channel: smtp}. */
  public static final String NAME = "smtp";

  private final SmtpSettings settings;
  /** Every connection of the pool (each opens its socket at its first letter), and those free right now. */
  private final List<SmtpConnection> connections;
  private final BlockingQueue<SmtpConnection> idle;
  private final String server;
  private final MessageFactory messages;
  private final Throttle throttle;
  /**
   * Message-IDs whose rate-limit turn {@link #awaitTurn} has taken, so that deliver does not wait again, with the
   * message built before the wait (when a limit is on).
   */
  private final Map<String, Optional<Message>> turnsTaken = new ConcurrentHashMap<>();
  private final Clock clock;

  private SmtpChannel(SmtpSettings settings, Optional<String> password, Throttle throttle, Clock clock) {
    this.settings = settings;
    this.server = settings.host() + ":" + settings.port();
    Session session = SmtpConnection.session(settings, password);
    int size = settings.usableConnections();
    List<SmtpConnection> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      all.add(new SmtpConnection(settings, session));
    }
    this.connections = List.copyOf(all);
    this.idle = new ArrayBlockingQueue<>(size, false, all);
    this.throttle = throttle;
    this.clock = clock;
    Optional<DkimSigning> dkim = settings.dkim().map(DkimSigning::new);
    this.messages = new MessageFactory(session,
        new MessageFactory.Options(settings.cc(), settings.bcc(), false, dkim), clock);
  }

  /**
   * A channel for {@code settings}, taking the password or access token (when a username is set) from
   * {@link SmtpSettings#secretSource()}: the variable {@link SmtpSettings#passwordEnv()} of {@code environment},
   * a private file, or a command's output. Nothing connects until the first letter.
   *
   * @throws Secrets.MissingSecretException when a username is set and the secret cannot be read (the message
   *     says where it looked, never a value)
   */
  public static SmtpChannel create(SmtpSettings settings, Map<String, String> environment) {
    return create(settings, environment, Pace.inProcess());
  }

  /**
   * As {@link #create(SmtpSettings, Map)}, with the rate limits taking their slots from {@code pace}: pass a
   * journal's {@link org.demarche.core.spi.DeliveryJournal#pace()} so that the limits hold across every runner
   * sharing it (a PostgreSQL journal).
   */
  public static SmtpChannel create(SmtpSettings settings, Map<String, String> environment, Pace pace) {
    return create(settings, environment, Throttle.real(settings.perMinute(), settings.perDomainPerMinute(), pace,
        "smtp " + settings.host() + ":" + settings.port()), Clock.systemUTC());
  }

  static SmtpChannel create(SmtpSettings settings, Map<String, String> environment, Throttle throttle, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(environment, "environment");
    Optional<String> password = settings.username().map(user -> Secrets.read(settings.secretSource(), environment,
        (settings.auth() == SmtpSettings.Auth.XOAUTH2 ? "SMTP access token for " : "SMTP password for ") + user));
    return new SmtpChannel(settings, password, throttle, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** True when the mission publishes an email address. */
  @Override
  public boolean canDeliver(Letter letter) {
    return letter.mission().email().isPresent();
  }

  /** Waits for the rate limits (per channel and per recipient domain) and counts this envelope as sent now. */
  @Override
  public void awaitTurn(Envelope envelope) throws InterruptedException {
    awaitTurn(envelope, wait -> { });
  }

  /** As {@link #awaitTurn(Envelope)}, telling {@code waiting} which limit it waits for and until when. */
  @Override
  public void awaitTurn(Envelope envelope, Consumer<Wait> waiting) throws InterruptedException {
    turnsTaken.put(envelope.messageId(), turn(envelope, waiting, true));
  }

  /** Waits for the envelope's slot; builds its message first when asked and a limit is on. */
  private Optional<Message> turn(Envelope envelope, Consumer<Wait> waiting, boolean build) throws InterruptedException {
    String to = envelope.to().orElseThrow(() -> new IllegalArgumentException(
        "letter " + envelope.letter().id() + " has no email address to send to"));
    Optional<Message> ready = Optional.empty();
    if (!throttle.off()) {
      // Building the message and connecting are not sending: both happen before the slot is taken, so that the
      // letter reaches the server in its slot rather than a build or a connection set-up late, bunched with the next.
      ready = build ? Optional.of(message(envelope)) : Optional.empty();
      for (SmtpConnection c : connections) {
        if (!c.isOpen()) {
          c.warmUp();
          break;
        }
      }
    }
    throttle.await(to.substring(to.lastIndexOf('@') + 1),
        (reason, wait) -> waiting.accept(new Wait(reason, clock.instant().plus(wait))));
    return ready;
  }

  /** A message built for sending, or why it cannot be (thrown when the letter is delivered). */
  private record Message(Optional<MimeMessage> message, Address[] recipients, Optional<DeliveryException> failure) {}

  private Message message(Envelope envelope) {
    Letter letter = envelope.letter();
    try {
      MimeMessage m = messages.build(envelope);
      return new Message(Optional.of(m), m.getAllRecipients(), Optional.empty());
    } catch (IllegalArgumentException e) {
      return new Message(Optional.empty(), new Address[0], Optional.of(new DeliveryException(
          DeliveryException.Kind.PERMANENT, "letter " + letter.id() + " cannot be sent by email: " + e.getMessage(),
          Optional.empty(), false, e)));
    } catch (MessagingException e) {
      return new Message(Optional.empty(), new Address[0], Optional.of(new DeliveryException(
          DeliveryException.Kind.PERMANENT, "letter " + letter.id() + ": " + e.getMessage(), Optional.empty(), false,
          e)));
    }
  }

  /** How many letters may be delivered at once: the connections the pool may open. */
  @Override
  public int parallelism() {
    return connections.size();
  }

  @Override
  public Receipt deliver(Envelope envelope) {
    Letter letter = envelope.letter();
    // Built when its turn was taken (awaitTurn), or now.
    Optional<Message> taken = turnsTaken.remove(envelope.messageId());
    boolean turnTaken = taken != null;
    Message built = turnTaken && taken.isPresent() ? taken.get() : message(envelope);
    if (built.failure().isPresent()) {
      throw built.failure().get();
    }
    MimeMessage message = built.message().orElseThrow();
    Address[] recipients = built.recipients();
    // A free connection first, then the rate-limit slot (unless awaitTurn took it): a letter that waited for its
    // slot goes at once, not after a wait for a connection that would bunch it with the next letter's slot.
    SmtpConnection connection;
    try {
      connection = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.transientFailure("letter " + letter.id() + ": interrupted while waiting for a"
          + " connection to " + server, e);
    }
    try {
      if (!turnTaken) {
        try {
          turn(envelope, wait -> { }, false);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw DeliveryException.transientFailure("letter " + letter.id() + ": interrupted while waiting for the"
              + " rate limit", e);
        }
      }
      String reply = connection.send(message, recipients, letter.id());
      return new Receipt(letter.id(), envelope.messageId(), NAME, clock.instant(), server + " accepted it: " + reply);
    } finally {
      idle.add(connection);
    }
  }

  /** The settings this channel was created with. */
  public SmtpSettings settings() {
    return settings;
  }

  /** Says QUIT and closes every open connection. */
  @Override
  public void close() {
    connections.forEach(SmtpConnection::close);
  }
}
