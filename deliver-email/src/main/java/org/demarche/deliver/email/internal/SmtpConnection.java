package org.demarche.deliver.email.internal;

import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.demarche.core.model.DeliveryException;
import org.demarche.deliver.email.SmtpSettings;
import org.demarche.deliver.email.SmtpSettings.Tls;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection, opened on first use and reused for every following message; reopened when the
 * server dropped it. The session follows Simple Java Mail's transport strategy for the TLS mode, tightened:
 * certificates are checked against the JVM's trust store (Simple Java Mail 8 trusts every host unless told
 * otherwise), host names are verified, STARTTLS is required, and sockets use TCP_NODELAY. Each message's
 * exchange keeps to the settings' deadline and every reply to {@link SmtpSettings#MAX_REPLY_BYTES}.
 */
public final class SmtpConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnection.class);
  private final Session session;
  private final Provider provider;
  private final String server;
  private final NoDelaySocketFactory.Limits limits;
  private volatile TrackingSmtpTransport transport;
  private boolean reused;

  public SmtpConnection(SmtpSettings settings, Optional<String> password) {
    this(settings, session(settings, password));
  }

  /** A connection in {@code session} (one session serves every connection of a pool: it is thread-safe). */
  public SmtpConnection(SmtpSettings settings, Session session) {
    this.server = settings.host() + ":" + settings.port();
    this.limits = new NoDelaySocketFactory.Limits(settings.readTimeout(), settings.deadline(),
        SmtpSettings.MAX_REPLY_BYTES);
    this.session = session;
    String protocol = settings.tls() == Tls.SMTPS ? "smtps" : "smtp";
    this.provider = new Provider(Provider.Type.TRANSPORT, protocol, TrackingSmtpTransport.class.getName(),
        "Demarche", "1");
  }

  /** The Jakarta Mail session for {@code settings}: TLS, timeouts, socket factory and login. */
  public static Session session(SmtpSettings settings, Optional<String> password) {
    TransportStrategy strategy = switch (settings.tls()) {
      case STARTTLS -> TransportStrategy.SMTP_TLS;
      case SMTPS -> TransportStrategy.SMTPS;
      case NONE -> TransportStrategy.SMTP;
    };
    // Simple Java Mail's transport strategy supplies the protocol's properties and their names; the values
    // are Demarche's. (Its Mailer would trust every certificate by default, and it logs a warning when its
    // session is taken out, so the session is built here rather than through MailerBuilder.)
    Properties p = strategy.generateProperties();
    p.setProperty(strategy.propertyNameHost(), settings.host());
    p.setProperty(strategy.propertyNamePort(), String.valueOf(settings.port()));
    p.remove(strategy.propertyNameSSLTrust());
    p.setProperty(strategy.propertyNameCheckServerIdentity(), "true");
    p.setProperty(strategy.propertyNameConnectionTimeout(), String.valueOf(settings.connectTimeout().toMillis()));
    p.setProperty(strategy.propertyNameTimeout(), String.valueOf(settings.readTimeout().toMillis()));
    // No mail.smtp.writetimeout: NoDelaySocketFactory times writes out without a timer task per write.
    String prefix = settings.tls() == Tls.SMTPS ? "mail.smtps" : "mail.smtp";
    p.setProperty(prefix + ".socketFactory.class", NoDelaySocketFactory.class.getName());
    p.setProperty(prefix + ".socketFactory.fallback", "false");
    p.setProperty(prefix + ".quitwait", "false");
    // EHLO would otherwise name this machine (InetAddress.getLocalHost()), and the NGO's server writes that name
    // into the Received header every mission gets. An address literal for loopback says nothing about the
    // operator (mail clients such as Thunderbird do the same).
    p.setProperty(prefix + ".localhost", "[127.0.0.1]");
    settings.bounceAddress().ifPresent(b -> p.setProperty(strategy.propertyNameEnvelopeFrom(), b));
    switch (settings.tls()) {
      case STARTTLS -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
      }
      case NONE -> {
        p.setProperty("mail.smtp.starttls.enable", "false");
        p.setProperty("mail.smtp.starttls.required", "false");
      }
      case SMTPS -> p.setProperty("mail.smtps.ssl.enable", "true");
    }
    Authenticator authenticator = null;
    if (settings.username().isPresent() && password.isPresent()) {
      p.setProperty(strategy.propertyNameUsername(), settings.username().get());
      p.setProperty(strategy.propertyNameAuthenticate(), "true");
      authenticator = new Login(settings.username().get(), password.get());
      if (settings.auth() == SmtpSettings.Auth.XOAUTH2) {
        // Only XOAUTH2: a token must never go out as a password to a server that does not offer it.
        p.setProperty(prefix + ".auth.mechanisms", "XOAUTH2");
        p.setProperty(prefix + ".auth.xoauth2.disable", "false");
      }
    }
    return Session.getInstance(p, authenticator);
  }

  /** Hands the password to Jakarta Mail when it logs in; its toString shows no secret. */
  private static final class Login extends Authenticator {
    private final String username;
    private final String password;

    Login(String username, String password) {
      this.username = username;
      this.password = password;
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
      return new PasswordAuthentication(username, password);
    }

    @Override
    public String toString() {
      return "Login[" + username + ", password withheld]";
    }
  }

  /** The session messages for this connection are built in. */
  public Session session() {
    return session;
  }

  /** host:port, for messages. */
  public String server() {
    return server;
  }

  /**
   * Sends one message over the open connection (opening it first if needed) and returns the server's reply.
   * A connection the server dropped while idle is reopened once, when nothing of this message had reached
   * it yet.
   *
   * @throws DeliveryException classed transient, permanent or in doubt
   */
  public synchronized String send(MimeMessage message, Address[] recipients, String letterId) {
    // One deadline for the whole exchange, reconnecting included: a slow server cannot hold the run longer.
    limits.begin();
    try {
      return sendWithin(message, recipients, letterId);
    } finally {
      limits.end();
    }
  }

  /**
   * Opens the connection now if it is not open, so that the first letter's slot of a rate limit is not spent
   * connecting. A failure is left for {@link #send} to meet again and classify.
   */
  public synchronized void warmUp() {
    if (transport != null) {
      return;
    }
    limits.begin();
    try {
      reused = false;
      transport = open();
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("could not open a connection to {} ahead of a letter: {}", server, e.toString());
      closeQuietly();
    } finally {
      limits.end();
    }
  }

  /** True while a connection is open. */
  public boolean isOpen() {
    return transport != null;
  }

  private String sendWithin(MimeMessage message, Address[] recipients, String letterId) {
    try {
      return attempt(message, recipients);
    } catch (MessagingException e) {
      boolean stale = reused && transport != null && Failures.isConnectionLoss(e) && !transport.finalDotSent()
          && (transport.lastVerb().equals("MAIL") || transport.lastVerb().equals("RSET")
              || transport.lastVerb().isEmpty());
      DeliveryException first = Failures.classify(letterId, server, e, transport != null && transport.finalDotSent());
      if (first.serverReply().isPresent() && !Failures.isConnectionLoss(e)) {
        // The server answered (and Jakarta Mail reset the transaction): the connection is still good.
        throw first;
      }
      closeQuietly();
      if (!stale) {
        throw first;
      }
      LOG.info("{} closed the connection while it was idle; reconnecting for letter {}", server, letterId);
      try {
        return attempt(message, recipients);
      } catch (MessagingException again) {
        DeliveryException second = Failures.classify(letterId, server, again,
            transport != null && transport.finalDotSent());
        closeQuietly();
        throw second;
      }
    }
  }

  private String attempt(MimeMessage message, Address[] recipients) throws MessagingException {
    if (transport == null) {
      reused = false;
      transport = open();
    }
    transport.beginMessage();
    transport.sendMessage(message, recipients);
    reused = true;
    return Failures.oneLine(transport.getLastServerResponse());
  }

  private TrackingSmtpTransport open() throws MessagingException {
    TrackingSmtpTransport t;
    try {
      t = (TrackingSmtpTransport) session.getTransport(provider);
    } catch (NoSuchProviderException e) {
      throw new IllegalStateException("the SMTP transport could not be loaded", e);
    }
    t.beginMessage();
    NoDelaySocketFactory.withLimits(limits, () -> {
      t.connect();
      return null;
    });
    LOG.debug("connected to {} ({})", server, provider.getProtocol());
    return t;
  }

  private void closeQuietly() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException | RuntimeException ignored) {
        // The connection is being discarded; a failure to say QUIT changes nothing.
      }
      transport = null;
    }
    reused = false;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
