package org.demarche.contacts;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.demarche.core.bench.Contender;
import org.demarche.core.bench.PairedResult;
import org.demarche.core.bench.PairedRounds;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Place;
import org.demarche.core.spi.MissionQuery;

/**
 * Times lookups over the whole bundled directory by {@link PairedRounds} (run on demand, not in the build):
 * {@code mvn -B -q -o -pl contacts-directory -am test-compile exec:java} (options -Dbench.rounds, bench.millis,
 * bench.maxLoad, bench.refuseBusy). Two comparisons: lookups, paired to {@code servingMission("CN", Toronto)}
 * in the PRC data that was the whole directory before every state was bundled; and loading, paired to parsing
 * the PRC layers (the start-up cost of {@code bundled()}).
 */
public final class LookupBenchmark {
  /** Lookups an op, so that the clock is read far less often than a lookup takes. */
  private static final int BATCH = 100;
  private static volatile int sink;

  private LookupBenchmark() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    MissionDirectory d = ContactDirectories.bundled();
    System.out.printf(Locale.ROOT, "first use (parse %d missions + 47 prefectures): %d ms%n", d.missions().size(),
        (System.nanoTime() - t0) / 1_000_000);
    List<Place> places = List.of(Place.at("JP", new Coordinate(39.72, 140.10)), Place.region("JP-27"),
        Place.at("KR", new Coordinate(35.1796, 129.0756)), Place.at("GB", new Coordinate(51.5074, -0.1278)),
        Place.at("CA", new Coordinate(43.6532, -79.3832)), Place.at("BH", new Coordinate(26.22, 50.59)));
    List<String> texts = List.of("osaka", "大阪", "consulate toronto", "Düsseldorf", "no such place");
    Place toronto = Place.at("CA", new Coordinate(43.65, -79.38));
    Place bonn = Place.at("DE", new Coordinate(50.73, 7.10));
    d.servingMission("RU", bonn); // Russia's missions load on first use; that cost is timed below
    PairedResult lookups = PairedRounds.named("lookups (" + BATCH + " an op)").ownThreads(1).progressTo(System.out)
        .baseline("servingMission CN, Toronto", batch(i -> d.servingMission("CN", toronto).isPresent() ? 1 : 0))
        .contender("servingMission RU, Bonn", batch(i -> d.servingMission("RU", bonn).isPresent() ? 1 : 0))
        .contender("servingMission CN, mix of 6", batch(i -> d.servingMission("CN", places.get(i % 6)).isPresent()
            ? 1 : 0))
        .contender("search, mix of 5", batch(i -> d.search(texts.get(i % 5)).size()))
        .contender("find US in JP", batch(i -> d.find(MissionQuery.all().sendingState("US").hostCountry("JP")).size()))
        .contender("byId", batch(i -> d.byId("cn-cg-jp-osaka").isPresent() ? 1 : 0))
        .run();
    lookups.print(System.out);
    for (int i = 0; i < lookups.contenders().size(); i++) {
      System.out.printf(Locale.ROOT, "%-32s %8.3f µs a lookup (median)%n", lookups.contenders().get(i),
          1e6 / lookups.opsPerSecond(i).median() / BATCH);
    }
    Path data = Path.of(LookupBenchmark.class.getResource("/org/demarche/contacts/data").toURI());
    PairedRounds.named("loading").ownThreads(1).progressTo(System.out).budget(Contender.Budget.ofOps(5))
        .baseline("PRC layers (bundled() start-up)", Contender.repeating(() -> sink += ContactDirectories.open(
            List.of("prc-worldwide.json", "prc-japan.json", "corrections.json"), data).missions().size(), 1))
        .contender("one further state (RU)", Contender.repeating(
            () -> sink += ContactDirectories.fromFile(data.resolve("world/ru.csv")).missions().size(), 1))
        .run().print(System.out);
  }

  private static Contender batch(java.util.function.IntUnaryOperator lookup) {
    return Contender.repeating(() -> {
      int n = 0;
      for (int i = 0; i < BATCH; i++) {
        n += lookup.applyAsInt(i);
      }
      sink += n;
    }, 1);
  }
}
