package org.demarche.core.spi;

import java.util.Map;
import java.util.Objects;

/**
 * The one way a plugin reads a secret (an SMTP password, an API token): from the environment variable a
 * setting names, never from a campaign file or a command-line argument. The value is never put in a
 * message, a log line or a {@code toString}.
 */
public final class Secrets {
  private Secrets() {}

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
          + " (it is never read from a file or an argument)");
    }
    return value;
  }

  /** A secret's environment variable is unset or empty; a plugin may locate it at the setting that names the variable. */
  public static final class MissingSecretException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MissingSecretException(String message) {
      super(message);
    }
  }
}
