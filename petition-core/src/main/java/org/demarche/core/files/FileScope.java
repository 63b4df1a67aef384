package org.demarche.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;

/**
 * The folders a campaign may read files from: its own folder, and any folder the operator allowed (the
 * runner's {@code --allow-dir}). The one check for every file a campaign names (its body, translations,
 * signatory list, directory files, and the files in plugin settings such as key files and fonts): the name
 * is resolved against the campaign's folder and then through every symbolic link, and must land inside an
 * allowed folder, so that {@code ..}, an absolute path or a link cannot bring an outside file's text into
 * letters sent to embassies. Only regular files pass, and that is decided from the file's attributes before
 * anything opens it, so a FIFO cannot hang the loader and a device is never read.
 *
 * @param folder the campaign's folder
 * @param allowed further folders the operator allowed (possibly none)
 */
public record FileScope(Path folder, List<Path> allowed) implements Settings.Paths {
  public FileScope {
    folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    allowed = List.copyOf(allowed).stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** Only the campaign's own folder. */
  public static FileScope of(Path folder) {
    return new FileScope(folder, List.of());
  }

  /**
   * The regular file {@code written} names (relative to {@link #folder}), with every link resolved.
   *
   * @throws IllegalArgumentException saying what is wrong (no such file, outside the allowed folders, not
   *     a regular file) and what would be valid
   */
  public Path file(String written) {
    Path target = target(written);
    BasicFileAttributes attributes;
    Path real;
    try {
      // Follows links: what matters is what the name finally reaches. Reading attributes opens nothing.
      attributes = Files.readAttributes(target, BasicFileAttributes.class);
      real = target.toRealPath();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("names the file '" + written + "', which does not exist (looked for "
          + target + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read '" + written + "': " + e.getMessage());
    }
    if (!inside(real)) {
      throw outside(written, target, real);
    }
    if (!attributes.isRegularFile()) {
      throw new IllegalArgumentException("names '" + written + "', which is " + kind(attributes)
          + ", not a regular file: name a text file");
    }
    return real;
  }

  /**
   * For a file named in plugin settings (a key file, a font): like {@link #file} when the file exists; a
   * name that leads nowhere yet is only kept inside the allowed folders, and the plugin says it is missing.
   */
  @Override
  public Path resolve(String written) {
    Path target = target(written);
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.exists(target)) {
      return file(written);
    }
    Path real = target;
    try {
      // The deepest folder that exists, with its links resolved, then the rest of the name as written.
      Path existing = target.getParent();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null) {
        real = existing.toRealPath().resolve(existing.relativize(target));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read '" + written + "': " + e.getMessage());
    }
    if (!inside(real)) {
      throw outside(written, target, real);
    }
    return target;
  }

  private Path target(String written) {
    Objects.requireNonNull(written, "written");
    try {
      return folder.resolve(written.strip()).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + written + "' is not a file name (" + e.getReason() + ")");
    }
  }

  private IllegalArgumentException outside(String written, Path target, Path real) {
    return new IllegalArgumentException("names '" + written + "', which is outside the campaign's folder " + folder
        + (real.equals(target) ? "" : " (it leads to " + real + ")")
        + ": a campaign reads only files in its own folder; move the file there, or let the operator allow its"
        + " folder (the runner's --allow-dir " + (real.getParent() == null ? real : real.getParent()) + ")");
  }

  /**
   * Like {@link #file}, collecting a refusal as a problem at {@code at} for {@code field} instead of
   * throwing; empty when refused.
   */
  public Optional<Path> check(String written, Location at, String field, List<Problem> problems) {
    try {
      return Optional.of(file(written));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(at, field, e.getMessage()));
      return Optional.empty();
    }
  }

  /** Whether {@code real} (a path with its links resolved) lies in the campaign's own folder. */
  public boolean inFolder(Path real) {
    return real.startsWith(realOf(folder));
  }

  private boolean inside(Path real) {
    if (inFolder(real)) {
      return true;
    }
    return allowed.stream().anyMatch(dir -> real.startsWith(realOf(dir)));
  }

  private static Path realOf(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir;
    }
  }

  private static String kind(BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a folder";
    }
    // Neither file, folder nor link: a FIFO, a socket or a device.
    return "a device, a FIFO or a socket";
  }
}
