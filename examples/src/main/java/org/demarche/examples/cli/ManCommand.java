package org.demarche.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demarche man}: the demarche(1) manual page in troff, generated from the same picocli model as
 * {@code --help}, so it never drifts from the options. Read it with {@code demarche man | man -l -}.
 */
@Command(name = "man", mixinStandardHelpOptions = true,
    description = {"Print the demarche(1) manual page (troff).",
        "Read it: demarche man | man -l -    Install: demarche man > ~/.local/share/man/man1/demarche.1"})
final class ManCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(page(spec.root()));
    out.flush();
  }

  /** The whole page: the top command, then one section per subcommand. */
  static String page(CommandSpec root) {
    StringBuilder b = new StringBuilder();
    String version = root.version().length > 0 ? root.version()[0] : "";
    b.append(".TH DEMARCHE 1 \"\" ").append(quoted(version)).append(" \"Demarche Manual\"\n");
    b.append(".SH NAME\n").append("demarche \\- ").append(text(String.join(" ", root.usageMessage().description())))
        .append('\n');
    b.append(".SH SYNOPSIS\n.B demarche\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
    options(b, root);
    b.append(".SH COMMANDS\n");
    root.subcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        command(b, name, sub.getCommandSpec());
      }
    });
    b.append(".SH EXIT STATUS\n");
    root.usageMessage().exitCodeList().forEach((code, meaning) ->
        b.append(".TP\n.B ").append(text(code.trim())).append('\n').append(text(meaning)).append('\n'));
    b.append(".SH SEE ALSO\nThe README and docs/ of the Demarche source, and \\fBdemarche COMMAND --help\\fR.\n");
    return b.toString();
  }

  private static void command(StringBuilder b, String name, CommandSpec spec) {
    b.append(".SS ").append(text("demarche " + name)).append('\n');
    b.append(text(String.join(" ", spec.usageMessage().description()))).append('\n');
    b.append(".PP\n.nf\n").append(text(spec.commandLine().getHelp().synopsis(0).stripTrailing())).append("\n.fi\n");
    options(b, spec);
  }

  private static void options(StringBuilder b, CommandSpec spec) {
    if (spec.options().isEmpty()) {
      return;
    }
    b.append(spec.parent() == null ? ".SH OPTIONS\n" : ".PP\nOptions:\n");
    for (OptionSpec o : spec.options()) {
      b.append(".TP\n.B ").append(text(String.join(", ", o.names())));
      if (o.arity().max() > 0) {
        b.append(" \\fI").append(text(o.paramLabel())).append("\\fR");
      }
      b.append('\n').append(text(String.join(" ", o.description()))).append('\n');
    }
  }

  /** Help text made safe for troff: backslashes and hyphens escaped, no line starting with a control character. */
  static String text(String s) {
    String escaped = s.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ");
    StringBuilder b = new StringBuilder();
    for (String line : escaped.split("\n", -1)) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      if (line.startsWith(".") || line.startsWith("'")) {
        b.append("\\&");
      }
      b.append(line);
    }
    return b.toString();
  }

  private static String quoted(String s) {
    return "\"" + text(s).replace("\"", "'") + "\"";
  }
}
