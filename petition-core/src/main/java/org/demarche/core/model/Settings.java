package org.demarche.core.model;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's settings from a campaign file (e.g. the {@code delivery.smtp} section), with where each
 * came from, so that a bad value is reported with its file, line and column.
 *
 * <p>A plugin declares its settings as a record and reads them with {@link #bind}; it never parses the
 * text itself:
 *
 * <pre>{@code
 * record PdfSection(Optional<Paper> paper, List<Path> fonts, Optional<Boolean> pdfa) {}
 * PdfSection s = settings.bind(PdfSection.class);   // or settings.check(PdfSection.class) to validate
 * }</pre>
 *
 * <p>A record component's name is the key. Its type is {@code String} (stripped), {@code int}/{@code Integer},
 * {@code long}/{@code Long}, {@code double}/{@code Double}, {@code boolean}/{@code Boolean} ({@code true} or
 * {@code false}), an enum (written in lower case with hyphens: {@code starttls}, {@code name-only}; any case
 * is read), or {@code Path} (a file the plugin reads, resolved by {@link #paths()}: for a campaign loaded from a
 * file, inside the campaign's folder or one the operator allowed, and not a device, FIFO or folder). A key is required
 * unless its component is an {@code Optional<T>} (empty when absent) or a {@code List<T>} (empty when absent;
 * written as a list or as comma-separated text). Defaults are the plugin's: it applies them to the empty
 * {@code Optional}s when it turns the record into its own options. The record's constructor checks values
 * (it runs once every required key has been read); a refusal whose message starts with a key (as {@link Values}' rules write them, e.g. {@code port must be
 * between 1 and 65535, not 0}) is located at that key, and {@link Values#checkAll} lets it refuse several
 * keys at once.
 *
 * @param section the section's path in the campaign, e.g. {@code delivery.smtp}
 * @param values the settings as text, by key
 * @param locations where each key was written (or the command-line flag that gave it)
 * @param sectionLocation where the section starts (or the campaign file when it is absent)
 * @param baseDir the folder relative paths resolve against (the campaign file's folder)
 * @param paths how a {@code Path} value is resolved and checked: for a campaign loaded from a file, the
 *     campaign's {@code FileScope} (inside its folder or an allowed one, a regular file)
 */
public record Settings(
    String section, Map<String, String> values, Map<String, Location> locations, Location sectionLocation,
    Path baseDir, Paths paths) {

  public Settings {
    Objects.requireNonNull(section, "section");
    values = Map.copyOf(values);
    locations = Map.copyOf(locations);
    Objects.requireNonNull(sectionLocation, "sectionLocation");
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(paths, "paths");
  }

  /** Settings whose {@code Path} values resolve against {@code baseDir} without further checks (settings built in code). */
  public Settings(String section, Map<String, String> values, Map<String, Location> locations,
      Location sectionLocation, Path baseDir) {
    this(section, values, locations, sectionLocation, baseDir, new Lexical(baseDir));
  }

  /** Turns a file name written in settings into the path to read. */
  public interface Paths {
    /**
     * The file {@code written} names (whether it exists is for the plugin to check, with its own message).
     *
     * @throws IllegalArgumentException saying why the name is refused and what would be valid
     */
    Path resolve(String written);
  }

  /** Resolves a name against {@code baseDir} and nothing more. */
  record Lexical(Path baseDir) implements Paths {
    @Override
    public Path resolve(String written) {
      try {
        return baseDir.resolve(written).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw new IllegalArgumentException("must be a file name (" + e.getReason() + ")");
      }
    }
  }

  /** Settings with no values, e.g. for a plugin built in code. */
  public static Settings empty(String section) {
    return new Settings(section, Map.of(), Map.of(), Location.of("(code)"), Path.of("."));
  }

  /** Settings given in code. */
  public static Settings of(String section, Map<String, String> values) {
    return new Settings(section, values, Map.of(), Location.of("(code)"), Path.of("."));
  }

  /** The text written for {@code key}, if any: for the binder only; plugins {@link #bind} their settings. */
  Optional<String> text(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The same settings with {@code key} set to {@code value} from the command-line flag {@code flag} (e.g.
   * {@code --smtp-host}); a problem with that value is located at the flag, not in the file.
   */
  public Settings with(String key, String value, String flag) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map<String, String> v = new HashMap<>(values);
    Map<String, Location> l = new HashMap<>(locations);
    v.put(key, value);
    l.put(key, Location.of("command line option " + Objects.requireNonNull(flag, "flag")));
    return new Settings(section, v, l, sectionLocation, baseDir, paths);
  }

  /**
   * These settings as a {@code type} record (see the class comment for the types a record may hold).
   *
   * @throws InvalidInputException with every problem: unknown keys (with the valid ones), missing required
   *     keys, values of the wrong type, and values the record's constructor refuses, each at its key
   * @throws IllegalArgumentException when {@code type} is not a record of the supported types
   */
  public <R extends Record> R bind(Class<R> type) {
    SettingsBinder.Result<R> result = SettingsBinder.bind(this, type);
    return result.value().orElseThrow(() -> new InvalidInputException(result.problems()));
  }

  /** Every problem {@link #bind} would report, empty when these settings bind to {@code type}. */
  public <R extends Record> List<Problem> check(Class<R> type) {
    return SettingsBinder.bind(this, type).problems();
  }

  /** A problem with the value at {@code key}, located where it was written. */
  public Problem problem(String key, String message) {
    return new Problem(locations.getOrDefault(key, sectionLocation), section + "." + key, message);
  }
}
