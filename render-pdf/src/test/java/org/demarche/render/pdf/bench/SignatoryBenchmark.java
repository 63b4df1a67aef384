package org.demarche.render.pdf.bench;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signatory;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.ImportOptions;
import org.demarche.core.signatories.ListCommitment;
import org.demarche.core.signatories.SignatoryImport;
import org.demarche.render.pdf.PdfRenderer;

/**
 * On demand, not a test: imports a generated CSV of N signatories (default 1,000,000), streams it,
 * computes its list commitment and renders one letter with its annex; prints the time of each step and
 * the heap in use. Run with -Xmx256m (see docs/signatories.md).
 */
public final class SignatoryBenchmark {
  private static final String[] FAMILY = {"Yamada", "Kim", "Tanaka", "Park", "Sato", "Lee", "山田", "Choi", "Nguyen", "Suzuki"};
  private static final String[] GIVEN = {"Hanako", "Min-ji", "Kenji", "花子", "Joon-ho", "Aiko", "Sora", "Taro"};
  private static final String[] CITY = {"Osaka", "Tokyo", "Seoul", "大阪", "Kobe", "Busan", "Sapporo", "Nagoya"};
  private static final String[] COUNTRY = {"JP", "JP", "JP", "KR", "KR", "US", "FR", ""};
  private static final String[] LEVEL = {"counted-only", "counted-only", "initials", "name-only", "full", ""};

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("demarche-signatories-bench");
    Path csv = dir.resolve("signatories.csv");
    writeCsv(csv, n);
    System.out.printf(Locale.ENGLISH, "%,d rows, %,.1f MB CSV; max heap %,d MB; %d cores%n", n,
        Files.size(csv) / 1e6, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    run(csv, n, rounds, dir);
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

  private static void run(Path csv, long n, int rounds, Path dir) throws Exception {
    List<Double> imports = new ArrayList<>();
    CommittedSignatories list = null;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      SignatoryImport.Imported in = SignatoryImport.read(csv, ImportOptions.defaults());
      double s = (System.nanoTime() - t0) / 1e9;
      imports.add(s);
      list = in.signatories();
      System.out.printf(Locale.ENGLISH, "import (check every row, duplicates, counts): %.2f s, %,.0f rows/s; %s%n", s,
          n / s, in.report().summary());
    }
    Collections.sort(imports);
    double median = imports.get(imports.size() / 2);
    System.out.printf(Locale.ENGLISH, "import median of %d: %.2f s = %,.0f rows/s%n", rounds, median, n / median);

    long t0 = System.nanoTime();
    long count;
    try (Stream<Signatory> s = list.stream()) {
      count = s.count();
    }
    double stream = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ENGLISH, "stream all signatories: %.2f s, %,.0f rows/s (%,d)%n", stream, count / stream, count);

    t0 = System.nanoTime();
    ListCommitment c = list.commitment();
    double commit = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ENGLISH, "list commitment (salts file created, salts, leaves, sort, tree): %.2f s; %s%n",
        commit, c);

    Letter base = Fixtures.letterTo(Fixtures.osaka());
    Letter letter = new Letter(base.id(), base.campaignId(), base.sender(), base.mission(), base.addressee(),
        base.language(), base.date(), base.dateLine(), base.subject(), base.salutation(), base.paragraphs(),
        base.closing(), base.signer(), list, Disclosure.FULL, false, base.replyTo());
    PdfRenderer pdf = PdfRenderer.defaults();
    Path out = dir.resolve("letter.pdf");
    t0 = System.nanoTime();
    try (OutputStream o = Files.newOutputStream(out)) {
      pdf.write(letter, o);
    }
    double render = (System.nanoTime() - t0) / 1e9;
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ENGLISH, "render letter + annex (tally, 2 streamed passes, commitment cached): %.2f s,"
        + " %,.1f MB PDF; heap in use after %,d MB%n", render, Files.size(out) / 1e6, (rt.totalMemory() - rt.freeMemory()) >> 20);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }
}
