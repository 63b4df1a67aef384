package org.demarche.core.spi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The one way a plugin reads a secret (an SMTP password, an OAuth access token): from an environment
 * variable, a private file, or the standard output of a command, as a {@link Source} that a setting names;
 * never from a campaign file or a command-line argument. The value is never put in a message, a log line
 * or a {@code toString}.
 *
 * <p>A campaign file may name only environment variables whose names start with {@value #ENV_PREFIX}
 * ({@link #checkCampaignVariable}), so that a campaign received from someone else cannot send the operator's
 * other variables (a cloud key, say) to a server of its choosing.
 */
public final class Secrets {
  /** The prefix every environment variable named in a campaign file must have. */
  public static final String ENV_PREFIX = "DEMARCHE_";
  /** The largest secret file or command output read: a password or a token is far smaller. */
  public static final int MAX_BYTES = 64 * 1024;
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private Secrets() {}

  /** Where a secret is read from. */
  public sealed interface Source permits Environment, PrivateFile, Command {}

  /**
   * An environment variable.
   *
   * @param variable its name, e.g. {@code DEMARCHE_SMTP_PASSWORD}
   */
  public record Environment(String variable) implements Source {
    public Environment {
      Objects.requireNonNull(variable, "variable");
      if (!VARIABLE.matcher(variable).matches()) {
        throw new IllegalArgumentException("an environment variable's name is letters, digits and _, not '"
            + printable(variable) + "'");
      }
    }
  }

  /**
   * A file only its owner can read: a regular file (not a link, a FIFO or a device), owned by the user
   * running Demarche, with no permission for group or others (mode 0600 or 0400), at most {@value #MAX_BYTES}
   * bytes. Its text is the secret, without the line break at its end.
   *
   * @param path where it is (a campaign's setting resolves it against the campaign's folder)
   */
  public record PrivateFile(Path path) implements Source {
    public PrivateFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * A command whose standard output is the secret (e.g. a tool that prints a fresh OAuth access token). It
   * runs without a shell (the words are the program and its arguments), with no input, its error output
   * discarded, and is stopped after {@code timeout}.
   *
   * @param command the program and its arguments
   * @param timeout how long it may run
   */
  public record Command(List<String> command, Duration timeout) implements Source {
    public Command {
      command = List.copyOf(command);
      if (command.isEmpty() || command.get(0).isBlank()) {
        throw new IllegalArgumentException("a secret's command needs at least the program to run");
      }
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("a secret command's timeout must be positive, not " + timeout);
      }
    }

    @Override
    public String toString() {
      return "Command[" + command.get(0) + ", " + (command.size() - 1) + " arguments, timeout " + timeout + "]";
    }
  }

  /**
   * The value of the environment variable {@code variable}.
   *
   * @param what what the secret is, for the message, e.g. {@code SMTP password for campaigns@example.org}
   * @throws MissingSecretException when the variable is unset or empty; the message names the variable
   */
  public static String require(Map<String, String> environment, String variable, String what) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(variable, "variable");
    String value = environment.get(variable);
    if (value == null || value.isEmpty()) {
      throw new MissingSecretException("the " + what + " is missing: set the environment variable " + variable
          + " (a secret is never read from the campaign file or a command-line argument)");
    }
    return value;
  }

  /**
   * The secret from {@code source}.
   *
   * @param environment the environment an {@link Environment} source reads
   * @param what what the secret is, for messages, e.g. {@code SMTP password for campaigns@example.org}
   * @throws MissingSecretException when it cannot be read; the message says where it looked and why, never
   *     the secret
   */
  public static String read(Source source, Map<String, String> environment, String what) {
    Objects.requireNonNull(source, "source");
    if (source instanceof Environment e) {
      return require(environment, e.variable(), what);
    }
    if (source instanceof PrivateFile f) {
      return readFile(f.path(), what);
    }
    return runCommand((Command) source, what);
  }

  /**
   * Refuses an environment variable that a campaign file names unless its name starts with
   * {@value #ENV_PREFIX}.
   *
   * @throws IllegalArgumentException saying which variables may be named, and what is read from them
   */
  public static String checkCampaignVariable(String variable, String key) {
    if (!variable.startsWith(ENV_PREFIX) || !VARIABLE.matcher(variable).matches()) {
      throw new IllegalArgumentException(key + " names the environment variable '" + printable(variable)
          + "', but a campaign file may name only variables starting with " + ENV_PREFIX + " (e.g. " + ENV_PREFIX
          + "SMTP_PASSWORD): Demarche reads that one variable and sends its value to the server as the secret");
    }
    return variable;
  }

  private static String readFile(Path path, String what) {
    String where = "the " + what + " file " + path;
    try {
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        throw new MissingSecretException(where + " is not a regular file" + (Files.isSymbolicLink(path)
            ? " (it is a symbolic link; name the file itself)" : Files.exists(path) ? "" : " (it does not exist)"));
      }
      if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
        PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = path.getFileSystem().getUserPrincipalLookupService()
            .lookupPrincipalByName(System.getProperty("user.name"));
        if (!a.owner().equals(me)) {
          throw new MissingSecretException(where + " belongs to " + a.owner().getName() + ", not to "
              + me.getName() + " who runs Demarche: a secret file must be the operator's own");
        }
        Set<PosixFilePermission> open = EnumSet.copyOf(a.permissions());
        open.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE));
        if (!open.isEmpty()) {
          throw new MissingSecretException(where + " may be read or changed by others (" + open.size()
              + " group/other permission(s)): make it private with chmod 600 " + path);
        }
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new MissingSecretException(where + " is larger than " + MAX_BYTES + " bytes: it must hold only the"
            + " secret");
      }
      return oneLine(stripLineEnd(Files.readString(path, StandardCharsets.UTF_8)), where, "is empty");
    } catch (IOException e) {
      throw new MissingSecretException(where + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String runCommand(Command c, String what) {
    String where = "the command for the " + what + " (" + printable(c.command().get(0)) + ")";
    Process p;
    try {
      p = new ProcessBuilder(c.command()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new MissingSecretException(where + " could not be started (" + e.getMessage() + ")");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copyBounded(p.getInputStream(), out), "demarche-secret-command");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(c.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new MissingSecretException(where + " did not finish within " + c.timeout().toSeconds()
            + " s; it was stopped");
      }
      reader.join(c.timeout().toMillis());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new MissingSecretException(where + " was interrupted");
    }
    if (p.exitValue() != 0) {
      throw new MissingSecretException(where + " failed with exit status " + p.exitValue());
    }
    byte[] bytes;
    synchronized (out) {
      bytes = out.toByteArray();
    }
    if (bytes.length > MAX_BYTES) {
      throw new MissingSecretException(where + " printed more than " + MAX_BYTES + " bytes: it must print only the"
          + " secret");
    }
    return oneLine(stripLineEnd(new String(bytes, StandardCharsets.UTF_8)), where, "printed nothing");
  }

  private static void copyBounded(InputStream in, ByteArrayOutputStream out) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        synchronized (out) {
          if (out.size() <= MAX_BYTES) {
            out.write(buffer, 0, n);
          }
        }
      }
    } catch (IOException ignored) {
      // the process ended or was stopped: what was read is judged by the caller
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String stripLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String oneLine(String value, String where, String whenEmpty) {
    if (value.isEmpty()) {
      throw new MissingSecretException(where + " " + whenEmpty);
    }
    if (value.chars().anyMatch(ch -> ch == '\n' || ch == '\r' || ch == 0)) {
      throw new MissingSecretException(where + " holds more than one line: it must hold only the secret");
    }
    return value;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(80).forEach(cp -> b.append(Character.isISOControl(cp) ? "?" : Character.toString(cp)));
    return b.toString();
  }

  /** A secret cannot be read (unset, empty, unsafe file, failed command); the message never holds the secret. */
  public static final class MissingSecretException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MissingSecretException(String message) {
      super(message);
    }
  }
}
