package org.demarche.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.core.Demarche;
import org.demarche.core.model.Campaign;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.examples.cli.Served;
import org.demarche.voice.Supporter;
import org.demarche.voice.VoiceOptions;
import org.demarche.voice.Voices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Supporters' letters per second the page serves (POST the form, follow to the letter page, download the PDF)
 * with 4 clients, and its p95 latency, against a baseline measured in the same run: the same letters drafted and
 * rendered in-process with no HTTP. The figures go in voice-web/README.md.
 */
class SupportersPageLoadTest {
  private static final int LETTERS = 160;
  private static final int CLIENTS = 4;
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir
  Path dir;

  @Test
  void servesSupportersLettersAndReportsThroughputAndP95AgainstAnInProcessBaseline() throws Exception {
    Path c = Files.createDirectories(dir.resolve("campaign"));
    try (var files = Files.list(Path.of("campaigns/world-save-north-korean-refugees-day"))) {
      for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".journal")).toList()) {
        Files.copy(f, c.resolve(f.getFileName()));
      }
    }
    Path campaignFile = c.resolve("campaign.yaml");
    double baseline = baseline(campaignFile);
    try (Served s = Served.start("serve", campaignFile.toString(), "--port", "0", "--letters-per-minute", "1000000")) {
      run(s, 20); // warm-up
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      long t0 = System.nanoTime();
      int done = run(s, LETTERS, latencies);
      double seconds = (System.nanoTime() - t0) / 1e9;
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1_000_000;
      long p50 = sorted.get(sorted.size() / 2) / 1_000_000;
      assertThat(done).isEqualTo(LETTERS);
      System.out.printf(Locale.ROOT, "web load: %d letters by %d clients (form POST, letter page, PDF download) in"
          + " %.1f s = %.1f letters/s, latency p50 %d ms, p95 %d ms; baseline in the same run (draft + render"
          + " in-process, 1 thread, no HTTP): %.1f letters/s%n", LETTERS, CLIENTS, seconds, LETTERS / seconds, p50,
          p95, baseline);
    }
  }

  private static double baseline(Path campaignFile) {
    Demarche demarche = Demarche.builder().installDiscovered().build();
    Campaign campaign = demarche.load(campaignFile);
    Voices voices = Voices.create(campaign, demarche.directory(campaign),
        VoiceOptions.from(demarche.section(campaign, "delivery.voice")));
    LetterRenderer renderer = demarche.renderer(campaign);
    for (int i = 0; i < 20; i++) {
      renderer.render(voices.draft(supporter(i)).letter());
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < LETTERS; i++) {
      assertThat(renderer.render(voices.draft(supporter(i)).letter()).size()).isPositive();
    }
    return LETTERS / ((System.nanoTime() - t0) / 1e9);
  }

  private static Supporter supporter(int i) {
    return Supporter.of("Supporter " + i, Optional.empty(), Optional.of("JP"),
        Optional.of(String.format(Locale.ROOT, "JP-%02d", 1 + i % 47)), Optional.empty(),
        Optional.of("My own words, number " + i + ", on the refugees' fate."));
  }

  private static int run(Served s, int n) throws Exception {
    return run(s, n, Collections.synchronizedList(new ArrayList<>()));
  }

  private static int run(Served s, int n, List<Long> latencies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Integer>> parts = new ArrayList<>();
      for (int k = 0; k < CLIENTS; k++) {
        int client = k;
        parts.add(pool.submit(() -> client(s, client, n / CLIENTS, latencies)));
      }
      int done = 0;
      for (Future<Integer> f : parts) {
        done += f.get();
      }
      return done;
    } finally {
      pool.shutdown();
    }
  }

  private static int client(Served s, int client, int letters, List<Long> latencies) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(s.url("/"))).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    Matcher m = CSRF.matcher(form.body());
    assertThat(m.find()).isTrue();
    int done = 0;
    for (int i = 0; i < letters; i++) {
      long t0 = System.nanoTime();
      String region = String.format(Locale.ROOT, "JP-%02d", 1 + (client * 13 + i) % 47);
      String body = "csrf=" + m.group(1) + "&country=JP&region=" + region + "&name=Supporter+" + client + "-" + i
          + "&city=Town&paragraph=My+own+words+" + i;
      HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(s.url("/letter")))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).isEqualTo(303);
      String page = http.send(HttpRequest.newBuilder(URI.create(s.url(posted.headers().firstValue("Location")
          .orElseThrow()))).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher pdf = Pattern.compile("href=\"(/letter/[^\"]+\\.pdf)\"").matcher(page);
      assertThat(pdf.find()).isTrue();
      HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(s.url(pdf.group(1))))
          .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(new String(file.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      latencies.add(System.nanoTime() - t0);
      done++;
    }
    return done;
  }
}
