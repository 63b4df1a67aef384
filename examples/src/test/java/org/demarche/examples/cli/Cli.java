package org.demarche.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the runner in-process and captures what it prints (for the runner's tests in any package). */
public final class Cli {
  static final Path FOUNDING = Path.of("campaigns/world-save-north-korean-refugees-day/campaign.yaml");

  public record Result(int exitCode, String out, String err) {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DemarcheCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Cli() {}
}
