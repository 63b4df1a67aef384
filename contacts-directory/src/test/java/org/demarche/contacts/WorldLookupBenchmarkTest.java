package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Place;
import org.junit.jupiter.api.Test;

/**
 * Start-up and lookup cost of the worldwide data, each printed as a ratio to a baseline measured in the same run
 * (the PRC-only data of before issue 14), so that the figures in the README do not depend on the machine.
 */
class WorldLookupBenchmarkTest {
  private static final Path DATA = Path.of("src/main/resources/org/demarche/contacts/data");
  private static volatile int sink;

  @Test
  void loadingOneStateOnFirstUseCostsAboutAsMuchAsThePrcDataAndLookupsStayInMicroseconds() throws IOException {
    double prcMs = bestOf(() -> ContactDirectories.open(List.of("prc-worldwide.json", "prc-japan.json",
        "corrections.json"), DATA).missions().size());
    double ruMs = bestOf(() -> ContactDirectories.fromFile(DATA.resolve("world/ru.csv")).missions().size());
    List<Path> states;
    try (Stream<Path> s = Files.list(DATA.resolve("world"))) {
      states = s.filter(p -> !p.getFileName().toString().equals("index.csv")).sorted().toList();
    }
    long t0 = System.nanoTime();
    int all = 0;
    for (Path p : states) {
      all += ContactDirectories.fromFile(p).missions().size();
    }
    double allMs = (System.nanoTime() - t0) / 1e6;

    MissionDirectory d = ContactDirectories.bundled();
    d.servingMission("RU", Place.at("DE", new Coordinate(50.73, 7.10)));
    double cnUs = micros(() -> d.servingMission("CN", Place.at("CA", new Coordinate(43.65, -79.38))).isPresent() ? 1 : 0);
    double ruUs = micros(() -> d.servingMission("RU", Place.at("DE", new Coordinate(50.73, 7.10))).isPresent() ? 1 : 0);
    double findUs = micros(() -> d.find(org.demarche.core.spi.MissionQuery.all().sendingState("US").hostCountry("JP"))
        .size());

    System.out.printf(Locale.ROOT, "baseline: PRC data (%d missions) parsed in %.1f ms%n",
        d.missions().size(), prcMs);
    System.out.printf(Locale.ROOT, "one state on first use (RU): %.1f ms = %.2f x baseline%n", ruMs, ruMs / prcMs);
    System.out.printf(Locale.ROOT, "every state at once (%d missions in %d files): %.0f ms = %.1f x baseline%n", all,
        states.size(), allMs, allMs / prcMs);
    System.out.printf(Locale.ROOT, "servingMission CN/CA %.2f us (baseline), RU/DE %.2f us = %.2f x; find US in JP"
        + " %.2f us%n", cnUs, ruUs, ruUs / cnUs, findUs);
    assertThat(ruUs).isLessThan(100);
    assertThat(ruMs).isLessThan(allMs);
  }

  private static double bestOf(IntSupplier op) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      sink += op.getAsInt();
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
    }
    return best;
  }

  private static double micros(IntSupplier op) {
    for (int i = 0; i < 10_000; i++) {
      sink += op.getAsInt();
    }
    int n = 20_000;
    long t = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink += op.getAsInt();
    }
    return (System.nanoTime() - t) / 1e3 / n;
  }
}
