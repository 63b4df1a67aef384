package org.demarche.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One side of a {@link PairedRounds} comparison: given a budget for one round (a duration or an op count), it
 * does its work and reports how many operations it completed in how many nanoseconds of wall time. Tests use
 * fakes that report figures without spending them; real benchmarks use {@link #repeating(Op, int)}.
 */
@FunctionalInterface
public interface Contender {

  /** Runs one round within {@code budget} and says what it did. */
  Sample run(Budget budget) throws Exception;

  /** One operation of a benchmark (render one letter, look up one place ...). */
  @FunctionalInterface
  interface Op {
    void run() throws Exception;
  }

  /** What a contender did in one round: {@code ops} operations in {@code nanos} of wall time, both positive. */
  record Sample(long ops, long nanos) {
    public Sample {
      if (ops <= 0 || nanos <= 0) {
        throw new IllegalArgumentException("a sample needs ops > 0 and nanos > 0, not " + ops + " / " + nanos);
      }
    }

    /** Nanoseconds of wall time per operation. */
    public double nanosPerOp() {
      return (double) nanos / ops;
    }

    /** Operations per second of wall time (across all threads of the contender). */
    public double opsPerSecond() {
      return ops * 1e9 / nanos;
    }
  }

  /** A round's budget: run for {@code nanos} of wall time, or (when {@code ops > 0}) exactly {@code ops} ops. */
  record Budget(long nanos, long ops) {
    public Budget {
      if ((nanos > 0) == (ops > 0)) {
        throw new IllegalArgumentException("a budget is a duration or an op count, exactly one positive");
      }
    }

    public static Budget ofMillis(long millis) {
      return new Budget(millis * 1_000_000L, 0);
    }

    public static Budget ofOps(long ops) {
      return new Budget(0, ops);
    }

    boolean timed() {
      return nanos > 0;
    }
  }

  /**
   * Repeats {@code op} on {@code threads} threads for the round's budget (an op budget is split evenly over
   * the threads) and reports the total ops over the wall time from start to the last thread's end.
   */
  static Contender repeating(Op op, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    return budget -> {
      if (threads == 1) {
        long start = System.nanoTime();
        long n = loop(op, budget, start, budget.ops());
        return new Sample(n, System.nanoTime() - start);
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        long start = System.nanoTime();
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long share = budget.ops() / threads + (t < budget.ops() % threads ? 1 : 0);
          counts.add(pool.submit(() -> loop(op, budget, start, share)));
        }
        long total = 0;
        for (Future<Long> f : counts) {
          total += f.get();
        }
        return new Sample(total, System.nanoTime() - start);
      } finally {
        pool.shutdownNow();
      }
    };
  }

  private static long loop(Op op, Budget budget, long start, long share) throws Exception {
    long n = 0;
    if (budget.timed()) {
      long end = start + budget.nanos();
      do {
        op.run();
        n++;
      } while (System.nanoTime() < end);
    } else {
      for (; n < share; n++) {
        op.run();
      }
    }
    return n;
  }
}
