package org.demarche.examples.cli;

import picocli.CommandLine.ParseResult;

/**
 * How much the runner prints, from {@code -q}, {@code -v} and {@code --debug} (given before or after the command):
 * quiet prints only errors and the summary, normal adds a line per letter and the table of results, verbose adds
 * each letter's detail (message id, file) and the libraries' info log; debug adds their debug log and the full
 * trace of an unexpected failure.
 */
record Verbosity(Level level, boolean debug) {
  enum Level { QUIET, NORMAL, VERBOSE }

  static final Verbosity NORMAL = new Verbosity(Level.NORMAL, false);

  Verbosity {
    java.util.Objects.requireNonNull(level, "level");
  }

  /** The flags matched anywhere on the command line (they are inherited by every command). */
  static Verbosity of(ParseResult parsed) {
    boolean quiet = false;
    boolean verbose = false;
    boolean debug = false;
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      quiet |= p.hasMatchedOption("--quiet");
      verbose |= p.hasMatchedOption("--verbose");
      debug |= p.hasMatchedOption("--debug");
    }
    if (quiet && (verbose || debug)) {
      throw new picocli.CommandLine.ParameterException(parsed.commandSpec().commandLine(),
          "-q/--quiet cannot be combined with -v/--verbose or --debug: choose one");
    }
    return new Verbosity(verbose || debug ? Level.VERBOSE : quiet ? Level.QUIET : Level.NORMAL, debug);
  }

  boolean quiet() {
    return level == Level.QUIET;
  }

  boolean verbose() {
    return level == Level.VERBOSE;
  }

  /** The SLF4J simple logger's level for the libraries (Simple Java Mail, PDFBox) at this verbosity. */
  String libraryLogLevel() {
    return debug ? "debug" : switch (level) {
      case QUIET -> "error";
      case NORMAL -> "warn";
      case VERBOSE -> "info";
    };
  }
}
