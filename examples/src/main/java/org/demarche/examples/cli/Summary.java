package org.demarche.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.demarche.core.RunReport;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.RunReport.Result;

/**
 * The table every run ends with: each letter's result, saying whether this run or an earlier one settled
 * it, then counts for this run and for earlier runs, and what to do about what is left.
 */
final class Summary {
  private Summary() {}

  /** Quiet leaves out the table of letters (the failed ones were printed as they failed). */
  static void print(RunReport report, PrintWriter out, String channel, Path folder, String journal, PostalKit postal,
      Verbosity verbosity) {
    boolean outbox = channel.equals("outbox");
    if (!verbosity.quiet()) {
      out.println();
      Table t = new Table("LETTER", "RESULT", "DETAIL");
      for (Outcome o : report.outcomes()) {
        t.row(o.letterId(), label(o, outbox), o.detail().map(Table::oneLine).orElse(""));
      }
      t.print(out);
      out.println();
    }
    out.println("Summary of campaign " + report.campaignId() + ":");
    Table s = Table.withoutHeader(2);
    s.row("  this run", counts(report, false, outbox));
    s.row("  earlier runs", counts(report, true, outbox));
    s.row("  outbox folder", folder.toAbsolutePath().normalize().toString());
    s.row("  journal", journal);
    postal.written().forEach(k -> s.row("  print kit", k.toAbsolutePath().normalize().toString()));
    s.print(out);
    advise(report, out, postal);
  }

  /** One line per situation that needs a word: nothing new, held back, rewritten, failed, in doubt. */
  private static void advise(RunReport report, PrintWriter out, PostalKit postal) {
    long held = report.count(Result.HELD_BACK);
    if (report.nothingNew() && !postal.rebuilt()) {
      out.println("Nothing new: no letter needed work in this run (" + letters(report.outcomes().size())
          + " settled by earlier runs" + (held > 0 ? " or held back" : "") + "); nothing was written or sent.");
    }
    if (held > 0) {
      out.println(letters(held) + " held back: already written to the outbox as .eml files, which may have been"
          + " sent by hand. To send them over SMTP as well, run again with --include-outboxed.");
    }
    long rewritten = report.count(Result.REWRITTEN);
    if (rewritten > 0) {
      out.println(letters(rewritten) + " handled earlier had lost their files: written again, the same bytes.");
    }
    if (postal.rebuilt()) {
      out.println("The print kit was missing: written again from the journal's postal letters.");
    }
    postal.failure().ifPresent(f -> out.println("The print kit could not be written (" + f + "); the postal"
        + " letters it lacks stay unposted in the journal, and the next run writes it again."));
    long transientFailed = report.count(Result.FAILED_TRANSIENT);
    if (transientFailed > 0) {
      out.println(letters(transientFailed) + " failed for a reason on this side (rendering, files, connection):"
          + " fix it and run again; the next run retries them.");
    }
    long permanent = report.count(Result.FAILED_PERMANENT);
    if (permanent > 0) {
      out.println(letters(permanent) + " refused permanently by the recipient's server: check the address"
          + " (a directory correction file), then run with --retry-failed (same Message-ID).");
    }
    if (report.count(Result.IN_DOUBT) > 0) {
      out.println("Letters in doubt may have reached the server before the run stopped. Check with the recipient or"
          + " run again with --resend-in-doubt (the resent message carries the same Message-ID).");
    }
  }

  private static String counts(RunReport report, boolean earlier, boolean outbox) {
    StringBuilder b = new StringBuilder();
    append(b, report.count(Result.SENT, earlier) + report.count(Result.ALREADY_SENT, earlier),
        outbox ? "in the outbox" : "sent");
    append(b, report.count(Result.BY_POST, earlier) + report.count(Result.ALREADY_BY_POST, earlier), "by post");
    append(b, report.count(Result.REWRITTEN, earlier), "written again");
    append(b, report.count(Result.FAILED_TRANSIENT, earlier), "failed (retried by the next run)");
    append(b, report.count(Result.FAILED_PERMANENT, earlier), "failed permanently");
    append(b, report.count(Result.IN_DOUBT, earlier), "in doubt");
    append(b, report.count(Result.HELD_BACK, earlier), "held back (in the outbox)");
    return b.length() == 0 ? "none" : b.toString();
  }

  private static void append(StringBuilder b, long n, String what) {
    if (n > 0) {
      b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(what);
    }
  }

  private static String letters(long n) {
    return Formats.count(n, "letter");
  }

  /** A letter's result in words; the outbox's letters are "in the outbox", never "sent". */
  static String label(Outcome o, boolean outbox) {
    String sent = outbox ? "in the outbox" : "sent";
    String text = switch (o.result()) {
      case SENT -> sent;
      case ALREADY_SENT -> sent;
      case BY_POST, ALREADY_BY_POST -> "by post";
      case FAILED_TRANSIENT -> "failed, retryable";
      case FAILED_PERMANENT -> "failed, permanent";
      case IN_DOUBT -> "in doubt";
      case HELD_BACK -> "held back";
      case REWRITTEN -> "written again";
    };
    return o.earlier() && o.result() != Result.HELD_BACK ? text + " (earlier run)" : text;
  }
}
