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

/** A progress bar on a terminal; plain progress lines otherwise (logs, CI, pipes). */
final class Progress implements ProgressListener {
  private final PrintWriter out;
  private final boolean terminal;
  private final String deliveredAs;
  private ProgressBar bar;
  private int total;
  private int done;

  Progress(PrintWriter out) {
    this(out, "smtp");
  }

  /** Progress of a run on {@code channel}: the outbox's letters are "in the outbox", never "sent". */
  Progress(PrintWriter out, String channel) {
    this.out = out;
    this.deliveredAs = channel.equals("outbox") ? "in the outbox" : "sent";
    this.terminal = System.console() != null && !Boolean.getBoolean("demarche.plain");
  }

  @Override
  public void started(int letters, int toDeliver) {
    total = toDeliver;
    if (toDeliver == 0) {
      return;
    }
    if (terminal) {
      bar = new ProgressBarBuilder().setTaskName("Letters").setInitialMax(toDeliver)
          .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
    } else {
      out.println("Delivering " + toDeliver + " of " + letters + " letters");
    }
  }

  private void step(String what, Letter letter) {
    done++;
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(letter.id());
    } else {
      out.println("[" + done + "/" + total + "] " + what + " " + letter.id());
    }
  }

  @Override
  public void delivered(Letter letter, Receipt receipt) {
    step(deliveredAs, letter);
  }

  @Override
  public void byPost(Letter letter, Rendition rendition) {
    step("by post", letter);
  }

  @Override
  public void rewritten(Letter letter, Rendition rendition) {
    step("written again (its files were missing)", letter);
  }

  @Override
  public void failed(Letter letter, DemarcheException failure, boolean willRetry) {
    if (willRetry) {
      if (bar == null) {
        out.println("    retrying " + letter.id() + ": " + failure.getMessage());
      }
      return;
    }
    step("FAILED", letter);
  }

  @Override
  public void finished(RunReport report) {
    if (bar != null) {
      bar.close();
    }
  }
}
