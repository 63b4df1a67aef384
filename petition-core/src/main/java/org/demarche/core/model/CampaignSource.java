package org.demarche.core.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a campaign came from: a file, or a stream or code with only a name. Only a campaign loaded from a
 * file has a folder, so only it has a default place for its journal and its relative file names.
 *
 * @param name how messages name the campaign: the file as given, or the caller's name for a stream or a build
 * @param file the campaign file, when it was loaded from one
 */
public record CampaignSource(String name, Optional<Path> file) {
  public CampaignSource {
    name = Values.line(name, "name");
    Objects.requireNonNull(file, "file");
  }

  /** A campaign loaded from {@code file}, named as given. */
  public static CampaignSource of(Path file) {
    return new CampaignSource(Objects.requireNonNull(file, "file").toString(), Optional.of(file));
  }

  /** A campaign read from a stream or built in code: it has no file and no folder. */
  public static CampaignSource named(String name) {
    return new CampaignSource(name, Optional.empty());
  }

  /** The folder the campaign's relative file names resolve against: the campaign file's, when there is one. */
  public Optional<Path> folder() {
    return file.map(f -> {
      Path parent = f.toAbsolutePath().getParent();
      return parent == null ? Path.of(".").toAbsolutePath() : parent;
    });
  }
}
