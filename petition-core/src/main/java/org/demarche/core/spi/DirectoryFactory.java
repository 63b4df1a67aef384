package org.demarche.core.spi;

import java.nio.file.Path;
import java.util.List;

/** Opens the directory layers a campaign names. */
public interface DirectoryFactory {

  /**
   * Opens {@code layers} in order, later ones overriding earlier ones by mission id. A layer is
   * {@code bundled} (the shipped data) or a path to a JSON or CSV file, relative to {@code baseDir}.
   *
   * @throws org.demarche.core.model.InvalidInputException listing every problem in the files, with file and line
   */
  ContactDirectory open(List<String> layers, Path baseDir);
}
