package org.demarche.deliver.email.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.deliver.email.SmtpSettings;
import org.demarche.deliver.email.SmtpSettings.Tls;

/** Reads {@code delivery.smtp}, collecting every problem with its location. */
public final class SmtpSettingsReader {
  static final Set<String> KEYS = new TreeSet<>(List.of("host", "port", "tls", "username", "passwordEnv",
      "connectTimeoutMs", "readTimeoutMs", "perMinute", "perDomainPerMinute", "cc", "bcc", "bounceAddress",
      "dkimKeyFile", "dkimSelector", "dkimDomain"));

  private final Settings settings;
  private final List<Problem> problems = new ArrayList<>();

  private SmtpSettingsReader(Settings settings) {
    this.settings = settings;
  }

  public static List<Problem> problems(Settings settings) {
    SmtpSettingsReader reader = new SmtpSettingsReader(settings);
    reader.parse();
    return List.copyOf(reader.problems);
  }

  public static SmtpSettings read(Settings settings) {
    SmtpSettingsReader reader = new SmtpSettingsReader(settings);
    Optional<SmtpSettings> result = reader.parse();
    if (!reader.problems.isEmpty() || result.isEmpty()) {
      throw new InvalidInputException(reader.problems);
    }
    return result.get();
  }

  private Optional<SmtpSettings> parse() {
    for (String key : settings.values().keySet()) {
      if (key.equalsIgnoreCase("password")) {
        problems.add(settings.problem(key, "a password is never read from the campaign file: remove it and put it"
            + " in the environment variable named by passwordEnv (default " + SmtpSettings.DEFAULT_PASSWORD_ENV + ")"));
      } else if (!KEYS.contains(key)) {
        problems.add(settings.problem(key, "is not an smtp option; the options are " + String.join(", ", KEYS)));
      }
    }
    Optional<String> host = text("host");
    if (host.isEmpty()) {
      problems.add(settings.problem("host", "is missing: name the SMTP server, e.g. host: smtp.example.org"));
    } else {
      check("host", () -> HeaderFields.requireToken(host.get(), "host"));
    }
    Tls tls = Tls.STARTTLS;
    Optional<String> tlsText = text("tls");
    if (tlsText.isPresent()) {
      try {
        tls = Tls.valueOf(tlsText.get().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(settings.problem("tls", "must be starttls, smtps or none, not '" + tlsText.get() + "'"));
      }
    }
    if (tls == Tls.NONE && host.isPresent() && !HeaderFields.isLoopback(host.get())) {
      problems.add(settings.problem("tls", "none would send the password and the letters in clear text to '"
          + host.get().strip() + "'; it is allowed only for a server on this machine (localhost, 127.0.0.1, ::1):"
          + " use starttls or smtps"));
    }
    int port = integer("port", tls.defaultPort(), 1, 65535);
    Optional<String> username = text("username");
    username.ifPresent(u -> check("username", () -> HeaderFields.requireLine(u, "username")));
    String passwordEnv = text("passwordEnv").map(String::strip).orElse(SmtpSettings.DEFAULT_PASSWORD_ENV);
    check("passwordEnv", () -> HeaderFields.requireEnvName(passwordEnv, "passwordEnv"));
    int connectMs = integer("connectTimeoutMs", 10_000, 1, Integer.MAX_VALUE);
    int readMs = integer("readTimeoutMs", 60_000, 1, Integer.MAX_VALUE);
    int perMinute = integer("perMinute", 6, 0, 100_000);
    int perDomain = integer("perDomainPerMinute", 2, 0, 100_000);
    Optional<String> cc = address("cc");
    Optional<String> bcc = address("bcc");
    Optional<String> bounce = address("bounceAddress");
    Optional<SmtpSettings.Dkim> dkim = dkim();
    if (!problems.isEmpty() || host.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SmtpSettings(host.get(), port, tls, username.map(String::strip), passwordEnv,
          Duration.ofMillis(connectMs), Duration.ofMillis(readMs), perMinute, perDomain, cc, bcc, bounce, dkim));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(settings.sectionLocation(), settings.section(), e.getMessage()));
      return Optional.empty();
    }
  }

  private Optional<SmtpSettings.Dkim> dkim() {
    Optional<String> keyFile = text("dkimKeyFile");
    Optional<String> selector = text("dkimSelector");
    Optional<String> domain = text("dkimDomain");
    if (keyFile.isEmpty() && selector.isEmpty() && domain.isEmpty()) {
      return Optional.empty();
    }
    boolean complete = true;
    for (var e : List.of(java.util.Map.entry("dkimKeyFile", keyFile), java.util.Map.entry("dkimSelector", selector),
        java.util.Map.entry("dkimDomain", domain))) {
      if (e.getValue().isEmpty()) {
        problems.add(settings.problem(e.getKey(), "is missing: DKIM signing needs dkimKeyFile, dkimSelector and"
            + " dkimDomain together"));
        complete = false;
      }
    }
    if (!complete) {
      return Optional.empty();
    }
    Path path = settings.baseDir().resolve(keyFile.get().strip()).normalize();
    if (!Files.isReadable(path)) {
      problems.add(settings.problem("dkimKeyFile", "cannot read the DKIM key " + path
          + ": give the path of an RSA private key (PKCS#8, PEM or DER), relative to the campaign file"));
      return Optional.empty();
    }
    try {
      DkimSigning.loadKey(path);
    } catch (IllegalArgumentException e) {
      problems.add(settings.problem("dkimKeyFile", e.getMessage()));
      return Optional.empty();
    }
    try {
      return Optional.of(new SmtpSettings.Dkim(path, selector.get(), domain.get()));
    } catch (IllegalArgumentException e) {
      problems.add(settings.problem(e.getMessage().startsWith("dkimSelector") ? "dkimSelector" : "dkimDomain",
          e.getMessage()));
      return Optional.empty();
    }
  }

  private Optional<String> address(String key) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return v;
    }
    try {
      return Optional.of(HeaderFields.requireAddress(v.get(), key));
    } catch (IllegalArgumentException e) {
      problems.add(settings.problem(key, e.getMessage()));
      return Optional.empty();
    }
  }

  private int integer(String key, int fallback, int min, int max) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get().strip());
      if (n < min || n > max) {
        problems.add(settings.problem(key, "must be between " + min + " and " + max + ", not " + n));
        return fallback;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(settings.problem(key, "must be a whole number, not '" + v.get() + "'"));
      return fallback;
    }
  }

  private Optional<String> text(String key) {
    return settings.text(key);
  }

  private void check(String key, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      problems.add(settings.problem(key, e.getMessage()));
    }
  }
}
