package org.demarche.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.demarche.core.files.ReadLimits;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/** A campaign's characters as the UTF-8 bytes the loader reads, within the loader's size limit. */
final class ReaderInput {
  private ReaderInput() {}

  static InputStream of(Reader reader, String name) {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        text.append(buffer, 0, n);
        if (text.length() > ReadLimits.MAX_FILE_BYTES) {
          throw new InvalidInputException(new Problem(new Location(name, 1, 1), "",
              "the campaign is larger than " + ReadLimits.MAX_FILE_BYTES / (1024 * 1024) + " MB"));
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(new Problem(Location.of(name), "", "cannot be read: " + e.getMessage()));
    }
    return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
