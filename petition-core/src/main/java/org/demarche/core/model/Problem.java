package org.demarche.core.model;

import java.util.Objects;

/**
 * One thing wrong with an input: where, which field, and what would be valid.
 *
 * @param location file, line and column
 * @param field the field's path, e.g. {@code sender.email} or {@code recipients.select.hostCountry}
 * @param message what is wrong and what would be right
 */
public record Problem(Location location, String field, String message) {
  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return location + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
