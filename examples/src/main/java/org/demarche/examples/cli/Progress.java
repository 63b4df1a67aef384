package org.demarche.examples.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.demarche.core.model.DemarcheException;
import org.demarche.core.model.Letter;
import org.demarche.core.ProgressListener;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Rendition;
import org.demarche.core.RunReport;

/**
 * A progress bar on a terminal; plain progress lines otherwise (logs, CI, pipes). Quiet: only failed letters;
 * verbose: each letter's detail too (message id and time, or the file left for the post).
 */
final class Progress implements ProgressListener {
  /** The widest line printed, as the tables wrap theirs. */
  private static final int WIDTH = 114;
  private final PrintWriter out;
  private final Verbosity verbosity;
  private final boolean terminal;
  private final String deliveredAs;
  private ProgressBar bar;
  private int total;
  private int done;

  Progress(PrintWriter out) {
    this(out, "smtp", Verbosity.NORMAL);
  }

  /** Progress of a run on {@code channel}: the outbox's letters are "in the outbox", never "sent". */
  Progress(PrintWriter out, String channel, Verbosity verbosity) {
    this.out = out;
    this.verbosity = verbosity;
    this.deliveredAs = channel.equals("outbox") ? "in the outbox" : "sent";
    this.terminal = System.console() != null && !Boolean.getBoolean("demarche.plain") && !verbosity.quiet();
  }

  @Override
  public void started(int letters, int toDeliver) {
    total = toDeliver;
    if (toDeliver == 0) {
      return;
    }
    if (verbosity.quiet()) {
      return;
    }
    if (terminal) {
      bar = new ProgressBarBuilder().setTaskName("Letters").setInitialMax(toDeliver)
          .setStyle(ProgressBarStyle.ASCII).continuousUpdate()
          .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(Printable.terminal())).build();
    } else {
      out.println("Delivering " + toDeliver + " of " + Formats.count(letters, "letter"));
    }
  }

  private void step(String what, Letter letter, String detail) {
    done++;
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(letter.id());
    } else if (!verbosity.quiet() || what.equals("FAILED")) {
      String line = "[" + done + "/" + total + "] " + what + " " + letter.id()
          + (verbosity.verbose() || what.equals("FAILED") ? Table.oneLine(detail) : "");
      // A server's long reply wraps onto indented lines rather than running past the terminal's width.
      Table.printWrapped(out, line, WIDTH, 6);
    }
  }

  @Override
  public void delivered(Letter letter, Receipt receipt) {
    step(deliveredAs, letter, ": message id " + receipt.messageId() + ", accepted at " + receipt.acceptedAt()
        + (receipt.detail().isBlank() ? "" : ", " + receipt.detail()));
  }

  @Override
  public void byPost(Letter letter, Rendition rendition) {
    step("by post", letter, ": " + rendition.fileNameFor(letter) + " (" + rendition.size() + " bytes) goes in the print kit");
  }

  @Override
  public void rewritten(Letter letter, Rendition rendition) {
    step("written again (its files were missing)", letter, ": " + rendition.fileNameFor(letter));
  }

  @Override
  public void failed(Letter letter, DemarcheException failure, boolean willRetry) {
    if (willRetry) {
      if (bar == null && !verbosity.quiet()) {
        out.println("    retrying " + letter.id() + ": " + failure.getMessage());
      }
      return;
    }
    step("FAILED", letter, ": " + failure.getMessage());
  }

  /** Says what a wait over 2 s is for and when it ends, before it begins, e.g. for a per-domain limit. */
  @Override
  public void waiting(Letter letter, String reason, java.time.Instant until) {
    String line = "waiting until " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
        .format(until.atZone(java.time.ZoneId.systemDefault())) + " for " + reason + " (" + letter.id() + ")";
    if (bar != null) {
      bar.setExtraMessage(line);
    } else {
      out.println("    " + line);
      out.flush();
    }
  }

  @Override
  public void finished(RunReport report) {
    if (bar != null) {
      bar.close();
    }
  }
}
