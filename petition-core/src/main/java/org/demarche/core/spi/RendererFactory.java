package org.demarche.core.spi;

import java.util.List;
import java.util.Map;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;

/**
 * Builds a renderer from a campaign's settings (paper size, fonts, ...). A renderer that needs a secret (the
 * password of a signing key) reads it from the environment it is given, with {@link Secrets}; the methods
 * without an environment build a renderer that needs none (for laying letters out in a dry run).
 */
public interface RendererFactory {

  default List<Problem> validate(Settings settings) {
    return List.of();
  }

  /**
   * Every problem with {@code settings}, including what can be known beforehand about the secrets in
   * {@code environment} (a key that does not open with the password it holds); by default
   * {@link #validate(Settings)}.
   */
  default List<Problem> validate(Settings settings, Map<String, String> environment) {
    return validate(settings);
  }

  /** What would not stop a run now but will, or may, later (a secret not set yet); by default none. */
  default List<Problem> warnings(Settings settings, Map<String, String> environment) {
    return List.of();
  }

  /** A renderer from {@code settings} that needs no secret: for checking the letters' layout. */
  LetterRenderer create(Settings settings);

  /**
   * The renderer a run uses, with the secrets its settings name read from {@code environment}; by default
   * {@link #create(Settings)}.
   */
  default LetterRenderer create(Settings settings, Map<String, String> environment) {
    return create(settings);
  }
}
