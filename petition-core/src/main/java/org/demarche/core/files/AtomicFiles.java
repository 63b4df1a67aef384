package org.demarche.core.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way the project writes an output file: into a fresh temporary file beside the target, forced
 * to disk, then renamed over the target, so that a reader sees either the old file or the whole new
 * one, never a part, and an existing symbolic link at the target is replaced rather than followed.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Who may read the file written (where the file system has POSIX permissions). */
  public enum Access {
    /** The owner only (0600): the default, since letters, journals and receipts hold personal data. */
    PRIVATE("rw-------"),
    /** Everyone may read, the owner write (0644): for files meant to be handed around. */
    READABLE("rw-r--r--");

    private final String permissions;

    Access(String permissions) {
      this.permissions = permissions;
    }
  }

  /** Something that writes bytes. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code content} to {@code target}, replacing it if it exists, readable by the owner only. */
  public static void write(Path target, Content content) throws IOException {
    write(target, Access.PRIVATE, content);
  }

  /** Writes {@code content} to {@code target}, replacing it if it exists. */
  public static void write(Path target, Access access, Content content) throws IOException {
    move(temporary(target, access, content), target, true);
  }

  /**
   * Writes {@code content} to {@code target} only if no file is there yet.
   *
   * @throws FileAlreadyExistsException if {@code target} exists (it is left as it was)
   */
  public static void create(Path target, Access access, Content content) throws IOException {
    move(temporary(target, access, content), target, false);
  }

  private static Path temporary(Path target, Access access, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, ".demarche-", ".part");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(access.permissions));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the folder's own permissions apply.
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      return temp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static void move(Path temp, Path target, boolean replace) throws IOException {
    try {
      if (!replace) {
        // A hard link fails if the target exists, which a rename over it would not.
        Files.createLink(target, temp);
      } else {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      forceFolder(target);
    } catch (UnsupportedOperationException e) {
      Files.move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the rename itself durable: on Linux a new name is on disk only once its folder is synced. */
  private static void forceFolder(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open a folder; the file's own data is already forced.
    }
  }
}
