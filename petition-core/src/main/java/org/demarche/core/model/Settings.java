package org.demarche.core.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A plugin's options from a campaign file (e.g. the {@code delivery.smtp} section), with where each
 * came from, so that a plugin can report a bad value with its file and line.
 *
 * @param section the section's path in the campaign, e.g. {@code delivery.smtp}
 * @param values the options as text, by key
 * @param locations where each key was written
 * @param sectionLocation where the section starts (or the campaign file when it is absent)
 * @param baseDir the folder relative paths resolve against (the campaign file's folder)
 */
public record Settings(
    String section, Map<String, String> values, Map<String, Location> locations, Location sectionLocation,
    Path baseDir) {

  public Settings {
    Objects.requireNonNull(section, "section");
    values = Map.copyOf(values);
    locations = Map.copyOf(locations);
    Objects.requireNonNull(sectionLocation, "sectionLocation");
    Objects.requireNonNull(baseDir, "baseDir");
  }

  /** Settings with no values, e.g. for a plugin built in code. */
  public static Settings empty(String section) {
    return new Settings(section, Map.of(), Map.of(), Location.of("(code)"), Path.of("."));
  }

  /** Settings given in code. */
  public static Settings of(String section, Map<String, String> values) {
    return new Settings(section, values, Map.of(), Location.of("(code)"), Path.of("."));
  }

  public Optional<String> text(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The integer at {@code key}; a value that is not an integer throws {@link InvalidInputException}. */
  public OptionalInt integer(String key) {
    String v = values.get(key);
    if (v == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(problem(key, "must be a whole number, not '" + v + "'"));
    }
  }

  /** A problem with the value at {@code key}, located where it was written. */
  public Problem problem(String key, String message) {
    return new Problem(locations.getOrDefault(key, sectionLocation), section + "." + key, message);
  }
}
