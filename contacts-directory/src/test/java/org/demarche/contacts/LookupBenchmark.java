package org.demarche.contacts;

import java.util.List;
import java.util.Locale;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Place;
import org.demarche.core.spi.ContactDirectory;

/**
 * Times lookups over the whole bundled directory (run on demand, not in the build):
 * {@code mvn -q -pl contacts-directory exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.demarche.contacts.LookupBenchmark}
 */
public final class LookupBenchmark {
  private LookupBenchmark() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    ContactDirectory d = ContactDirectories.bundled();
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(Locale.ROOT, "first use (parse %d missions + 47 prefectures): %d ms%n", d.missions().size(), loadMs);
    List<Place> places = List.of(Place.at("JP", new Coordinate(39.72, 140.10)), Place.region("JP-27"),
        Place.at("KR", new Coordinate(35.1796, 129.0756)), Place.at("GB", new Coordinate(51.5074, -0.1278)),
        Place.at("CA", new Coordinate(43.6532, -79.3832)), Place.at("BH", new Coordinate(26.22, 50.59)));
    List<String> texts = List.of("osaka", "大阪", "consulate toronto", "Düsseldorf", "no such place");
    for (int round = 0; round < 3; round++) {
      System.out.printf(Locale.ROOT, "round %d: servingMission %.2f µs/op, search %.2f µs/op, byId %.3f µs/op%n",
          round + 1, time(() -> {
            int n = 0;
            for (Place p : places) {
              n += d.servingMission("CN", p).isPresent() ? 1 : 0;
            }
            return n;
          }, places.size()), time(() -> {
            int n = 0;
            for (String t : texts) {
              n += d.search(t).size();
            }
            return n;
          }, texts.size()), time(() -> d.byId("cn-cg-jp-osaka").isPresent() ? 1 : 0, 1));
    }
  }

  private static volatile int sink;

  private static double time(java.util.function.IntSupplier op, int opsPerCall) {
    int warm = 20_000;
    for (int i = 0; i < warm; i++) {
      sink += op.getAsInt();
    }
    int calls = 100_000;
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      sink += op.getAsInt();
    }
    return (System.nanoTime() - start) / 1_000.0 / calls / opsPerCall;
  }
}
