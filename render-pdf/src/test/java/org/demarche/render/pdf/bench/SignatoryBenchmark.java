package org.demarche.render.pdf.bench;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.BufferedReader;
import java.util.Locale;
import java.util.stream.Stream;
import org.demarche.core.bench.Contender;
import org.demarche.core.bench.PairedResult;
import org.demarche.core.bench.PairedRounds;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.ImportOptions;
import org.demarche.core.signatories.SignatoryImport;
import org.demarche.render.pdf.PdfRenderer;

/**
 * On demand, not a test: generates a CSV of N signatories (default 1,000,000), then by {@link PairedRounds}
 * (one op a contender a round, rotated, paired to reading the file's lines) times the import, the import with
 * the list commitment, and the whole way to a letter with its annex; prints the heap in use. Run with -Xmx256m
 * (see docs/signatories.md); arguments: N [rounds].
 */
public final class SignatoryBenchmark {
  private static final String[] FAMILY = {"Yamada", "Kim", "Tanaka", "Park", "Sato", "Lee", "山田", "Choi", "Nguyen", "Suzuki"};
  private static final String[] GIVEN = {"Hanako", "Min-ji", "Kenji", "花子", "Joon-ho", "Aiko", "Sora", "Taro"};
  private static final String[] CITY = {"Osaka", "Tokyo", "Seoul", "大阪", "Kobe", "Busan", "Sapporo", "Nagoya"};
  private static final String[] COUNTRY = {"JP", "JP", "JP", "KR", "KR", "US", "FR", ""};
  private static final String[] LEVEL = {"counted-only", "counted-only", "initials", "name-only", "full", ""};

  /** One op a round: these steps take seconds each. */
  private static Contender once(Contender.Op op) {
    return Contender.repeating(op, 1);
  }

  private static CommittedSignatories imported(Path csv, long n) throws java.io.IOException {
    SignatoryImport.Imported in = SignatoryImport.read(csv, ImportOptions.defaults());
    if (in.report().imported() != n) {
      throw new IllegalStateException("imported " + in.report().summary());
    }
    return in.signatories();
  }

  private static Letter letterWith(CommittedSignatories list) {
    Letter base = Fixtures.letterTo(Fixtures.osaka());
    return new Letter(base.id(), base.campaignId(), base.sender(), base.mission(), base.addressee(),
        base.language(), base.date(), base.dateLine(), base.subject(), base.salutation(), base.paragraphs(),
        base.closing(), base.signer(), list, Disclosure.FULL, false, base.replyTo());
  }

  /**
   * Writes {@code n} generated signatories: a BOM, Japanese and Korean names, quoted newlines in 1% of the
   * rows, two thirds with an email, every level of disclosure.
   */
  static void writeCsv(Path csv, long n) throws java.io.IOException {
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("\uFEFFname,kind,organization,city,country,email,signedAt,disclosure,note\n");
      for (long i = 0; i < n; i++) {
        int k = (int) (i % 9973);
        w.write(GIVEN[k % GIVEN.length] + " " + FAMILY[k % FAMILY.length] + " " + i);
        w.write(i % 50 == 0 ? ",organization,," : ",person,,");
        w.write(CITY[k % CITY.length] + "," + COUNTRY[k % COUNTRY.length] + ",");
        w.write(i % 3 == 0 ? "" : "person" + i + "@example.org");
        w.write(",2026-09-" + (1 + k % 20 < 10 ? "0" : "") + (1 + k % 20) + "," + LEVEL[k % LEVEL.length]);
        w.write(i % 100 == 0 ? ",\"a note, with a comma\nand a second line\"\n" : ",\n");
      }
    }
  }

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 && args[0].matches("\\d+") ? Long.parseLong(args[0]) : 1_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("demarche-signatories-bench");
    Path csv = dir.resolve("signatories.csv");
    writeCsv(csv, n);
    System.out.printf(Locale.ENGLISH, "%,d rows, %,.1f MB CSV; max heap %,d MB; %d cores%n", n,
        Files.size(csv) / 1e6, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

    Path salts = dir.resolve("signatories.csv.salts");
    Path out = dir.resolve("letter.pdf");
    PdfRenderer pdf = PdfRenderer.defaults();
    PairedRounds bench = PairedRounds.named(String.format(Locale.ENGLISH, "%,d co-signatories", n))
        .budget(Contender.Budget.ofOps(1)).progressTo(System.out).ownThreads(1)
        .baseline("read the CSV's lines (no parsing)", once(() -> {
          try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            if (r.lines().count() < n) {
              throw new IllegalStateException("short CSV");
            }
          }
        }))
        .contender("import (every row checked, duplicates, counts)", once(() -> imported(csv, n)))
        .contender("import + list commitment", once(() -> {
          Files.deleteIfExists(salts); // each round creates the salts file, as a first run does
          imported(csv, n).commitment();
        }))
        .contender("import + commitment + letter with annex", once(() -> {
          Files.deleteIfExists(salts);
          CommittedSignatories list = imported(csv, n);
          list.commitment();
          try (OutputStream o = Files.newOutputStream(out)) {
            pdf.write(letterWith(list), o);
          }
        }));
    if (args.length > 1 && args[1].matches("\\d+")) {
      bench.rounds(Integer.parseInt(args[1]));
    }
    PairedResult result = bench.run();
    result.print(System.out);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ENGLISH, "annex PDF %,.1f MB; heap in use after %,d MB%n", Files.size(out) / 1e6,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }
}
