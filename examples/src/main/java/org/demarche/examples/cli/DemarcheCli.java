package org.demarche.examples.cli;

import java.io.PrintWriter;
import org.demarche.core.model.DemarcheException;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.JournalLockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The campaign runner: {@code java -jar demarche.jar COMMAND}. Exit codes: 0 all done, 1 some letters
 * failed or are in doubt, 2 bad usage or invalid input.
 */
@Command(name = "demarche", mixinStandardHelpOptions = true, versionProvider = DemarcheCli.Version.class,
    description = "Petition a government through its embassies and consulates: validate a campaign, render its"
        + " letters, and deliver them to an outbox folder or over SMTP.",
    subcommands = {RunCommand.class, ValidateCommand.class, RenderCommand.class, RecipientsCommand.class,
        DirectoryCommand.class,
        NearestCommand.class, StatusCommand.class, ReceiptsCommand.class, VoiceCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all letters done", "1:some letters failed or are in doubt", "2:bad usage or invalid input"})
public final class DemarcheCli implements Runnable {
  public static final int DONE = 0;
  public static final int SOME_FAILED = 1;
  public static final int INVALID = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given output streams and returns the exit code (used by tests too). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    // Libraries log through SLF4J; keep their chatter off the campaigner's screen unless asked.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("demarche.log", "warn"));
    // Jakarta Mail 2.1 looks its stream provider up through ServiceLoader for every MIME part unless told which
    // one to use; naming Angus's own doubles SMTP throughput (deliver-email/README.md). An app may choose; a
    // library may not, so the runner does it here.
    if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
      System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    // FontBox warns about cmap subtables it skips in the bundled CJK font; that is expected, not the user's concern.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.fontbox", System.getProperty("demarche.log", "error"));
    CommandLine cli = new CommandLine(new DemarcheCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> INVALID);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("demarche: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
      return INVALID;
    });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof InvalidInputException invalid) {
        err.println("demarche: " + invalid.problems().size() + (invalid.problems().size() == 1 ? " problem" : " problems")
            + " found; nothing was sent:");
        invalid.problems().forEach(p -> err.println("  " + p));
        return INVALID;
      }
      if (ex instanceof JournalLockedException) {
        err.println("demarche: " + ex.getMessage());
        return INVALID;
      }
      if (ex instanceof DemarcheException || ex instanceof IllegalArgumentException
          || ex instanceof java.io.UncheckedIOException || ex instanceof IllegalStateException) {
        err.println("demarche: " + ex.getMessage());
        return INVALID;
      }
      err.println("demarche: unexpected failure: " + ex);
      err.println("Please report it with the command you ran (run with -Ddemarche.debug=true for the full trace).");
      if (Boolean.getBoolean("demarche.debug")) {
        ex.printStackTrace(err);
      }
      return INVALID;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest, or the build's when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = DemarcheCli.class.getPackage().getImplementationVersion();
      return new String[] {"demarche " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java " + Runtime.version() + ")"};
    }
  }
}
