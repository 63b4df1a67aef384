package org.demarche.deliver.email;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
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
 */
public record SmtpSettings(
    String host, int port, Tls tls, Optional<String> username, String passwordEnv, Duration connectTimeout,
    Duration readTimeout, int perMinute, int perDomainPerMinute, Optional<String> cc, Optional<String> bcc,
    Optional<String> bounceAddress, Optional<Dkim> dkim) {

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
  }

  /**
   * Settings for {@code host} with the defaults: STARTTLS on port 587 (required), no login, the password
   * in {@value #DEFAULT_PASSWORD_ENV}, 10 s to connect, 60 s per reply, at most 6 messages a minute and 2 a
   * minute to one domain.
   */
  public static SmtpSettings of(String host) {
    return new SmtpSettings(host, Tls.STARTTLS.defaultPort(), Tls.STARTTLS, Optional.empty(), DEFAULT_PASSWORD_ENV,
        Duration.ofSeconds(10), Duration.ofSeconds(60), 6, 2, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
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
        perDomainPerMinute, cc, bcc, bounceAddress, dkim);
  }

  /**
   * The same settings with another TLS mode. A port still at the old mode's default moves to the new
   * mode's (587 to 465 for SMTPS); a port set otherwise is kept.
   */
  public SmtpSettings withTls(Tls newTls) {
    int newPort = port == tls.defaultPort() ? Objects.requireNonNull(newTls, "tls").defaultPort() : port;
    return new SmtpSettings(host, newPort, newTls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, bounceAddress, dkim);
  }

  /** The same settings with a login; the password is read from {@code passwordEnvName}. */
  public SmtpSettings withLogin(String newUsername, String passwordEnvName) {
    return new SmtpSettings(host, port, tls, Optional.of(newUsername), passwordEnvName, connectTimeout, readTimeout,
        perMinute, perDomainPerMinute, cc, bcc, bounceAddress, dkim);
  }

  /** The same settings with other timeouts. */
  public SmtpSettings withTimeouts(Duration connect, Duration read) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connect, read, perMinute, perDomainPerMinute, cc,
        bcc, bounceAddress, dkim);
  }

  /** The same settings with other rate limits (0 = no limit). */
  public SmtpSettings withRates(int newPerMinute, int newPerDomainPerMinute) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, newPerMinute,
        newPerDomainPerMinute, cc, bcc, bounceAddress, dkim);
  }

  /** The same settings without any rate limit (benchmarks, a local relay). */
  public SmtpSettings unthrottled() {
    return withRates(0, 0);
  }

  /** The same settings with copies: {@code cc} visible, {@code bcc} blind (either may be empty). */
  public SmtpSettings withCopies(Optional<String> newCc, Optional<String> newBcc) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, newCc, newBcc, bounceAddress, dkim);
  }

  /** The same settings with another envelope sender (where bounces go). */
  public SmtpSettings withBounceAddress(String address) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, Optional.of(address), dkim);
  }

  /** The same settings with DKIM signing. */
  public SmtpSettings withDkim(Dkim newDkim) {
    return new SmtpSettings(host, port, tls, username, passwordEnv, connectTimeout, readTimeout, perMinute,
        perDomainPerMinute, cc, bcc, bounceAddress, Optional.of(newDkim));
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", tls=" + tls + username.map(u -> ", user=" + u).orElse("")
        + ", password from $" + passwordEnv + ", perMinute=" + perMinute + ", perDomainPerMinute="
        + perDomainPerMinute + "]";
  }

  private static void requirePositive(Duration d, String field) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + " must be a positive number of milliseconds, not " + d);
    }
  }
}
