package org.demarche.deliver.email;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.Secrets;
import org.demarche.deliver.email.internal.HeaderFields;

/**
 * How the {@code smtp} channel reaches its server. Built in code with {@link #of(String)} and the
 * {@code with...} methods, or read from a campaign's {@code delivery.smtp} section with {@link #from(Settings)}.
 *
 * <p>The password is not a setting: it is read from the environment variable named by
 * {@link #passwordEnv()} when the channel is created, and never logged.
 *
 * @param host the server's host name or address
 * @param port the server's port (587 for STARTTLS, 465 for SMTPS, 25 for plain)
 * @param tls how the connection is protected; {@link Tls#NONE} is accepted only for a loopback host
 * @param username the login, when the server wants one
 * @param passwordEnv the name of the environment variable holding the password
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for each reply (and for each write)
 * @param perMinute at most this many messages a minute on this channel; 0 means no limit
 * @param perDomainPerMinute at most this many messages a minute to one recipient domain; 0 means no limit
 * @param cc a copy of each letter to this address (the NGO's own), visible to the recipient
 * @param bcc a blind copy of each letter to this address (the NGO's archive)
 * @param bounceAddress the envelope sender (MAIL FROM) when bounces should go elsewhere than the From address
 * @param dkim DKIM signing, when a key is configured
 * @param deadline the most one exchange may take, from connecting (or the first command on an open
 *     connection) to the server's reply after the message: a server that drips its replies a byte at a time
 *     cannot hold a run longer than this
 * @param auth whether the login gives a password or an OAuth 2.0 access token
 * @param secret where the password or token is read from, when not from {@code passwordEnv} (a private file
 *     or a command); never the secret itself
 * @param connections how many connections to the server the channel may keep open at once (1 to
 *     {@value #MAX_CONNECTIONS}); it uses no more than the rate limit can keep busy ({@link #usableConnections()})
 */
