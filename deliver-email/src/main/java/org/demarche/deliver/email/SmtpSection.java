package org.demarche.deliver.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.model.Values;
import org.demarche.core.spi.Secrets;
import org.demarche.deliver.email.SmtpSettings.Auth;
import org.demarche.deliver.email.SmtpSettings.Tls;
import org.demarche.deliver.email.internal.DkimSigning;
import org.demarche.deliver.email.internal.HeaderFields;

/**
 * The {@code delivery.smtp} section of a campaign file, as {@link Settings#bind} reads it: each component
 * is a key, and an absent one takes the default of {@link SmtpSettings#of(String)}. The constructor refuses
 * every bad value at once, each at its key. There is no password key: a password in the file is refused.
 */
record SmtpSection(
    Optional<String> host, Optional<Integer> port, Optional<Tls> tls, Optional<String> username,
    Optional<String> passwordEnv, Optional<Integer> connectTimeoutMs, Optional<Integer> readTimeoutMs,
    Optional<Integer> perMinute, Optional<Integer> perDomainPerMinute, Optional<String> cc, Optional<String> bcc,
    Optional<String> bounceAddress, Optional<Path> dkimKeyFile, Optional<String> dkimSelector,
    Optional<String> dkimDomain, Optional<Integer> deadlineSeconds, Optional<Auth> auth, Optional<Path> passwordFile,
    List<String> tokenCommand, Optional<Path> tokenFile, Optional<Integer> connections) {

  /** How long a {@code tokenCommand} may run. */
  static final Duration TOKEN_COMMAND_TIMEOUT = Duration.ofSeconds(30);
  /** The largest DKIM key file read: an RSA key is about 2 KiB. */
  static final long MAX_DKIM_KEY_BYTES = 64 * 1024;

  private static final String PASSWORD_IN_FILE = "a password is never read from the campaign file: remove it and put"
      + " it in the environment variable named by passwordEnv (default " + SmtpSettings.DEFAULT_PASSWORD_ENV + ")";

  SmtpSection {
    Optional<String> h = host;
    Optional<Tls> t = tls;
    List<String> command = List.copyOf(tokenCommand);
    tokenCommand = command;
    Optional<Auth> a = auth;
    Optional<String> user = username;
    Optional<String> env = passwordEnv;
    Optional<Path> pwFile = passwordFile;
    Optional<Path> tkFile = tokenFile;
    Values.checkAll(
        () -> h.ifPresent(v -> HeaderFields.requireToken(v, "host")),
        () -> port.ifPresent(v -> between("port", v, 1, 65535)),
        () -> username.ifPresent(v -> HeaderFields.requireLine(v, "username")),
        () -> passwordEnv.ifPresent(v -> Secrets.checkCampaignVariable(HeaderFields.requireEnvName(v, "passwordEnv"),
            "passwordEnv")),
        () -> deadlineSeconds.ifPresent(v -> between("deadlineSeconds", v, 1, 86_400)),
        () -> oneSecretSource(env, pwFile, command, tkFile),
        () -> pwFile.ifPresent(f -> privateFile("passwordFile", f)),
        () -> tkFile.ifPresent(f -> privateFile("tokenFile", f)),
        () -> authMatches(a, user, pwFile, command, tkFile),
        () -> connectTimeoutMs.ifPresent(v -> between("connectTimeoutMs", v, 1, Integer.MAX_VALUE)),
        () -> readTimeoutMs.ifPresent(v -> between("readTimeoutMs", v, 1, Integer.MAX_VALUE)),
        () -> perMinute.ifPresent(v -> between("perMinute", v, 0, 100_000)),
        () -> perDomainPerMinute.ifPresent(v -> between("perDomainPerMinute", v, 0, 100_000)),
        () -> connections.ifPresent(v -> between("connections", v, 1, SmtpSettings.MAX_CONNECTIONS)),
        () -> cc.ifPresent(v -> HeaderFields.requireAddress(v, "cc")),
        () -> bcc.ifPresent(v -> HeaderFields.requireAddress(v, "bcc")),
        () -> bounceAddress.ifPresent(v -> HeaderFields.requireAddress(v, "bounceAddress")),
        () -> dkimTogether("dkimKeyFile", dkimKeyFile, dkimSelector, dkimDomain),
        () -> dkimTogether("dkimSelector", dkimSelector, dkimKeyFile, dkimDomain),
        () -> dkimTogether("dkimDomain", dkimDomain, dkimKeyFile, dkimSelector),
        () -> dkimKeyFile.ifPresent(SmtpSection::dkimKey),
        () -> dkimSelector.ifPresent(v -> HeaderFields.requireToken(v, "dkimSelector")),
        () -> dkimDomain.ifPresent(v -> HeaderFields.requireToken(v, "dkimDomain")),
        () -> {
          if (h.isEmpty()) {
            throw new IllegalArgumentException("host is missing: name the SMTP server, e.g. host: smtp.example.org");
          }
        },
        () -> {
          if (t.orElse(Tls.STARTTLS) == Tls.NONE && h.isPresent() && !HeaderFields.isLoopback(h.get())) {
            throw new IllegalArgumentException("tls none would send the password and the letters in clear text to '"
                + h.get() + "'; it is allowed only for a server on this machine (localhost, 127.0.0.1, ::1): use"
                + " starttls or smtps");
          }
        });
  }

  /**
   * Every problem in a {@code delivery.smtp} section, empty when it is valid. A password written in the file
   * is refused in words of its own, which never repeat it.
   */
  static List<Problem> problems(Settings settings) {
    String passwordKey = settings.section() + ".password";
    return settings.check(SmtpSection.class).stream()
        .map(p -> p.field().equalsIgnoreCase(passwordKey) ? new Problem(p.location(), p.field(), PASSWORD_IN_FILE) : p)
        .toList();
  }

  /**
   * Reads a {@code delivery.smtp} section.
   *
   * @throws InvalidInputException with every problem, each at its key
   */
  static SmtpSection read(Settings settings) {
    List<Problem> problems = problems(settings);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return settings.bind(SmtpSection.class);
  }

  /** The password or token source these keys name, when one other than the default variable is named. */
  private Optional<Secrets.Source> secretSource() {
    if (passwordFile.isPresent()) {
      return Optional.of(new Secrets.PrivateFile(passwordFile.get()));
    }
    if (tokenFile.isPresent()) {
      return Optional.of(new Secrets.PrivateFile(tokenFile.get()));
    }
    if (!tokenCommand.isEmpty()) {
      return Optional.of(new Secrets.Command(tokenCommand, TOKEN_COMMAND_TIMEOUT));
    }
    return Optional.empty();
  }

  /** The key that names where the secret comes from, to locate a failure to read it. */
  String secretKey() {
    return passwordFile.isPresent() ? "passwordFile" : tokenFile.isPresent() ? "tokenFile"
        : !tokenCommand.isEmpty() ? "tokenCommand" : passwordEnv.isPresent() ? "passwordEnv" : "username";
  }

  /** The channel's settings: these keys over the defaults of {@link SmtpSettings#of(String)}. */
  SmtpSettings settings() {
    SmtpSettings d = SmtpSettings.of(host.orElseThrow());
    Tls mode = tls.orElse(d.tls());
    Optional<SmtpSettings.Dkim> dkim = dkimKeyFile.map(f -> new SmtpSettings.Dkim(f, dkimSelector.orElseThrow(),
        dkimDomain.orElseThrow()));
    return new SmtpSettings(d.host(), port.orElse(mode.defaultPort()), mode, username,
        passwordEnv.orElse(d.passwordEnv()),
        connectTimeoutMs.map(Duration::ofMillis).orElse(d.connectTimeout()),
        readTimeoutMs.map(Duration::ofMillis).orElse(d.readTimeout()), perMinute.orElse(d.perMinute()),
        perDomainPerMinute.orElse(d.perDomainPerMinute()), cc, bcc, bounceAddress, dkim,
        deadlineSeconds.map(Duration::ofSeconds).orElse(d.deadline()), auth.orElse(defaultAuth()), secretSource(),
        connections.orElse(d.connections()));
  }

  private Auth defaultAuth() {
    return tokenFile.isPresent() || !tokenCommand.isEmpty() ? Auth.XOAUTH2 : Auth.PASSWORD;
  }

  private static void oneSecretSource(Optional<String> env, Optional<Path> pwFile, List<String> command,
      Optional<Path> tkFile) {
    List<String> named = new java.util.ArrayList<>();
    env.ifPresent(v -> named.add("passwordEnv"));
    pwFile.ifPresent(v -> named.add("passwordFile"));
    if (!command.isEmpty()) {
      named.add("tokenCommand");
    }
    tkFile.ifPresent(v -> named.add("tokenFile"));
    if (named.size() > 1) {
      throw new IllegalArgumentException(named.get(1) + " and " + named.get(0) + " are both set: name one place the"
          + " secret is read from");
    }
  }

  private static void authMatches(Optional<Auth> auth, Optional<String> user, Optional<Path> pwFile,
      List<String> command, Optional<Path> tkFile) {
    boolean token = tkFile.isPresent() || !command.isEmpty();
    if (auth.orElse(token ? Auth.XOAUTH2 : Auth.PASSWORD) == Auth.XOAUTH2) {
      if (pwFile.isPresent()) {
        throw new IllegalArgumentException("passwordFile holds a password, but auth is xoauth2: name the token with"
            + " tokenFile or tokenCommand");
      }
      if (user.isEmpty()) {
        throw new IllegalArgumentException("username is missing: auth xoauth2 needs the mailbox the token is for");
      }
    } else if (token) {
      throw new IllegalArgumentException("auth must be xoauth2 with " + (tkFile.isPresent() ? "tokenFile"
          : "tokenCommand") + " (a token is not a password)");
    }
  }

  /** Refuses a secret file that is not private (the value read is dropped: only the channel keeps it). */
  private static void privateFile(String key, Path file) {
    try {
      Secrets.read(new Secrets.PrivateFile(file), java.util.Map.of(), "SMTP secret");
    } catch (Secrets.MissingSecretException e) {
      throw new IllegalArgumentException(key + " is refused: " + e.getMessage(), e);
    }
  }

  private static void between(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + value);
    }
  }

  /** DKIM signing needs its three keys together: refuses {@code key} when absent while another is set. */
  private static void dkimTogether(String key, Optional<?> value, Optional<?> other, Optional<?> third) {
    if (value.isEmpty() && (other.isPresent() || third.isPresent())) {
      throw new IllegalArgumentException(key + " is missing: DKIM signing needs dkimKeyFile, dkimSelector and"
          + " dkimDomain together");
    }
  }

  private static void dkimKey(Path path) {
    try {
      if (Files.isRegularFile(path) && Files.size(path) > MAX_DKIM_KEY_BYTES) {
        throw new IllegalArgumentException("dkimKeyFile " + path + " is larger than 64 KiB: an RSA private key is"
            + " about 2 KiB; name the key file itself");
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("dkimKeyFile cannot read the DKIM key " + path + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("dkimKeyFile cannot read the DKIM key " + path + ": give the path of an RSA"
          + " private key (PKCS#8, PEM or DER), relative to the campaign file");
    }
    try {
      DkimSigning.loadKey(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("dkimKeyFile " + e.getMessage(), e);
    }
  }
}
