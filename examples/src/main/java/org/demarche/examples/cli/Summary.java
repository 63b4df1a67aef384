package org.demarche.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.demarche.core.RunReport;
import org.demarche.core.RunReport.Result;

/** The table every run ends with. */
final class Summary {
  private Summary() {}

  static void print(RunReport report, PrintWriter out, String channel, Path folder, Path journal, List<Path> kit) {
    print(report, out, channel, folder, journal, kit, Verbosity.NORMAL);
  }

  /** Quiet leaves out the table of letters (the failed ones were printed as they failed). */
  static void print(RunReport report, PrintWriter out, String channel, Path folder, Path journal, List<Path> kit,
      Verbosity verbosity) {
    if (!verbosity.quiet()) {
      out.println();
      Table t = new Table("LETTER", "RESULT", "DETAIL");
      for (RunReport.Outcome o : report.outcomes()) {
        t.row(o.letterId(), label(o.result()), o.detail().map(Table::oneLine).orElse(""));
      }
      t.print(out);
      out.println();
    }
    String verb = channel.equals("outbox") ? "written to the outbox" : "sent";
    out.println("Summary of campaign " + report.campaignId() + ":");
    Table s = Table.withoutHeader(2);
    s.row("  " + verb, String.valueOf(report.count(Result.SENT)));
    s.row("  already " + (channel.equals("outbox") ? "in the outbox" : "sent"), String.valueOf(report.count(Result.ALREADY_SENT)));
    s.row("  by post", String.valueOf(report.count(Result.BY_POST) + report.count(Result.ALREADY_BY_POST)));
    s.row("  failed", String.valueOf(report.count(Result.FAILED_PERMANENT) + report.count(Result.FAILED_TRANSIENT)));
    s.row("  in doubt", String.valueOf(report.count(Result.IN_DOUBT)));
    s.row("  outbox folder", folder.toAbsolutePath().normalize().toString());
    s.row("  journal", journal.toAbsolutePath().normalize().toString());
    kit.forEach(k -> s.row("  print kit", k.toAbsolutePath().normalize().toString()));
    s.print(out);
    if (report.nothingNew()) {
      out.println("Nothing new: every letter was already handled by an earlier run; nothing was written or sent.");
    }
    if (report.count(Result.IN_DOUBT) > 0) {
      out.println("Letters in doubt may have reached the server before the run stopped. Check with the recipient or"
          + " run again with --resend-in-doubt (the resent message carries the same Message-ID).");
    }
  }

  static String label(Result r) {
    return r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
