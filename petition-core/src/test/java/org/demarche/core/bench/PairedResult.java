package org.demarche.core.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@link PairedRounds} measured: every round (order, samples, load, busy or refused) and, per contender over
 * the rounds not refused, ops/s and the paired ratio of its time per op to the baseline's in the same round, each
 * as median and min–max. {@link #print} writes the table and one machine-readable line starting
 * {@value #MACHINE_PREFIX}.
 */
public record PairedResult(String name, List<String> contenders, List<Round> rounds, double maxLoad, int ownThreads,
    boolean refuseBusy, Contender.Budget budget) {

  /** The start of the machine-readable line (one JSON object follows it). */
  public static final String MACHINE_PREFIX = "#paired-rounds ";

  public PairedResult {
    contenders = List.copyOf(contenders);
    rounds = List.copyOf(rounds);
  }

  /** One round: its 1-based number, the order contenders ran in, their samples (declared order), its load. */
  public record Round(int number, int[] order, List<Contender.Sample> samples, double load, boolean busy,
      boolean refused) {
    public Round {
      order = order.clone();
      samples = List.copyOf(samples);
    }

    /** Contender {@code i}'s time per op over the baseline's in this round. */
    public double ratio(int i) {
      return samples.get(i).nanosPerOp() / samples.get(0).nanosPerOp();
    }
  }

  /** Median, min and max of a set of figures. */
  public record Spread(double median, double min, double max) {
    static Spread of(List<Double> values) {
      if (values.isEmpty()) {
        return new Spread(Double.NaN, Double.NaN, Double.NaN);
      }
      double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = s.length;
      double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
      return new Spread(median, s[0], s[n - 1]);
    }
  }

  /** The rounds that count (all but the refused). */
  public List<Round> counted() {
    return rounds.stream().filter(r -> !r.refused()).toList();
  }

  /** The counted rounds that were busy. */
  public long busyCounted() {
    return counted().stream().filter(Round::busy).count();
  }

  /** Contender {@code i}'s ops/s over the counted rounds. */
  public Spread opsPerSecond(int i) {
    return Spread.of(counted().stream().map(r -> r.samples().get(i).opsPerSecond()).toList());
  }

  /** Contender {@code i}'s paired time-per-op ratio to the baseline over the counted rounds (1 for the baseline). */
  public Spread ratio(int i) {
    return Spread.of(counted().stream().map(r -> r.ratio(i)).toList());
  }

  /** Contender {@code i}'s ratio over the counted rounds that were not busy (what a target may be claimed from). */
  public Spread quietRatio(int i) {
    return Spread.of(counted().stream().filter(r -> !r.busy()).map(r -> r.ratio(i)).toList());
  }

  /** Ratio for contender {@code contenderName}. */
  public Spread ratio(String contenderName) {
    return ratio(index(contenderName));
  }

  private int index(String contenderName) {
    int i = contenders.indexOf(contenderName);
    if (i < 0) {
      throw new IllegalArgumentException("no contender named " + contenderName + "; there are " + contenders);
    }
    return i;
  }

  static String roundLine(String name, List<String> names, Round r) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s round %d load %.2f%s:", name, r.number(),
        r.load(), r.refused() ? " REFUSED (busy)" : r.busy() ? " BUSY" : ""));
    for (int i : r.order()) {
      b.append(String.format(Locale.ROOT, " %s %.1f/s x%.3f;", names.get(i), r.samples().get(i).opsPerSecond(),
          r.ratio(i)));
    }
    return b.toString();
  }

  /** The plain table: rounds, then per contender ops/s and ratio as median [min–max]. */
  public String table() {
    StringBuilder b = new StringBuilder();
    long refused = rounds.size() - counted().size();
    b.append(String.format(Locale.ROOT, "== %s: %d rounds counted (%d busy, %d refused), budget %s a contender a"
        + " round, busy = 1-min load - %d own thread(s) > %.2f%n", name, counted().size(), busyCounted(), refused,
        budget.timed() ? budget.nanos() / 1_000_000 + " ms" : budget.ops() + " ops", ownThreads, maxLoad));
    b.append("round  load   order").append(System.lineSeparator());
    for (Round r : rounds) {
      b.append(String.format(Locale.ROOT, "%5d  %5.2f  %s%s%n", r.number(), r.load(),
          Arrays.toString(r.order()), r.refused() ? "  REFUSED (busy)" : r.busy() ? "  BUSY" : ""));
    }
    b.append(String.format(Locale.ROOT, "%-32s %24s %26s %26s%n", "contender", "ops/s median [min-max]",
        "time/op vs baseline", "same, quiet rounds only"));
    for (int i = 0; i < contenders.size(); i++) {
      Spread o = opsPerSecond(i);
      Spread q = ratio(i);
      Spread qq = quietRatio(i);
      b.append(String.format(Locale.ROOT, "%-32s %9.1f [%6.1f-%6.1f] %8.3fx [%.3f-%.3f] %8.3fx [%.3f-%.3f]%n",
          contenders.get(i) + (i == 0 ? " (baseline)" : ""), o.median(), o.min(), o.max(), q.median(), q.min(),
          q.max(), qq.median(), qq.min(), qq.max()));
    }
    return b.toString();
  }

  /** One line of JSON after {@link #MACHINE_PREFIX}: every summary figure and the per-round loads. */
  public String machineLine() {
    List<String> cs = new ArrayList<>();
    for (int i = 0; i < contenders.size(); i++) {
      cs.add("{\"name\":" + json(contenders.get(i)) + ",\"baseline\":" + (i == 0) + ",\"opsPerSecond\":"
          + json(opsPerSecond(i)) + ",\"ratio\":" + json(ratio(i)) + ",\"quietRatio\":" + json(quietRatio(i)) + "}");
    }
    List<String> loads = new ArrayList<>();
    for (Round r : rounds) {
      loads.add("{\"round\":" + r.number() + ",\"load\":" + num(r.load()) + ",\"busy\":" + r.busy()
          + ",\"refused\":" + r.refused() + "}");
    }
    return MACHINE_PREFIX + "{\"name\":" + json(name) + ",\"maxLoad\":" + num(maxLoad) + ",\"ownThreads\":"
        + ownThreads + ",\"refuseBusy\":" + refuseBusy + ",\"counted\":" + counted().size() + ",\"busy\":"
        + busyCounted() + ",\"rounds\":[" + String.join(",", loads) + "],\"contenders\":[" + String.join(",", cs)
        + "]}";
  }

  /** Prints {@link #table()} then {@link #machineLine()}. */
  public void print(PrintStream out) {
    out.print(table());
    out.println(machineLine());
    out.flush();
  }

  private static String json(Spread s) {
    return "{\"median\":" + num(s.median()) + ",\"min\":" + num(s.min()) + ",\"max\":" + num(s.max()) + "}";
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null";
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
