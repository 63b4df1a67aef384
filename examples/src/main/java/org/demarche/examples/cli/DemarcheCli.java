package org.demarche.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.demarche.core.model.DemarcheException;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.JournalLockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The campaign runner: {@code java -jar demarche.jar COMMAND}. Exit codes: 0 all done, 1 some letters
 * failed or are in doubt, 2 bad usage or invalid input (a bare {@code demarche} included), 3 an internal
 * error (one line on the terminal, the stack trace in a log file whose path is printed).
 */
@Command(name = "demarche", mixinStandardHelpOptions = true, versionProvider = DemarcheCli.Version.class,
    description = "Petition a government through its embassies and consulates: validate a campaign, render its"
        + " letters, and deliver them to an outbox folder or over SMTP.",
    subcommands = {RunCommand.class, ValidateCommand.class, RenderCommand.class, RecipientsCommand.class,
        DirectoryCommand.class, NearestCommand.class, StatusCommand.class, ReceiptsCommand.class, VoiceCommand.class,
        ServeCommand.class, VerifyCommand.class, PostedCommand.class, OutcomeCommand.class, BouncesCommand.class,
        ReportCommand.class,
        InitCommand.class, SchemaCommand.class, CompletionCommand.class,
        ManCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all letters done", "1:some letters failed or are in doubt", "2:bad usage or invalid input",
        "3:an internal error (the trace goes to a log file; please report it)"})
public final class DemarcheCli implements java.util.concurrent.Callable<Integer> {
  public static final int DONE = 0;
  public static final int SOME_FAILED = 1;
  public static final int INVALID = 2;
  public static final int INTERNAL = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  // Inherited: accepted before or after the command (`demarche -q run ...`, `demarche run -q ...`); read by
  // Verbosity.of from the parse result, wherever they were given.
  @CommandLine.Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
      description = "print only errors and the summary")
  boolean quiet;

  @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
      description = "add each letter's detail (message id, file) and the libraries' info log")
  boolean verbose;

  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "as -v, plus the libraries' debug log (an unexpected failure's trace always goes to a log file)")
  boolean debug;

  private Verbosity verbosity = Verbosity.NORMAL;

  /** The verbosity the command line asked for (commands read it through their parent). */
  Verbosity verbosity() {
    return verbosity;
  }

  public static void main(String[] args) {
    Printable.guardStandardStreams();
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given output streams and returns the exit code (used by tests too). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    DemarcheCli root = new DemarcheCli();
    CommandLine cli = new CommandLine(root);
    cli.setExecutionStrategy(parsed -> {
      root.verbosity = Verbosity.of(parsed);
      quietLibraries(root.verbosity);
      return new CommandLine.RunLast().execute(parsed);
    });
    return execute(cli, args, out, err);
  }

  /** Runs {@code cli} (the runner's command tree) with the runner's settings, error handling and printable output. */
  static int execute(CommandLine cli, String[] args, PrintWriter rawOut, PrintWriter rawErr) {
    // Campaign values and server replies may hold terminal control sequences: nothing reaches the screen raw.
    PrintWriter out = Printable.writer(rawOut);
    PrintWriter err = Printable.writer(rawErr);
    // Jakarta Mail 2.1 looks its stream provider up through ServiceLoader for every MIME part unless told which
    // one to use; naming Angus's own doubles SMTP throughput (deliver-email/README.md). An app may choose; a
    // library may not, so the runner does it here.
    if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
      System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
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
      if (ex instanceof java.nio.file.FileSystemException fs) {
        // A file the operator named cannot be used (missing, a file where a folder is wanted, no permission).
        err.println("demarche: cannot use " + fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason())
            + " (" + fs.getClass().getSimpleName().replace("Exception", "") + ")");
        return INVALID;
      }
      return InternalErrors.report(ex, err);
    });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A bare {@code demarche}: the usage, on the error stream, as bad usage (a script that forgot the command fails). */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("demarche: say which command to run.");
    spec.commandLine().usage(spec.commandLine().getErr());
    return INVALID;
  }

  /**
   * Libraries log through SLF4J (simple logger); keep their chatter off the campaigner's screen unless asked.
   * The simple logger reads these once, when its first logger is made, so a later run in the same JVM keeps the
   * first run's level.
   */
  private static void quietLibraries(Verbosity verbosity) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbosity.libraryLogLevel());
    // FontBox warns about cmap subtables it skips in the bundled CJK font; that is expected, not the user's concern.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.fontbox", verbosity.debug() ? "debug" : "error");
  }

  /**
   * {@code demarche VERSION (commit C, Java J)}: the version from the jar's manifest (Implementation-Version), or
   * from the build's filtered {@code build.properties} when run from classes; the commit from the
   * {@code commit.properties} the build writes ("unknown" when built without git).
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = DemarcheCli.class.getPackage().getImplementationVersion();
      String version = v != null ? v : property("build.properties", "version");
      return new String[] {"demarche " + version + " (commit " + property("commit.properties", "commit") + ", Java "
          + Runtime.version() + ")"};
    }

    private static String property(String resource, String key) {
      try (InputStream in = DemarcheCli.class.getResourceAsStream(resource)) {
        if (in == null) {
          return "unknown";
        }
        Properties p = new Properties();
        p.load(in);
        return p.getProperty(key, "unknown");
      } catch (IOException e) {
        return "unknown";
      }
    }
  }
}
