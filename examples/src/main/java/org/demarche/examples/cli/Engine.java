package org.demarche.examples.cli;

import java.nio.file.Path;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;

/** The runner's Demarche: every plugin on the class path, found through ServiceLoader. */
final class Engine {
  private static Demarche demarche;

  private Engine() {}

  static synchronized Demarche demarche() {
    if (demarche == null) {
      demarche = Demarche.builder().installDiscovered(Engine.class.getClassLoader()).build();
    }
    return demarche;
  }

  static Campaign load(Path file) {
    return demarche().load(file);
  }
}
