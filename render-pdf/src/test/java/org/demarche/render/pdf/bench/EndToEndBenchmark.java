package org.demarche.render.pdf.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.demarche.core.bench.Contender;
import org.demarche.core.bench.PairedResult;
import org.demarche.core.bench.PairedRounds;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.ImportOptions;
import org.demarche.core.signatories.LegacyCsvSignatories;
import org.demarche.core.signatories.SaltKey;
import org.demarche.core.signatories.SignatoryImport;
import org.demarche.render.pdf.PdfRenderer;

/**
 * On demand, not a test: a campaign's co-signatory CSV of N generated rows (default 1,000,000) end to end,
 * import, list commitment, then the letter with its annex, timed as one operation, by {@link PairedRounds}:
 * the baseline is the old path ({@link LegacyCsvSignatories}, a frozen copy of the code before the one-pass
 * import: the commitment and both annex passes read and check the CSV again), the contender today's
 * {@link SignatoryImport}. Both commit with the same salts file and must print the same commitment. Prints
 * each round (with the load average), the paired table, and the median time of each step. Run with
 * -Xmx256m (see docs/signatories.md); {@code -Dbench.rounds=7 -Dbench.warmups=1} are the defaults. Arguments:
 * {@code N} rows, or {@code N one-pass K} to run today's path alone K times (for a profile).
 */
public final class EndToEndBenchmark {
  private final Path csv;
  private final Path dir;
  private final PdfRenderer pdf = PdfRenderer.defaults();
  private final Letter base = Fixtures.letterTo(Fixtures.osaka());
  private String commitment;

  private EndToEndBenchmark(Path dir, Path csv) {
    this.dir = dir;
    this.csv = csv;
  }

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    Path dir = Files.createTempDirectory("demarche-e2e-bench");
    Path csv = dir.resolve("signatories.csv");
    SignatoryBenchmark.writeCsv(csv, n);
    // One salts file for both sides, as on a campaign's second run: the same key, the same commitment.
    SaltKey.readOrCreate(SaltKey.fileBeside(csv));
    System.out.printf(Locale.ENGLISH, "%,d rows, %,.1f MB CSV; max heap %,d MB; %d cores; load %.2f%n", n,
        Files.size(csv) / 1e6, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
        PairedRounds.loadAverage());
    try {
      new EndToEndBenchmark(dir, csv).compare(n, args);
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  private void compare(long n, String[] args) throws Exception {
    EndToEndBenchmark b = this;
    Steps old = new Steps("old path");
    Steps onePass = new Steps("one pass");
    if (args.length > 2 && args[1].equals("one-pass")) {
      // For a profile of today's path alone: "N one-pass K" runs it K times, unpaired.
      for (int i = Integer.parseInt(args[2]); i > 0; i--) {
        b.endToEnd(onePass, () -> SignatoryImport.read(csv, ImportOptions.defaults()).signatories());
      }
      onePass.print();
      return;
    }
    String name = String.format(Locale.ENGLISH, "%,d co-signatories end to end (CSV, import, commitment, annex)", n);
    PairedResult r = PairedRounds.named(name)
        .budget(Contender.Budget.ofOps(1))
        .baseline("old path: import, commitment, annex each read the CSV",
            Contender.repeating(() -> b.endToEnd(old, () -> LegacyCsvSignatories.read(csv)), 1))
        .contender("one pass: import hashes leaves and keeps the annex rows",
            Contender.repeating(() -> b.endToEnd(onePass,
                () -> SignatoryImport.read(csv, ImportOptions.defaults()).signatories()), 1))
        .progressTo(System.out)
        .run();
    r.print(System.out);
    old.print();
    onePass.print();
  }

  /** How a side imports the list. */
  @FunctionalInterface
  interface Importer {
    CommittedSignatories read() throws Exception;
  }

  /** One operation: import, commitment, render the letter and its annex; records each step's time. */
  private void endToEnd(Steps steps, Importer importer) throws Exception {
    long t0 = System.nanoTime();
    CommittedSignatories list = importer.read();
    long t1 = System.nanoTime();
    String c = list.commitment().hex();
    long t2 = System.nanoTime();
    Letter letter = new Letter(base.id(), base.campaignId(), base.sender(), base.mission(), base.addressee(),
        base.language(), base.date(), base.dateLine(), base.subject(), base.salutation(), base.paragraphs(),
        base.closing(), base.signer(), list, Disclosure.FULL, false, base.replyTo());
    try (OutputStream o = Files.newOutputStream(dir.resolve("letter.pdf"))) {
      pdf.write(letter, o);
    }
    long t3 = System.nanoTime();
    synchronized (this) {
      if (commitment == null) {
        commitment = c;
      } else if (!commitment.equals(c)) {
        throw new IllegalStateException("the two paths give different commitments: " + commitment + " and " + c);
      }
    }
    steps.add(t1 - t0, t2 - t1, t3 - t2);
  }

  /** The time of each step, every operation (warm-up included). */
  private static final class Steps {
    private final String name;
    private final List<long[]> ops = new ArrayList<>();

    Steps(String name) {
      this.name = name;
    }

    void add(long importNanos, long commitNanos, long annexNanos) {
      ops.add(new long[] {importNanos, commitNanos, annexNanos, importNanos + commitNanos + annexNanos});
    }

    void print() {
      String[] what = {"import", "commitment", "letter + annex", "end to end"};
      StringBuilder out = new StringBuilder(name + ", median of " + ops.size() + " (warm-up included):");
      for (int k = 0; k < what.length; k++) {
        List<Long> v = new ArrayList<>();
        for (long[] op : ops) {
          v.add(op[k]);
        }
        Collections.sort(v);
        out.append(String.format(Locale.ENGLISH, " %s %.2f s (%.2f-%.2f)%s", what[k], v.get(v.size() / 2) / 1e9,
            v.get(0) / 1e9, v.get(v.size() - 1) / 1e9, k < what.length - 1 ? ";" : ""));
      }
      System.out.println(out);
    }
  }
}
