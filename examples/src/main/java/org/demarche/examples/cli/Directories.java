package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.demarche.core.spi.ContactDirectory;

/** The bundled directory with the user's files layered over it. */
final class Directories {
  private Directories() {}

  static ContactDirectory open(List<Path> files) {
    List<String> layers = new ArrayList<>();
    layers.add("bundled");
    files.forEach(f -> layers.add(f.toAbsolutePath().toString()));
    return Engine.demarche().directory(layers, Path.of("").toAbsolutePath());
  }
}
