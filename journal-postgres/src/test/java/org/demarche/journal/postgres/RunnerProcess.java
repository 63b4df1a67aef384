package org.demarche.journal.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.demarche.core.CampaignRunner;
import org.demarche.core.RunReport;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MissionKind;
import org.demarche.core.testing.TextRenderer;

/** A runner in a process of its own, on one campaign in PostgreSQL, delivering into a {@link LedgerChannel}. */
final class RunnerProcess {
  private RunnerProcess() {}

  /** {@code url letters ledger leaseMs delayMs}: runs the campaign of that many letters, then exits 0. */
  public static void main(String[] args) {
    try (PostgresJournals journals = PostgresJournals.connect(args[0], TestDatabase.ENV);
        PostgresJournal journal = journals.open("test-campaign", "ledger", Duration.ofMillis(Long.parseLong(args[3])))) {
      RunReport report = CampaignRunner.builder(new TextRenderer(), new LedgerChannel(Path.of(args[2]),
          Long.parseLong(args[4])), journal).renderThreads(1).build().run(letters(Integer.parseInt(args[1])));
      System.out.println("runner " + journal.runner() + " settled " + report.outcomes().size() + " letters");
    }
    System.exit(0);
  }

  /** {@code n} letters of campaign test-campaign, to missions m-0000, m-0001, … (each with an email). */
  static List<Letter> letters(int n) {
    List<Letter> letters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("m-%04d", i);
      letters.add(Fixtures.letterTo(Fixtures.mission(id, MissionKind.CONSULATE_GENERAL, "Consulate " + id, "Osaka",
          List.of("3-9-2 Utsubohonmachi, Nishi-ku"), "550-0004", "JP-27", Optional.of(id + "@consulate.example.org"),
          new Coordinate(34.68, 135.48), Set.of("JP-27"))));
    }
    return letters;
  }

  /** Starts a runner process on the campaign in {@code schema}. */
  static Process start(String schema, int letters, Path ledger, long leaseMs, long delayMs) throws java.io.IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RunnerProcess.class.getName(), TestDatabase.url(schema),
        String.valueOf(letters), ledger.toString(), String.valueOf(leaseMs), String.valueOf(delayMs))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  static void await(Process p) throws InterruptedException {
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("a runner process did not finish within 300 s");
    }
  }
}
