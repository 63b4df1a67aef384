package org.demarche.render.pdf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signatories;
import org.demarche.core.contract.Fixtures;
import org.demarche.render.pdf.PdfOptions;
import org.demarche.render.pdf.PdfRenderer;
import org.demarche.render.pdf.Previews;

/**
 * On-demand benchmark (never run by the build). Modes:
 * {@code compare}: one-page letters per second, bare-PDFBox baseline vs Demarche without and with
 * PDF/A, on 1 and 2 threads, three rounds, medians printed;
 * {@code million}: a letter with 1,000,000 co-signatories (run it with -Xmx256m);
 * {@code preview FILE.png}: page 1 of the sample letter to the Osaka consulate-general as PNG.
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "compare";
    switch (mode) {
      case "compare" -> compare();
      case "million" -> million(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L);
      case "preview" -> java.nio.file.Files.write(java.nio.file.Path.of(args[1]),
          Previews.firstPagePng(PdfRenderer.defaults().render(sampleLetter()), 110));
      default -> throw new IllegalArgumentException("mode must be compare, million or preview, not " + mode);
    }
  }

  static final String PARAGRAPH = "On 24 September 1982 the People’s Republic of China acceded to the 1951"
      + " Convention relating to the Status of Refugees and its 1967 Protocol — a date we mark every year as"
      + " “World Save North Korean Refugees Day”. We respectfully ask that North Koreans who have fled to China"
      + " be treated as the Convention requires: not returned to a country where they face persecution, and"
      + " allowed to reach a third country of their choosing, as so many have asked before us.";

  /** A one-page letter of about 450 words to the Osaka consulate-general. */
  static Letter sampleLetter() {
    Letter l = Fixtures.letterTo(Fixtures.osaka());
    return new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), l.language(), l.date(),
        l.dateLine(), l.subject(), l.salutation(), List.of(PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH),
        l.closing(), l.signer(), Signatories.none(), Disclosure.FULL, false, l.replyTo());
  }

  static void compare() throws Exception {
    Letter letter = sampleLetter();
    PdfRenderer plain = PdfRenderer.create(PdfOptions.defaults().withPdfA(false));
    PdfRenderer pdfa = PdfRenderer.defaults();
    if (PdfText.pageCount(plain.render(letter).content()) != 1) {
      throw new IllegalStateException("the benchmark letter must fit one page");
    }
    List<String> names = List.of("baseline (bare PDFBox)", "Demarche, PDF/A off", "Demarche, PDF/A-2b");
    List<Function<Letter, byte[]>> variants = List.of(BaselineLetter::render, l -> plain.render(l).content(),
        l -> pdfa.render(l).content());
    for (int threads : new int[] {1, 2}) {
      List<List<Double>> rates = new ArrayList<>();
      for (int v = 0; v < variants.size(); v++) {
        rates.add(new ArrayList<>());
        run(variants.get(v), letter, threads, 2_000); // warm-up
      }
      for (int round = 0; round < 3; round++) {
        for (int v = 0; v < variants.size(); v++) {
          rates.get(v).add(run(variants.get(v), letter, threads, 4_000));
        }
      }
      double base = median(rates.get(0));
      System.out.printf(Locale.ROOT, "%d thread(s):%n", threads);
      for (int v = 0; v < variants.size(); v++) {
        double m = median(rates.get(v));
        System.out.printf(Locale.ROOT, "  %-24s %7.1f letters/s  %6.2f ms/letter  %.2fx baseline time  rounds %s%n",
            names.get(v), m, 1000.0 * threads / m, base / m, fmt(rates.get(v)));
      }
      System.out.printf(Locale.ROOT, "  PDF/A cost: %+.1f%%%n", 100.0 * (median(rates.get(1)) / median(rates.get(2)) - 1));
    }
    System.out.printf(Locale.ROOT, "sizes: baseline %d B, Demarche %d B, PDF/A %d B%n",
        BaselineLetter.render(letter).length, plain.render(letter).size(), pdfa.render(letter).size());
    scripts(pdfa);
  }

  static final String JAPANESE = "1982年9月24日、中華人民共和国は1951年の「難民の地位に関する条約」および1967年の"
      + "「難民の地位に関する議定書」に加入し、迫害を逃れる人々に対して国際社会が共に負う責務を引き受けられました。"
      + "中国に渡る北朝鮮の人々の多くは、同条約にいう難民に当たります。送還された人々は、投獄や拷問、"
      + "場合によっては処刑に直面しています。";

  static final String ARABIC = "في 24 سبتمبر 1982 انضمت جمهورية الصين الشعبية إلى اتفاقية عام 1951 الخاصة بوضع"
      + " اللاجئين وبروتوكولها لعام 1967، ونطلب باحترام وقف الإعادة القسرية للاجئين الكوريين الشماليين والسماح"
      + " لهم بالمرور الآمن إلى بلد ثالث يختارونه، كما طلب كثيرون قبلنا.";

  /** The sample letter with its four paragraphs in another language and script. */
  static Letter inScript(String language, String paragraph) {
    Letter l = sampleLetter();
    return new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), language, l.date(),
        l.dateLine(), l.subject(), l.salutation(), List.of(paragraph, paragraph, paragraph, paragraph), l.closing(),
        l.signer(), Signatories.none(), Disclosure.FULL, false, l.replyTo());
  }

  /** One-thread rates of one-page Japanese and Arabic letters (PDF/A-2b), beside the Latin ones above. */
  static void scripts(PdfRenderer pdfa) throws Exception {
    for (Letter l : List.of(inScript("ja", JAPANESE), inScript("ar", ARABIC))) {
      Function<Letter, byte[]> render = x -> pdfa.render(x).content();
      run(render, l, 1, 2_000);
      List<Double> rates = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        rates.add(run(render, l, 1, 4_000));
      }
      System.out.printf(Locale.ROOT, "1 thread: Demarche, PDF/A-2b, %s letter: %7.1f letters/s  rounds %s  %d B%n",
          l.language(), median(rates), fmt(rates), pdfa.render(l).size());
    }
  }

  static double run(Function<Letter, byte[]> variant, Letter letter, int threads, long millis) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long end = System.nanoTime() + millis * 1_000_000L;
      long start = System.nanoTime();
      List<Future<Long>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        counts.add(pool.submit(() -> {
          long n = 0;
          while (System.nanoTime() < end) {
            if (variant.apply(letter).length < 1000) {
              throw new IllegalStateException("empty PDF");
            }
            n++;
          }
          return n;
        }));
      }
      long total = 0;
      for (Future<Long> f : counts) {
        total += f.get();
      }
      return total / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  static void million(long n) {
    Letter l = sampleLetter();
    Letter letter = new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), l.language(), l.date(),
        l.dateLine(), l.subject(), l.salutation(), l.paragraphs(), l.closing(), l.signer(), Signatories2.generated(n),
        Disclosure.FULL, false, l.replyTo());
    long start = System.nanoTime();
    byte[] pdf = PdfRenderer.defaults().render(letter).content();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT,
        "%,d co-signatories: %.1f s, %,d pages, %,d bytes, max heap %d MB, peak heap used %d MB%n", n, seconds,
        PdfText.pageCount(pdf), pdf.length, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
  }

  static String fmt(List<Double> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(String.format(Locale.ROOT, "%.0f", v)));
    return String.join("/", out);
  }

  static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  /** Page counting without keeping the document. */
  static final class PdfText {
    static int pageCount(byte[] pdf) {
      try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        return doc.getNumberOfPages();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Generated signatories, as in the tests. */
  static final class Signatories2 {
    static Signatories generated(long n) {
      return () -> java.util.stream.LongStream.rangeClosed(1, n).mapToObj(i -> i % 7 == 0
          ? org.demarche.core.model.Signatory.organization("Refugee Aid Group " + i, "Osaka")
          : org.demarche.core.model.Signatory.person("Supporter " + i + " Sato", "Yokohama",
              i % 11 == 0 ? Disclosure.COUNTED_ONLY : i % 5 == 0 ? Disclosure.INITIALS : Disclosure.FULL));
    }
  }
}
