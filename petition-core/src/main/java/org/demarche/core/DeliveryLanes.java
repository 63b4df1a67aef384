package org.demarche.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.model.DemarcheException;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Rendition;

/**
 * Hands letters to a channel from up to {@code lanes} threads at once (a channel with a pool of connections), each
 * letter on one thread from its wait for a rate-limit slot through its journal entries to its outcome, so the
 * order "sending journaled, then the first byte" holds per letter on whatever thread. With one lane the letter is
 * sent on the caller's thread, exactly as before lanes existed.
 */
final class DeliveryLanes {
  /** Sends one letter and returns its outcome. */
  @FunctionalInterface
  interface Send {
    Outcome send() throws InterruptedException;
  }

  private final int lanes;
  private final Outcome[] outcomes;
  private final ExecutorService pool;
  private final Semaphore free;
  private final AtomicReference<RuntimeException> broken = new AtomicReference<>();
  private volatile boolean interrupted;

  DeliveryLanes(int lanes, Outcome[] outcomes) {
    this.lanes = Math.max(1, lanes);
    this.outcomes = outcomes;
    this.free = new Semaphore(this.lanes);
    this.pool = this.lanes == 1 ? null : Executors.newFixedThreadPool(this.lanes, r -> {
      Thread t = new Thread(r, "demarche-deliver");
      t.setDaemon(true);
      return t;
    });
  }

  /** Sends through {@code send}, on this thread with one lane, else on a free lane (waiting for one). */
  void send(int index, Send send) throws InterruptedException {
    if (pool == null) {
      outcomes[index] = send.send();
      return;
    }
    free.acquire();
    pool.execute(() -> {
      try {
        outcomes[index] = send.send();
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (RuntimeException e) {
        broken.compareAndSet(null, e);
      } finally {
        free.release();
      }
    });
  }

  /** True when a lane was interrupted or failed: the run stops handing out letters. */
  boolean stopped() {
    return interrupted || broken.get() != null;
  }

  /**
   * Waits for every letter handed out to settle (a letter on the wire is never abandoned: its outcome is journaled);
   * {@code stop} interrupts the lanes that still wait for a rate-limit slot first.
   */
  void finish(boolean stop) {
    if (pool == null) {
      return;
    }
    if (stop) {
      pool.shutdownNow();
    } else {
      pool.shutdown();
    }
    boolean wasInterrupted = Thread.interrupted();
    try {
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // a lane is still on the wire; its deadline bounds this wait
      }
    } catch (InterruptedException e) {
      wasInterrupted = true;
      pool.shutdownNow();
    } finally {
      if (wasInterrupted || interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    RuntimeException e = broken.get();
    if (e != null) {
      throw e;
    }
  }

  /** A listener that hears one lane at a time (listeners are written for one delivering thread). */
  static ProgressListener serialized(ProgressListener l) {
    return new ProgressListener() {
      @Override
      public synchronized void started(int total, int toDeliver) {
        l.started(total, toDeliver);
      }

      @Override
      public synchronized void skipped(Letter letter, LetterStatus status) {
        l.skipped(letter, status);
      }

      @Override
      public synchronized void rendered(Letter letter, Rendition rendition) {
        l.rendered(letter, rendition);
      }

      @Override
      public synchronized void delivered(Letter letter, Receipt receipt) {
        l.delivered(letter, receipt);
      }

      @Override
      public synchronized void byPost(Letter letter, Rendition rendition) {
        l.byPost(letter, rendition);
      }

      @Override
      public synchronized void rewritten(Letter letter, Rendition rendition) {
        l.rewritten(letter, rendition);
      }

      @Override
      public synchronized void failed(Letter letter, DemarcheException failure, boolean willRetry) {
        l.failed(letter, failure, willRetry);
      }

      @Override
      public synchronized void waiting(Letter letter, String reason, java.time.Instant until) {
        l.waiting(letter, reason, until);
      }

      @Override
      public synchronized void finished(RunReport report) {
        l.finished(report);
      }
    };
  }
}
