package org.demarche.core.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * A benchmark method a reader can trust: named contenders (the first is the baseline) run for N rounds after a
 * warm-up, in an order rotated every round so that none always runs first (or right after the JIT, the GC or a
 * neighbour's burst); each round yields, per contender, ops/s and the <em>paired</em> ratio of its time per op
 * to the baseline's in the same round, so slow rounds slow both sides and cancel. The 1-minute load average is
 * read before and after every round; a round whose load, less the benchmark's own busy threads, exceeds the
 * threshold is marked busy, or refused (not counted, run again, up to 3N rounds in all).
 *
 * <pre>{@code
 * PairedResult r = PairedRounds.named("render, 1 thread").ownThreads(1)
 *     .baseline("bare PDFBox", Contender.repeating(() -> bare.render(letter), 1))
 *     .contender("Demarche", Contender.repeating(() -> demarche.render(letter), 1))
 *     .run();
 * r.print(System.out);
 * }</pre>
 *
 * <p>Defaults (each can be set by a system property, so that a documented command can change it with -D):
 * 7 rounds ({@code bench.rounds}), 1 warm-up round ({@code bench.warmups}), 2,000 ms a contender a round
 * ({@code bench.millis}), load threshold 1.5 ({@code bench.maxLoad}), busy rounds marked, not refused
 * ({@code bench.refuseBusy=true} to refuse them).
 */
public final class PairedRounds {
  private final String name;
  private final Map<String, Contender> contenders = new LinkedHashMap<>();
  private int rounds = Integer.getInteger("bench.rounds", 7);
  private int warmups = Integer.getInteger("bench.warmups", 1);
  private Contender.Budget budget = Contender.Budget.ofMillis(Long.getLong("bench.millis", 2_000L));
  private double maxLoad = Double.parseDouble(System.getProperty("bench.maxLoad", "1.5"));
  private boolean refuseBusy = Boolean.getBoolean("bench.refuseBusy");
  private int ownThreads;
  private DoubleSupplier load = PairedRounds::loadAverage;
  private PrintStream progress;

  private PairedRounds(String name) {
    this.name = name;
  }

  /** A new comparison called {@code name} (it heads the table and the machine-readable line). */
  public static PairedRounds named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a benchmark needs a name");
    }
    return new PairedRounds(name);
  }

  /** The contender every other is compared with; it must be added first. */
  public PairedRounds baseline(String contenderName, Contender c) {
    if (!contenders.isEmpty()) {
      throw new IllegalStateException("the baseline must be the first contender");
    }
    return add(contenderName, c);
  }

  /** Another contender, compared with the baseline round by round. */
  public PairedRounds contender(String contenderName, Contender c) {
    if (contenders.isEmpty()) {
      throw new IllegalStateException("add the baseline first");
    }
    return add(contenderName, c);
  }

  private PairedRounds add(String contenderName, Contender c) {
    if (contenders.putIfAbsent(contenderName, c) != null) {
      throw new IllegalArgumentException("two contenders named " + contenderName);
    }
    return this;
  }

  public PairedRounds rounds(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, not " + n);
    }
    rounds = n;
    return this;
  }

  public PairedRounds warmups(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("warm-up rounds cannot be negative: " + n);
    }
    warmups = n;
    return this;
  }

  /** Each contender's share of a round: a duration or an op count. */
  public PairedRounds budget(Contender.Budget b) {
    budget = b;
    return this;
  }

  /** Rounds whose load average (less {@link #ownThreads}) exceeds {@code threshold} are busy. */
  public PairedRounds maxLoad(double threshold) {
    maxLoad = threshold;
    return this;
  }

  /** Refuse busy rounds (run others instead, up to 3x the rounds in all) rather than mark them. */
  public PairedRounds refuseBusy(boolean refuse) {
    refuseBusy = refuse;
    return this;
  }

  /**
   * Threads the benchmark itself keeps busy (a 2-thread render adds ~2 to the load average it reads); they are
   * subtracted before comparing with the threshold. Default 0: the load is compared as read.
   */
  public PairedRounds ownThreads(int n) {
    ownThreads = n;
    return this;
  }

  /** Where the load average comes from (default /proc/loadavg; tests give a fake). */
  public PairedRounds loadSource(DoubleSupplier source) {
    load = source;
    return this;
  }

  /** Prints one line per round as it ends (long benchmarks should show they are alive). */
  public PairedRounds progressTo(PrintStream out) {
    progress = out;
    return this;
  }

  /** The order of contenders (indexes into the declared list) in round {@code round} (0-based): rotated. */
  static int[] order(int contenderCount, int round) {
    int[] o = new int[contenderCount];
    for (int i = 0; i < contenderCount; i++) {
      o[i] = (round + i) % contenderCount;
    }
    return o;
  }

  /** Runs warm-up then the rounds; returns the per-round samples and their summary. */
  public PairedResult run() throws Exception {
    if (contenders.size() < 2) {
      throw new IllegalStateException("a comparison needs a baseline and at least one contender");
    }
    List<String> names = List.copyOf(contenders.keySet());
    List<Contender> cs = List.copyOf(contenders.values());
    for (int w = 0; w < warmups; w++) {
      for (int i : order(cs.size(), w)) {
        cs.get(i).run(budget);
      }
    }
    List<PairedResult.Round> done = new ArrayList<>();
    int accepted = 0;
    for (int r = 0; accepted < rounds && r < (refuseBusy ? 3 * rounds : rounds); r++) {
      double before = load.getAsDouble();
      int[] order = order(cs.size(), r);
      Contender.Sample[] samples = new Contender.Sample[cs.size()];
      for (int i : order) {
        samples[i] = cs.get(i).run(budget);
      }
      double l = Math.max(before, load.getAsDouble());
      boolean busy = l - ownThreads > maxLoad;
      PairedResult.Round round = new PairedResult.Round(r + 1, order, List.of(samples), l, busy,
          busy && refuseBusy);
      done.add(round);
      accepted += round.refused() ? 0 : 1;
      if (progress != null) {
        progress.println(PairedResult.roundLine(name, names, round));
      }
    }
    return new PairedResult(name, names, done, maxLoad, ownThreads, refuseBusy, budget);
  }

  /** The 1-minute load average from /proc/loadavg, or NaN where there is none (never marks a round busy). */
  public static double loadAverage() {
    try {
      String s = Files.readString(Path.of("/proc/loadavg"));
      return Double.parseDouble(s.substring(0, s.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
