package org.demarche.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;
import org.demarche.core.FileJournal;
import org.demarche.core.model.Location;
import org.demarche.core.RunReport;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.voice.Batch;
import org.demarche.voice.Routing;
import org.demarche.voice.Supporter;
import org.demarche.voice.SupporterFile;
import org.demarche.voice.SupporterLetter;
import org.demarche.voice.VoiceOptions;
import org.demarche.voice.VoiceOutbox;
import org.demarche.voice.VoiceSender;
import org.demarche.voice.Voices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "voice", mixinStandardHelpOptions = true,
    description = {"Add your voice: a supporter's own letter to the mission that serves where they live.",
        "It comes as a PDF, an .eml draft from their own address and a mailto: link; or one letter per supporter of a",
        "CSV file, in an outbox folder per mission. Nothing is sent unless --send is given and the campaign's",
        "delivery.voice.mode is on-behalf."})
final class VoiceCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Option(names = "--name", paramLabel = "NAME", description = "the supporter's name, as they sign")
  String name;

  @Option(names = "--email", paramLabel = "ADDRESS", description = "the supporter's own email address")
  String email;

  @Option(names = "--city", paramLabel = "CITY", description = "the supporter's city, for their letterhead")
  String city;

  @Mixin
  PlaceOptions place;

  @Option(names = "--paragraph", paramLabel = "TEXT", description = "the supporter's own words, placed before the closing")
  String paragraph;

  @Option(names = "--supporters", paramLabel = "CSV",
      description = "many supporters: the signatory CSV columns plus region, latitude, longitude, paragraph")
  Path supporters;

  @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "the outbox folder (default: out)")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "render threads (default: cores, at most 8)")
  Integer threads;

  @Option(names = "--send", description = "send on the supporters' behalf over SMTP (needs delivery.voice.mode: on-behalf)")
  boolean send;

  @Option(names = "--journal", paramLabel = "FILE", description = "the delivery journal (default: the campaign's smtp journal)")
  Path journal;

  @Option(names = "--smtp-host", paramLabel = "HOST",
      description = "the SMTP server (default: delivery.smtp.host in the campaign)") String smtpHost;
  @Option(names = "--smtp-port", paramLabel = "PORT",
      description = "the SMTP port (default: delivery.smtp.port, else 587 for starttls, 465 for smtps)") Integer smtpPort;
  @Option(names = "--smtp-tls", paramLabel = "MODE", description = "starttls (default), smtps, or none (loopback only)")
  String smtpTls;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    Demarche demarche = Engine.demarche();
    Campaign campaign = demarche.load(campaignFile, folders.allowed);
    VoiceOptions options = VoiceOptions.from(demarche.section(campaign, "delivery.voice"));
    ContactDirectory directory = demarche.directory(campaign);
    Voices voices = Voices.create(campaign, directory, options);
    List<Supporter> list = supporters != null
        ? SupporterFile.read(supporters, supporters.toString(), org.demarche.voice.KnownRegions.of(directory))
        : List.of(commandLineSupporter(directory));
    if (send) {
      return send(demarche, campaign, voices, list, o);
    }
    Formats.folder(out, "--out");
    VoiceOutbox outbox = threads == null
        ? VoiceOutbox.create(voices, demarche.renderer(campaign), folder -> outbox(demarche, campaign, folder))
        : VoiceOutbox.create(voices, demarche.renderer(campaign), folder -> outbox(demarche, campaign, folder), threads);
    VoiceOutbox.Report report = outbox.write(list, out);
    if (supporters == null) {
      printOne(voices, report, o);
    } else {
      printMany(report, o);
    }
    return report.failures().isEmpty() && report.batch().rejected().isEmpty() ? DemarcheCli.DONE
        : DemarcheCli.SOME_FAILED;
  }

  private Supporter commandLineSupporter(ContactDirectory directory) {
    if (name == null) {
      throw new IllegalArgumentException("say who: --name NAME (or --supporters FILE for many)");
    }
    if (!place.given()) {
      throw new IllegalArgumentException("say where the supporter lives: --country CC [--region CODE], or --lat and --lon");
    }
    return new Supporter(name, Optional.ofNullable(email), Optional.ofNullable(city), place.country(),
        place.region(directory), place.coordinate(),
        Optional.ofNullable(paragraph), Location.of("(command line)"));
  }

  private static DeliveryChannel outbox(Demarche demarche, Campaign campaign, Path folder) {
    return demarche.channel("outbox", new ChannelContext(Settings.empty("delivery.outbox"), folder, Map.of()));
  }

  private void printOne(Voices voices, VoiceOutbox.Report report, PrintWriter o) {
    Batch b = report.batch();
    if (b.routed().isEmpty()) {
      b.rejected().forEach(p -> spec.commandLine().getErr().println("demarche: " + p.message()));
      return;
    }
    Routing r = b.routed().get(0);
    SupporterLetter mine = voices.draft(r);
    var m = mine.letter().mission();
    o.println("Your mission: " + m.name() + " (" + m.id() + ")");
    o.println("  why: " + r.explanation());
    // The files are whatever the outbox channel wrote for this letter: the document and, when the mission
    // takes email, the draft.
    o.println("Your letter:");
    report.files().getOrDefault(mine.letter().id(), List.of()).forEach(f -> o.println("  " + out.resolve(f)));
    if (m.email().isPresent()) {
      o.println("  to: " + m.email().get());
      if (r.supporter().email().isPresent()) {
        o.println("Draft email from " + r.supporter().email().get() + ": the .eml file above"
            + " (open it in your mail program and send it)");
      }
      mine.mailto().ifPresent(link -> {
        o.println("Mail link" + (link.shortened() ? " (text shortened to " + link.link().length()
            + " characters: attach the PDF)" : "") + ":");
        o.println(link.link());
      });
    } else {
      o.println("  by post: the mission publishes no email address. Print the PDF and post it to:");
      m.address().printedLines().forEach(l -> o.println("    " + l));
      m.address().localLines().forEach(l -> o.println("    " + l));
    }
    b.warnings().forEach(p -> o.println("Note: your letter " + p.message()));
    o.println("Nothing was sent: you send it yourself.");
  }

  private void printMany(VoiceOutbox.Report report, PrintWriter o) {
    Batch b = report.batch();
    o.println(Formats.count(report.written(), "supporter letter") + " in " + out + " (" + report.byPost() + " by post), by mission:");
    report.byMission().forEach((id, n) -> o.printf(Locale.ROOT, "  %-40s %6d%n", id, n));
    printBatchNotes(b, o);
    report.failures().forEach(p -> o.println("Failed: " + p));
    double seconds = Math.max(1e-9, report.elapsed().toNanos() / 1e9);
    o.printf(Locale.ROOT, "%.1f s, %.1f letters per second; index %s. Nothing was sent.%n", seconds,
        report.written() / seconds, report.index());
  }

  private static void printBatchNotes(Batch b, PrintWriter o) {
    b.duplicates().forEach(d -> o.println("Duplicate: " + d.repeated() + " repeats the supporter of " + d.first()
        + ": one letter (" + d.letterId() + ")"));
    b.rejected().forEach(p -> o.println("No letter: " + p));
    b.warnings().forEach(p -> o.println("Note: " + p));
    b.similar().forEach(s -> o.println("Similar: " + s.describe()));
  }

  private int send(Demarche demarche, Campaign campaign, Voices voices, List<Supporter> list, PrintWriter o) {
    Settings settings = demarche.section(campaign, "delivery.smtp");
    settings = RunCommand.override(settings, "host", smtpHost, "--smtp-host");
    settings = RunCommand.override(settings, "port", smtpPort, "--smtp-port");
    settings = RunCommand.override(settings, "tls", smtpTls, "--smtp-tls");
    Path journalFile = journal != null ? journal : FileJournal.defaultFile(campaign, "smtp");
    LetterRenderer renderer = demarche.renderer(campaign);
    try (FileJournal j = FileJournal.open(journalFile, campaign.id());
        DeliveryChannel smtp = demarche.channel("smtp", new ChannelContext(settings, out, System.getenv()))) {
      VoiceSender.Report report = VoiceSender.create(voices, renderer, smtp, j).send(list);
      RunReport run = report.run();
      printBatchNotes(report.batch(), o);
      o.println((voices.options().digest() ? "Digests" : "Supporter letters") + ": "
          + run.count(RunReport.Result.SENT) + " sent, " + run.count(RunReport.Result.ALREADY_SENT) + " sent before, "
          + run.count(RunReport.Result.BY_POST) + " by post, " + (run.count(RunReport.Result.FAILED_TRANSIENT)
          + run.count(RunReport.Result.FAILED_PERMANENT)) + " failed, " + run.count(RunReport.Result.IN_DOUBT)
          + " in doubt; journal " + journalFile);
      report.digests().forEach((id, letters) -> o.println("  " + id + ": " + Formats.count(letters.size(), "letter") + " attached"));
      report.waiting().forEach((mission, n) -> o.println("  " + mission + ": " + Formats.count(n, "letter")
          + (n == 1 ? " waits" : " wait") + " for a later day (daily cap " + voices.options().dailyCapPerMission() + ")"));
      return run.allDone() ? DemarcheCli.DONE : DemarcheCli.SOME_FAILED;
    }
  }

  /**
   * The benchmark, run on demand: writes N supporters (default 10,000) spread over Japan's 47 prefectures,
   * Korea, Canada and the United Kingdom into a CSV, then writes every letter (PDF and .eml) into an outbox,
   * and prints letters per second and peak heap. See docs/voice.md for the command and figures.
   */
  static final class Benchmark {
    private Benchmark() {}

    public static void main(String[] args) throws IOException {
      int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
      Path dir = Files.createTempDirectory("demarche-voice-bench");
      Path campaign = args.length > 1 ? Path.of(args[1]) : DemarcheCli.class.getProtectionDomain().getCodeSource() == null
          ? Path.of("examples/campaigns/world-save-north-korean-refugees-day/campaign.yaml")
          : Path.of("examples/campaigns/world-save-north-korean-refugees-day/campaign.yaml");
      Path csv = dir.resolve("supporters.csv");
      writeSupporters(csv, n);
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      Demarche demarche = Engine.demarche();
      Campaign c = demarche.load(campaign);
      Voices voices = Voices.create(c, demarche.directory(c), VoiceOptions.from(demarche.section(c, "delivery.voice")));
      List<Supporter> supporters = SupporterFile.read(csv, csv.toString());
      Path outDir = dir.resolve("out");
      long t0 = System.nanoTime();
      VoiceOutbox.Report report = VoiceOutbox.create(voices, demarche.renderer(c),
          folder -> outbox(demarche, c, folder)).write(supporters, outDir);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      long files;
      try (var walk = Files.walk(outDir)) {
        files = walk.filter(Files::isRegularFile).count();
      }
      System.out.printf(Locale.ROOT, "%d supporters, %d letters written (%d by post), %d files, %d missions, %d similar"
              + " groups, %d duplicates%n", n, report.written(), report.byPost(), files, report.byMission().size(),
          report.batch().similar().size(), report.batch().duplicates().size());
      System.out.printf(Locale.ROOT, "%.1f s from CSV to full outbox: %.1f letters per second; peak heap %d MB"
              + " (max heap %d MB, %d cores); outbox %s%n", seconds, report.written() / seconds, peak >> 20,
          Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), outDir);
    }

    static void writeSupporters(Path csv, int n) throws IOException {
      String[][] abroad = {{"KR", "37.5665", "126.9780", "Seoul"}, {"KR", "35.1796", "129.0756", "Busan"},
          {"CA", "43.6532", "-79.3832", "Toronto"}, {"GB", "51.5072", "-0.1276", "London"}};
      java.util.Random random = new java.util.Random(42);
      String[] words = ("family river border winter school mother brother friend church village hope letter freedom"
          + " train night mountain market prison child future garden rice song memory journey home safety").split(" ");
      StringBuilder sb = new StringBuilder("name,email,city,country,region,latitude,longitude,paragraph\n");
      for (int i = 0; i < n; i++) {
        StringBuilder p = new StringBuilder("I add my voice because");
        for (int w = 0; w < 30; w++) {
          p.append(' ').append(words[random.nextInt(words.length)]);
        }
        p.append('.');
        String place;
        if (i % 10 == 9) {
          String[] a = abroad[(i / 10) % abroad.length];
          place = a[3] + "," + a[0] + ",," + a[1] + "," + a[2];
        } else {
          place = ",JP," + String.format(Locale.ROOT, "JP-%02d", i % 47 + 1) + ",,";
        }
        sb.append("Supporter ").append(i).append(",supporter").append(i).append("@example.org,").append(place)
            .append(',').append(p).append('\n');
      }
      Files.writeString(csv, sb, StandardCharsets.UTF_8);
    }
  }
}
