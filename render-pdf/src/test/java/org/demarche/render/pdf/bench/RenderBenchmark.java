package org.demarche.render.pdf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.demarche.core.bench.Contender;
import org.demarche.core.bench.PairedResult;
import org.demarche.core.bench.PairedRounds;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signatories;
import org.demarche.core.contract.Fixtures;
import org.demarche.render.pdf.PdfOptions;
import org.demarche.render.pdf.PdfRenderer;
import org.demarche.render.pdf.Previews;

/**
 * On-demand benchmark (never run by the build). Modes:
 * {@code compare [en|zh] [1|2]}: one-page English and Chinese letters, bare-PDFBox baseline vs Demarche
 * without and with PDF/A, on 1 and 2 threads, by {@link PairedRounds} (options: -Dbench.rounds, bench.millis,
 * bench.maxLoad, bench.refuseBusy);
 * {@code million}: a letter with 1,000,000 co-signatories (run it with -Xmx256m);
 * {@code signatories [N]}: {@link SignatoryBenchmark} (import, commitment, annex of N co-signatories; -Xmx256m);
 * {@code preview FILE.png}: page 1 of the sample letter to the Osaka consulate-general as PNG.
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "compare";
    switch (mode) {
      case "compare" -> compare(List.of(String.join(",", List.of(args).subList(1, args.length)).split("[ ,]+")));
      case "million" -> million(args.length > 1 && args[1].matches("\\d+") ? Long.parseLong(args[1]) : 1_000_000L);
      case "signatories" -> SignatoryBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      case "preview" -> java.nio.file.Files.write(java.nio.file.Path.of(args[1]),
          Previews.firstPagePng(PdfRenderer.defaults().render(sampleLetter()), 110));
      default -> throw new IllegalArgumentException("mode must be compare, million, signatories or preview, not " + mode);
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

  /**
   * English and Chinese one-page letters, 1 and 2 threads: bare PDFBox (the baseline) against Demarche with and
   * without PDF/A, by {@link PairedRounds} (rotated order, paired per-round ratios, load marked); {@code args}
   * may narrow it, e.g. {@code compare en 1}.
   */
  static void compare(List<String> args) throws Exception {
    PdfRenderer plain = PdfRenderer.create(PdfOptions.defaults().withPdfA(false));
    PdfRenderer pdfa = PdfRenderer.defaults();
    Map<String, Letter> letters = new LinkedHashMap<>();
    letters.put("en", sampleLetter());
    letters.put("zh", inScript("zh", CHINESE));
    List<String> picked = args.stream().filter(letters::containsKey).toList();
    List<Integer> threads = args.stream().filter(a -> a.matches("[1-9]")).map(Integer::valueOf).toList();
    for (var e : letters.entrySet()) {
      if (!picked.isEmpty() && !picked.contains(e.getKey())) {
        continue;
      }
      Letter letter = e.getValue();
      for (Letter check : List.of(letter)) {
        if (PdfText.pageCount(plain.render(check).content()) != 1 || PdfText.pageCount(BaselineLetter.render(check)) != 1) {
          throw new IllegalStateException("the benchmark letter must fit one page");
        }
      }
      for (int t : threads.isEmpty() ? List.of(1, 2) : threads) {
        PairedResult r = PairedRounds.named("render " + e.getKey().toUpperCase(Locale.ROOT) + ", " + t + " thread(s)")
            .ownThreads(t).progressTo(System.out)
            .baseline("bare PDFBox", Contender.repeating(() -> check(BaselineLetter.render(letter)), t))
            .contender("Demarche, PDF/A off", Contender.repeating(() -> check(plain.render(letter).content()), t))
            .contender("Demarche, PDF/A-2b", Contender.repeating(() -> check(pdfa.render(letter).content()), t))
            .run();
        r.print(System.out);
      }
      System.out.printf(Locale.ROOT, "sizes (%s): baseline %d B, Demarche %d B, PDF/A %d B%n", e.getKey(),
          BaselineLetter.render(letter).length, plain.render(letter).size(), pdfa.render(letter).size());
    }
  }

  private static void check(byte[] pdf) {
    if (pdf.length < 1000) {
      throw new IllegalStateException("empty PDF");
    }
  }

  static final String CHINESE = "1982年9月24日，中华人民共和国加入了1951年《关于难民地位的公约》及其1967年《议定书》，"
      + "我们每年都将这一天纪念为“世界拯救北韩难民日”。我们恳请贵国政府按照公约的要求对待逃往中国的北韩人："
      + "不将他们遣返至面临迫害的国家，并允许他们前往自己选择的第三国。";

  /** The sample letter with its four paragraphs in another language and script. */
  static Letter inScript(String language, String paragraph) {
    Letter l = sampleLetter();
    return new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), language, l.date(),
        l.dateLine(), l.subject(), l.salutation(), List.of(paragraph, paragraph, paragraph, paragraph), l.closing(),
        l.signer(), Signatories.none(), Disclosure.FULL, false, l.replyTo());
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
