package org.demarche.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.demarche.contacts.ContactsPlugin;
import org.demarche.core.Demarche;
import org.demarche.core.RunOptions;
import org.demarche.core.RunReport;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.PostalAddress;
import org.demarche.deliver.email.EmailPlugin;
import org.demarche.render.pdf.PdfPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Demarche shared by an app's threads: campaigns built, read and run at once come out as when run alone. */
class DemarcheThreadSafetyTest {
  private static final int THREADS = 4;
  private static final int CAMPAIGNS_PER_THREAD = 2;
  private static final String YAML = """
      id: ID
      date: 2026-09-24
      sender:
        name: Life Funds for North Korean Refugees
        address: { lines: ["1-2-3 Example"], city: Tokyo, postalCode: "160-0000", country: JP }
        email: info@lfnkr.example.org
      petition:
        language: en
        addressee: { name: Xi Jinping, title: "President of the People's Republic of China", salutation: "Dear Mr. President:" }
        subject: "Petition via {{mission.city}}"
        body: letter.en.md
        closing: Sincerely,
        signedBy: { name: Hiroshi Kato, title: Executive Director }
      recipients:
        select: { sendingState: CN, hostCountry: JP }
      """;
  private static final String BODY = "We write through the {{mission.name}} on {{date}}.\n\nEnd forced repatriation.\n";

  @TempDir
  Path dir;

  private final Demarche shared = Demarche.builder()
      .install(new ContactsPlugin()).install(new PdfPlugin()).install(new EmailPlugin()).build();

  /** Built in code for even numbers, read from a Reader for odd ones: both paths share the instance. */
  private Campaign campaign(int n) {
    String id = "thread-campaign-" + n;
    if (n % 2 == 1) {
      return shared.load(new StringReader(YAML.replace("ID", id)), id + ".yaml", Map.of("letter.en.md", BODY));
    }
    return shared.newCampaign(id).date(LocalDate.of(2026, 9, 24))
        .sender("Life Funds for North Korean Refugees", "info@lfnkr.example.org",
            PostalAddress.of(List.of("1-2-3 Example"), "Tokyo", "160-0000", "JP"))
        .addressee("Xi Jinping", "President of the People's Republic of China", "Dear Mr. President:")
        .subject("Petition via {{mission.city}}").body(BODY).signedBy("Hiroshi Kato", "Executive Director")
        .select("CN", "JP").build();
  }

  /** What a run left: each letter's result, and the files in its outbox. */
  private record Result(List<String> outcomes, List<String> files) {}

  private Result run(int n) throws Exception {
    Path out = dir.resolve("out-" + n);
    RunReport report = shared.run(campaign(n), RunOptions.outbox(out).withJournal(dir.resolve(n + ".journal")));
    try (Stream<Path> files = Files.list(out)) {
      return new Result(report.outcomes().stream().map(o -> o.letterId() + " " + o.result()).sorted().toList(),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void campaignsRunFromSeveralThreadsOnOneInstanceEachComeOutAsWhenRunAlone() throws Exception {
    Result alone = run(100);
    assertThat(alone.outcomes()).isNotEmpty();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Result>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        start.await();
        List<Result> mine = new ArrayList<>();
        for (int c = 0; c < CAMPAIGNS_PER_THREAD; c++) {
          mine.add(run(thread * CAMPAIGNS_PER_THREAD + c));
        }
        return mine;
      }));
    }
    start.countDown();
    List<Result> results = new ArrayList<>();
    for (Future<List<Result>> f : futures) {
      results.addAll(f.get(10, TimeUnit.MINUTES));    // a generous deadline on a busy machine, not a timing
    }
    pool.shutdown();

    assertThat(results).hasSize(THREADS * CAMPAIGNS_PER_THREAD).allSatisfy(r -> assertThat(r).isEqualTo(alone));
  }
}
