package org.demarche.core.model;

import java.util.Objects;

/**
 * A place in an input file: the file as the user named it, and a 1-based line and column
 * (0 when unknown).
 */
public record Location(String file, int line, int column) {
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }

  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public String toString() {
    if (line == 0) {
      return file;
    }
    return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