public record SmtpSettings(
    String host, int port, Tls tls, Optional<String> username, String passwordEnv, Duration connectTimeout,
    Duration readTimeout, int perMinute, int perDomainPerMinute, Optional<String> cc, Optional<String> bcc,
    Optional<String> bounceAddress, Optional<Dkim> dkim, Duration deadline, Auth auth,
    Optional<Secrets.Source> secret, int connections) {

  /** The most connections one channel opens to its server. */
  public static final int MAX_CONNECTIONS = 16;

  /** The default overall deadline of one exchange (connecting, logging in and sending one message). */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

  /** The longest reply (all its lines) read from the server; a longer one ends the connection. */
  public static final int MAX_REPLY_BYTES = 64 * 1024;

  /** How the login proves itself. */
  public enum Auth {
    /** A password (AUTH PLAIN or LOGIN, as the server offers). */
    PASSWORD,
    /** An OAuth 2.0 access token (AUTH XOAUTH2: Microsoft 365, Google Workspace). */
    XOAUTH2
  }

  /** The default environment variable for the SMTP password. */
  public static final String DEFAULT_PASSWORD_ENV = "DEMARCHE_SMTP_PASSWORD";

  /** How the connection to the server is protected. */
  public enum Tls {
    /** Plain connection upgraded with STARTTLS; the upgrade is required, a server without it is refused. */
    STARTTLS(587),
    /** TLS from the first byte (implicit TLS, "SMTPS"). */
    SMTPS(465),
    /** No encryption: only for a server on this machine (127.0.0.0/8, ::1, localhost). */
    NONE(25);

    private final int defaultPort;

    Tls(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    /** The port this mode usually runs on. */
    public int defaultPort() {
      return defaultPort;
    }
  }

  /**
   * A DKIM key and where its public half is published ({@code selector._domainkey.domain}).
   *
   * @param keyFile an RSA private key, PKCS#8, PEM ({@code BEGIN PRIVATE KEY}) or DER
   * @param selector the selector ({@code s=})
   * @param domain the signing domain ({@code d=})
   */
  public record Dkim(Path keyFile, String selector, String domain) {
    public Dkim {
      Objects.requireNonNull(keyFile, "keyFile");
      selector = HeaderFields.requireToken(selector, "dkimSelector");
      domain = HeaderFields.requireToken(domain, "dkimDomain");
    }
  }

  public SmtpSettings {
    host = HeaderFields.requireToken(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
    }
    Objects.requireNonNull(tls, "tls");
    if (tls == Tls.NONE && !HeaderFields.isLoopback(host)) {
      throw new IllegalArgumentException("tls: none sends the password and the letters in clear text; it is refused"
          + " for '" + host + "', which is not this machine: use starttls or smtps");
    }
    username = HeaderFields.requireLine(username, "username");
    passwordEnv = HeaderFields.requireEnvName(passwordEnv, "passwordEnv");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    if (perMinute < 0 || perDomainPerMinute < 0) {
      throw new IllegalArgumentException("perMinute and perDomainPerMinute must be 0 (no limit) or more");
    }
    cc = HeaderFields.requireAddress(cc, "cc");
    bcc = HeaderFields.requireAddress(bcc, "bcc");
    bounceAddress = HeaderFields.requireAddress(bounceAddress, "bounceAddress");
    Objects.requireNonNull(dkim, "dkim");
    requirePositive(deadline, "deadline");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(secret, "secret");
    if (connections < 1 || connections > MAX_CONNECTIONS) {
      throw new IllegalArgumentException("connections must be between 1 and " + MAX_CONNECTIONS + ", not "
          + connections);
    }
    if (auth == Auth.XOAUTH2 && username.isEmpty()) {
      throw new IllegalArgumentException("auth xoauth2 needs a username (the mailbox the token is for)");
    }
  }

  /**
   * Settings for {@code host} with the defaults: STARTTLS on port 587 (required), no login, the password
   * in {@value #DEFAULT_PASSWORD_ENV}, 10 s to connect, 60 s per reply, at most 6 messages a minute and 2 a
   * minute to one domain.
   */
  public static SmtpSettings of(String host) {
    return new SmtpSettings(host, Tls.STARTTLS.defaultPort(), Tls.STARTTLS, Optional.empty(), DEFAULT_PASSWORD_ENV,
        Duration.ofSeconds(10), Duration.ofSeconds(60), 6, 2, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), DEFAULT_DEADLINE, Auth.PASSWORD, Optional.empty(), 1);
  }

  /**
   * Reads a campaign's {@code delivery.smtp} section.
   *
   * @throws InvalidInputException listing every problem, each with its file, line and key
   */
  public static SmtpSettings from(Settings settings) {
    return SmtpSection.read(settings).settings();
  }

  /** Every problem in a {@code delivery.smtp} section, empty when it is valid. */
  public static List<Problem> problems(Settings settings) {
    return SmtpSection.problems(settings);
  }

  /** The same settings with another port. */
  public SmtpSettings withPort(int newPort) {
    return new SmtpSettings(host, newPort, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, bounceAddress, dkim, deadline, auth, secret, connections);
  }

  /**
   * The same settings with another TLS mode. A port still at the old mode's default moves to the new
   * mode's (587 to 465 for SMTPS); a port set otherwise is kept.
   */
  public SmtpSettings withTls(Tls newTls) {
    int newPort = port == tls.defaultPort() ? Objects.requireNonNull(newTls, "tls").defaultPort() : port;
    return new SmtpSettings(host, newPort, newTls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, bounceAddress, dkim, deadline, auth, secret, connections);
  }

  /** The same settings with a login; the password is read from {@code passwordEnvName}. */
  public SmtpSettings withLogin(String newUsername, String passwordEnvName) {
    return new SmtpSettings(host, port, tls, Optional.of(newUsername), passwordEnvName, connectTimeout, readTimeout,
        perMinute, perDomainPerMinute, cc, bcc, bounceAddress, dkim, deadline, Auth.PASSWORD, Optional.empty(),
        connections);
  }

  /** The same settings with another overall deadline for one exchange. */
  public SmtpSettings withDeadline(Duration newDeadline) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, bounceAddress, dkim, newDeadline, auth, secret, connections);
  }

  /**
   * The same settings logging in as {@code newUsername} with the password or token ({@code newAuth}) read from
   * {@code source} (a private file or a command) instead of an environment variable.
   */
  public SmtpSettings withLogin(String newUsername, Auth newAuth, Secrets.Source source) {
    Secrets.Source s = Objects.requireNonNull(source, "source");
    String env = s instanceof Secrets.Environment e ? e.variable() : passwordEnv;
    return new SmtpSettings(host, port, tls, Optional.of(newUsername), env, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, bounceAddress, dkim, deadline, newAuth,
        s instanceof Secrets.Environment ? Optional.empty() : Optional.of(s), connections);
  }

  /** Where the password or token is read from: {@link #secret()}, or else the variable {@link #passwordEnv()}. */
  public Secrets.Source secretSource() {
    return secret.orElseGet(() -> new Secrets.Environment(passwordEnv));
  }

  /** The same settings with other timeouts. */
  public SmtpSettings withTimeouts(Duration connect, Duration read) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connect, read, perMinute, perDomainPerMinute, cc,
        bcc, bounceAddress, dkim, deadline, auth, secret, connections);
  }

  /** The same settings with other rate limits (0 = no limit). */
  public SmtpSettings withRates(int newPerMinute, int newPerDomainPerMinute) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, newPerMinute,
        newPerDomainPerMinute, cc, bcc, bounceAddress, dkim, deadline, auth, secret, connections);
  }

  /** The same settings with a pool of up to {@code newConnections} connections to the server. */
  public SmtpSettings withConnections(int newConnections) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, bounceAddress, dkim, deadline, auth, secret, newConnections);
  }

  /**
   * The connections the channel actually opens: {@link #connections()}, but no more than {@code perMinute} can keep
   * busy. One connection carries at least {@value #MESSAGES_PER_MINUTE_ON_ONE} messages a minute (10 a second,
   * 100 ms each, even to a slow server), so {@code perMinute: 6} uses one connection whatever the pool allows.
   */
  public int usableConnections() {
    if (perMinute == 0) {
      return connections;
    }
    return Math.max(1, Math.min(connections, (perMinute + MESSAGES_PER_MINUTE_ON_ONE - 1) / MESSAGES_PER_MINUTE_ON_ONE));
  }

  /** What one connection carries at the least, for {@link #usableConnections()}. */
  public static final int MESSAGES_PER_MINUTE_ON_ONE = 600;

  /** The same settings without any rate limit (benchmarks, a local relay). */
  public SmtpSettings unthrottled() {
    return withRates(0, 0);
  }

  /** The same settings with copies: {@code cc} visible, {@code bcc} blind (either may be empty). */
  public SmtpSettings withCopies(Optional<String> newCc, Optional<String> newBcc) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, newCc, newBcc, bounceAddress, dkim, deadline, auth, secret, connections);
  }

  /** The same settings with another envelope sender (where bounces go). */
  public SmtpSettings withBounceAddress(String address) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, Optional.of(address), dkim, deadline, auth, secret, connections);
  }

  /** The same settings with DKIM signing. */
  public SmtpSettings withDkim(Dkim newDkim) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, bounceAddress, Optional.of(newDkim), deadline, auth, secret, connections);
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", tls=" + tls + username.map(u -> ", user=" + u).orElse("")
        + (auth == Auth.XOAUTH2 ? ", xoauth2" : "") + ", " + (auth == Auth.XOAUTH2 ? "token" : "password") + " from "
        + secret.map(SmtpSettings::describe).orElse("$" + passwordEnv) + ", deadline=" + deadline.toSeconds() + "s"
        + ", perMinute=" + perMinute + ", perDomainPerMinute="
        + perDomainPerMinute + ", connections=" + connections + "]";
  }

  private static String describe(Secrets.Source source) {
    if (source instanceof Secrets.PrivateFile f) {
      return "file " + f.path();
    }
    return source instanceof Secrets.Command c ? "command " + c.command().get(0) : source.toString();
  }

  private static void requirePositive(Duration d, String field) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + " must be a positive number of milliseconds, not " + d);
    }
  }
}
