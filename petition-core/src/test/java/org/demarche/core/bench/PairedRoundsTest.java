package org.demarche.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class PairedRoundsTest {

  /** A fake that logs its name and reports the next of its scripted nanos for 100 ops, spending no time. */
  private static Contender fake(String name, List<String> log, long... nanosPer100Ops) {
    AtomicLong call = new AtomicLong();
    return budget -> {
      log.add(name);
      long n = nanosPer100Ops[(int) Math.min(call.getAndIncrement(), nanosPer100Ops.length - 1)];
      return new Contender.Sample(100, n);
    };
  }

  private static DoubleSupplier loads(double... values) {
    Iterator<Double> it = java.util.Arrays.stream(values).boxed().iterator();
    return () -> it.hasNext() ? it.next() : 0.0;
  }

  private static PairedRounds quiet(String name) {
    return PairedRounds.named(name).warmups(0).maxLoad(1.5).refuseBusy(false).loadSource(() -> 0.1);
  }

  @Test
  void theOrderRotatesByOneEachRound() {
    assertThat(PairedRounds.order(3, 0)).containsExactly(0, 1, 2);
    assertThat(PairedRounds.order(3, 1)).containsExactly(1, 2, 0);
    assertThat(PairedRounds.order(3, 2)).containsExactly(2, 0, 1);
    assertThat(PairedRounds.order(3, 3)).containsExactly(0, 1, 2);
  }

  @Test
  void contendersRunInTheRotatedOrderSoTheBaselineIsNotAlwaysFirst() throws Exception {
    List<String> log = new ArrayList<>();
    quiet("rotation").rounds(3).baseline("A", fake("A", log, 10)).contender("B", fake("B", log, 10))
        .contender("C", fake("C", log, 10)).run();
    assertThat(log).containsExactly("A", "B", "C", "B", "C", "A", "C", "A", "B");
  }

  @Test
  void warmUpRoundsRunEveryContenderAndAreNotCounted() throws Exception {
    List<String> log = new ArrayList<>();
    PairedResult r = quiet("warm-up").warmups(2).rounds(1).baseline("A", fake("A", log, 999, 999, 100))
        .contender("B", fake("B", log, 999, 999, 50)).run();
    assertThat(log).containsExactly("A", "B", "B", "A", "A", "B");
    assertThat(r.rounds()).hasSize(1);
    assertThat(r.ratio("B").median()).isEqualTo(0.5);
  }

  @Test
  void theRatioIsPairedPerRoundThenSummarisedAsMedianMinAndMax() throws Exception {
    List<String> log = new ArrayList<>();
    // Base slows down in rounds 2 and 3 (a busy neighbour); the contender slows with it: the paired ratio holds.
    PairedResult r = quiet("ratio").rounds(4)
        .baseline("base", fake("base", log, 1000, 2000, 4000, 1000))
        .contender("fast", fake("fast", log, 500, 1000, 2400, 700)).run();
    assertThat(r.rounds()).extracting(x -> x.ratio(1)).containsExactly(0.5, 0.5, 0.6, 0.7);
    assertThat(r.ratio("fast")).isEqualTo(new PairedResult.Spread(0.55, 0.5, 0.7));
    assertThat(r.ratio("base")).isEqualTo(new PairedResult.Spread(1.0, 1.0, 1.0));
  }

  @Test
  void opsPerSecondComeFromEachRoundsOwnOpsAndWallTime() throws Exception {
    PairedResult r = quiet("rate").rounds(3).baseline("base", b -> new Contender.Sample(500, 1_000_000_000L))
        .contender("other", fake("other", new ArrayList<>(), 1_000_000_000L, 500_000_000L, 250_000_000L)).run();
    assertThat(r.opsPerSecond(0)).isEqualTo(new PairedResult.Spread(500, 500, 500));
    assertThat(r.opsPerSecond(1)).isEqualTo(new PairedResult.Spread(200, 100, 400));
  }

  @Test
  void roundsWhoseLoadExceedsTheThresholdAreMarkedBusyButCounted() throws Exception {
    List<String> log = new ArrayList<>();
    // Two reads per round (before, after); the higher counts.
    PairedResult r = quiet("busy").rounds(3).loadSource(loads(0.2, 0.4, 0.3, 1.6, 1.0, 1.2))
        .baseline("A", fake("A", log, 100, 100, 100)).contender("B", fake("B", log, 50, 100, 70)).run();
    assertThat(r.rounds()).extracting(PairedResult.Round::busy).containsExactly(false, true, false);
    assertThat(r.rounds()).extracting(PairedResult.Round::load).containsExactly(0.4, 1.6, 1.2);
    assertThat(r.counted()).hasSize(3);
    assertThat(r.busyCounted()).isEqualTo(1);
    assertThat(r.quietRatio(1)).isEqualTo(new PairedResult.Spread(0.6, 0.5, 0.7));
    assertThat(r.table()).contains("BUSY");
  }

  @Test
  void theBenchmarksOwnThreadsAreSubtractedBeforeComparingTheLoad() throws Exception {
    PairedResult r = quiet("own").rounds(2).ownThreads(2).loadSource(loads(3.4, 3.4, 3.6, 3.6))
        .baseline("A", b -> new Contender.Sample(1, 1)).contender("B", b -> new Contender.Sample(1, 1)).run();
    assertThat(r.rounds()).extracting(PairedResult.Round::busy).containsExactly(false, true);
  }

  @Test
  void refusedBusyRoundsAreRunAgainUntilEnoughQuietRoundsCount() throws Exception {
    List<String> log = new ArrayList<>();
    PairedResult r = quiet("refuse").rounds(2).refuseBusy(true).loadSource(loads(2, 2, 0, 0, 3, 3, 0, 0))
        .baseline("A", fake("A", log, 100, 100, 100, 100)).contender("B", fake("B", log, 10, 50, 10, 60)).run();
    assertThat(r.rounds()).extracting(PairedResult.Round::refused).containsExactly(true, false, true, false);
    assertThat(r.counted()).extracting(PairedResult.Round::number).containsExactly(2, 4);
    assertThat(r.ratio("B")).isEqualTo(new PairedResult.Spread(0.55, 0.5, 0.6));
  }

  @Test
  void refusingStopsAfterThreeTimesTheRoundsOnAMachineThatStaysBusy() throws Exception {
    PairedResult r = quiet("always busy").rounds(2).refuseBusy(true).loadSource(() -> 9)
        .baseline("A", b -> new Contender.Sample(1, 1)).contender("B", b -> new Contender.Sample(1, 1)).run();
    assertThat(r.rounds()).hasSize(6).allMatch(PairedResult.Round::refused);
    assertThat(r.counted()).isEmpty();
    assertThat(r.ratio(1).median()).isNaN();
    assertThat(r.machineLine()).contains("\"ratio\":{\"median\":null");
  }

  @Test
  void printWritesTheTableThenOneMachineReadableLine() throws Exception {
    PairedResult r = quiet("print \"me\"").rounds(1).baseline("A", b -> new Contender.Sample(200, 1_000_000_000L))
        .contender("B", b -> new Contender.Sample(100, 1_000_000_000L)).run();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("== print \"me\": 1 rounds counted (0 busy, 0 refused)");
    assertThat(lines).filteredOn(l -> l.startsWith("B ")).singleElement().asString().contains("2.000x");
    assertThat(lines.get(lines.size() - 1)).isEqualTo(PairedResult.MACHINE_PREFIX
        + "{\"name\":\"print \\\"me\\\"\",\"maxLoad\":1.5000,\"ownThreads\":0,\"refuseBusy\":false,\"counted\":1,"
        + "\"busy\":0,\"rounds\":[{\"round\":1,\"load\":0.1000,\"busy\":false,\"refused\":false}],\"contenders\":["
        + "{\"name\":\"A\",\"baseline\":true,\"opsPerSecond\":{\"median\":200.0000,\"min\":200.0000,\"max\":200.0000},"
        + "\"ratio\":{\"median\":1.0000,\"min\":1.0000,\"max\":1.0000},\"quietRatio\":{\"median\":1.0000,"
        + "\"min\":1.0000,\"max\":1.0000}},{\"name\":\"B\",\"baseline\":false,\"opsPerSecond\":{\"median\":100.0000,"
        + "\"min\":100.0000,\"max\":100.0000},\"ratio\":{\"median\":2.0000,\"min\":2.0000,\"max\":2.0000},"
        + "\"quietRatio\":{\"median\":2.0000,\"min\":2.0000,\"max\":2.0000}}]}");
  }

  @Test
  void theBaselineMustComeFirstAndHaveCompany() {
    assertThatThrownBy(() -> PairedRounds.named("x").contender("B", b -> null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseline first");
    assertThatThrownBy(() -> PairedRounds.named("x").baseline("A", b -> null).run())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one contender");
    assertThatThrownBy(() -> PairedRounds.named("x").baseline("A", b -> null).contender("A", b -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two contenders named A");
  }

  @Test
  void repeatingWithAnOpBudgetRunsExactlyThatManyOpsSplitOverItsThreads() throws Exception {
    AtomicLong done = new AtomicLong();
    Contender.Sample s = Contender.repeating(done::incrementAndGet, 3).run(Contender.Budget.ofOps(1_000));
    assertThat(done.get()).isEqualTo(1_000);
    assertThat(s.ops()).isEqualTo(1_000);
  }

  @Test
  void repeatingWithADurationRunsAtLeastThatLong() throws Exception {
    AtomicLong done = new AtomicLong();
    Contender.Sample s = Contender.repeating(done::incrementAndGet, 2).run(Contender.Budget.ofMillis(20));
    assertThat(s.nanos()).isGreaterThanOrEqualTo(20_000_000L);
    assertThat(s.ops()).isEqualTo(done.get()).isPositive();
  }

  @Test
  void aBudgetIsADurationOrAnOpCountNeverBothOrNeither() {
    assertThatThrownBy(() -> new Contender.Budget(1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Contender.Budget(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Contender.Sample(4, 2_000).nanosPerOp()).isCloseTo(500.0, within(1e-9));
  }

  @Test
  void theLoadAverageIsTheFirstFigureOfProcLoadavg() throws Exception {
    java.nio.file.Path proc = java.nio.file.Path.of("/proc/loadavg");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(proc), "no /proc/loadavg here");
    double l = PairedRounds.loadAverage();
    assertThat(l).isFinite().isGreaterThanOrEqualTo(0);
  }
}
