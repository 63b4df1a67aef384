package org.demarche.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An internal error (a bug, not the operator's input): one line on the terminal asking to report it, and the
 * stack trace in a private log file whose path that line names. Never a stack trace on the terminal.
 */
final class InternalErrors {
  private InternalErrors() {}

  /** Reports {@code failure} on {@code err} and returns the exit code for an internal error. */
  static int report(Throwable failure, PrintWriter err) {
    String where;
    try {
      Path log = Files.createTempFile("demarche-error-", ".log"); // 0600 where the file system has POSIX permissions
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      Files.writeString(log, Printable.escape("demarche " + new DemarcheCli.Version().getVersion()[0] + " at "
          + Instant.now() + "\n" + trace), StandardCharsets.UTF_8);
      where = "the details are in " + log.toAbsolutePath();
    } catch (IOException | RuntimeException e) {
      where = "the details could not be written to a log file (" + e.getMessage() + ")";
    }
    err.println("demarche: internal error (" + failure.getClass().getSimpleName() + "): this is a bug; please report"
        + " it with the command you ran; " + where);
    return DemarcheCli.INTERNAL;
  }
}
