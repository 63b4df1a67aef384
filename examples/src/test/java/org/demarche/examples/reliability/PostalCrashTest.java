package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.demarche.core.FileJournal;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.examples.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, class 1: postal letters are never lost. A campaign whose missions publish no email goes wholly
 * by post; a child JVM running it is killed with SIGKILL at random points, and a run cannot write its print
 * kit or a letter's PDF. After each, what {@code status} calls "by post" must have its PDF in the outbox and
 * its pages in the print kit.
 */
class PostalCrashTest {
  static final int LETTERS = 80;
  static final int KILLS = 8;
  static final String KIT = "reliability-test.letters.pdf";

  @TempDir
  Path dir;

  /** The test campaign with no email for any mission, on the outbox channel: every letter goes by post. */
  static Path postalCampaign(Path dir, int letters) throws IOException {
    Path campaign = TestCampaigns.write(dir, letters, 2525);
    Path missions = dir.resolve("missions.json");
    Files.writeString(missions, Files.readString(missions).replaceAll("\"email\": \"m\\d+@missions.test\",", ""));
    Files.writeString(campaign, Files.readString(campaign).replace("channel: smtp", "channel: outbox"));
    return campaign;
  }

  private static Process child(Path campaign, Path out, Path log) throws IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-XX:TieredStopAtLevel=1", "-Ddemarche.plain=true", "-cp", System.getProperty("java.class.path"),
        "org.demarche.examples.cli.DemarcheCli", "run", campaign.toString(), "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The letters {@code status --format json} calls by post, read as the operator would see them. */
  private static Set<String> postedByStatus(Path campaign) throws IOException {
    Cli.Result status = Cli.run("status", campaign.toString(), "--format", "json");
    Set<String> posted = new TreeSet<>();
    for (JsonNode letter : new ObjectMapper().readTree(status.out()).path("letters")) {
      if (letter.path("state").asText().equals("by-post")) {
        posted.add(letter.path("id").asText());
      }
    }
    return posted;
  }

  /** The posted letters whose PDF is missing from the outbox or whose mission is not in the kit's text. */
  private static List<String> missingFromOutputs(Set<String> posted, Path out) throws IOException {
    String kit = "";
    if (Files.exists(out.resolve(KIT))) {
      try (PDDocument pdf = Loader.loadPDF(out.resolve(KIT).toFile())) {
        kit = new PDFTextStripper().getText(pdf);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String id : posted) {
      int n = Integer.parseInt(id.substring(id.length() - 3));
      boolean pdf = Files.isRegularFile(out.resolve(id + ".en.pdf"));
      boolean inKit = kit.contains(String.format(java.util.Locale.ROOT, "Test Consulate-General %03d", n));
      if (!pdf || !inKit) {
        missing.add(id + (pdf ? "" : " (no PDF)") + (inKit ? "" : " (not in the kit)"));
      }
    }
    return missing;
  }

  /** Waits until the journal has {@code lines} lines or the run ended (at most 60 s). */
  private static void awaitJournalLines(Process run, Path journal, int lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (run.isAlive() && System.nanoTime() < deadline) {
      if (Files.exists(journal)) {
        long count;
        try (java.util.stream.Stream<String> l = Files.lines(journal, java.nio.charset.StandardCharsets.ISO_8859_1)) {
          count = l.count();
        }
        if (count >= lines) {
          return;
        }
      }
      Thread.sleep(5);
    }
  }

  /** Removes a folder and what it holds. */
  private static final class RecoveryFiles {
    static void delete(Path root) throws IOException {
      try (java.util.stream.Stream<Path> s = Files.walk(root)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void afterEverySigkillEachLetterStatusCallsPostedHasItsPdfAndItsPagesInTheKit() throws Exception {
    Path campaign = postalCampaign(dir, LETTERS);
    Path out = dir.resolve("out");
    Random random = new Random(20261129);
    int killedMidRun = 0;
    int disagreements = 0;
    List<Integer> postedAfterKill = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      Process run = child(campaign, out, dir.resolve("run-" + i + ".log"));
      // Kill at a random point of the run's journaling (its plan, then the postal batches), not at a random
      // time: how long a run takes depends on the machine.
      awaitJournalLines(run, dir.resolve("campaign.outbox.journal"), LETTERS + random.nextInt(LETTERS * 3 / 4));
      boolean midRun = run.isAlive();
      killedMidRun += midRun ? 1 : 0;
      run.destroyForcibly();
      run.waitFor(30, TimeUnit.SECONDS);
      Set<String> posted = postedByStatus(campaign);
      postedAfterKill.add(posted.size());
      List<String> missing = missingFromOutputs(posted, out);
      disagreements += missing.size();
      assertThat(missing).as("after kill " + i).isEmpty();
      if (!midRun && i < KILLS - 1) {
        // The run had finished: start the campaign afresh so that the next kill lands in a run again.
        RecoveryFiles.delete(out);
        Files.delete(dir.resolve("campaign.outbox.journal"));
      }
    }
    Cli.Result finish = Cli.run("run", campaign.toString(), "--out", out.toString());
    Set<String> posted = postedByStatus(campaign);
    System.out.printf("postal crash: %d letters by post, %d SIGKILLs (%d mid-run), posted per status after each kill"
            + " %s, letters status calls posted without PDF or kit pages %d; after a final run %d posted, missing %d%n",
        LETTERS, KILLS, killedMidRun, postedAfterKill, disagreements, posted.size(),
        missingFromOutputs(posted, out).size());

    assertThat(finish.exitCode()).as(finish.out() + finish.err()).isZero();
    assertThat(posted).hasSize(LETTERS);
    assertThat(missingFromOutputs(posted, out)).isEmpty();
    assertThat(killedMidRun).isGreaterThan(KILLS / 2);
  }

  @Test
  void aRunThatCannotWriteThePrintKitRecordsNoLetterAsPostedAndTheNextRunDoes() throws Exception {
    Path campaign = postalCampaign(dir, 3);
    Path out = dir.resolve("out");
    // A folder where the kit must go: renaming the kit onto it fails, as on a full or read-only disk (root
    // ignores file permissions, so this is how the test makes the write fail).
    Files.createDirectories(out.resolve(KIT).resolve("blocker"));

    Cli.Result failed = Cli.run("run", campaign.toString(), "--out", out.toString());
    Set<String> postedAfterFailure = postedByStatus(campaign);
    Files.delete(out.resolve(KIT).resolve("blocker"));
    Files.delete(out.resolve(KIT));
    Cli.Result fixed = Cli.run("run", campaign.toString(), "--out", out.toString());
    Set<String> posted = postedByStatus(campaign);
    System.out.printf("postal kit unwritable: exit %d, posted per status %d of 3 (PDFs written %d); after the fix"
            + " exit %d, posted %d, missing %d%n", failed.exitCode(), postedAfterFailure.size(),
        Files.list(out).filter(p -> p.toString().endsWith(".en.pdf")).count(), fixed.exitCode(), posted.size(),
        missingFromOutputs(posted, out).size());

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).contains("print kit could not be written");
    assertThat(postedAfterFailure).isEmpty();
    assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
    assertThat(posted).hasSize(3);
    assertThat(missingFromOutputs(posted, out)).isEmpty();
  }

  @Test
  void aLetterWhosePdfCannotBeWrittenIsNotRecordedAsPosted() throws Exception {
    Path campaign = postalCampaign(dir, 3);
    Path out = dir.resolve("out");
    String blocked = TestCampaigns.missionId(2);
    Files.createDirectories(out.resolve(blocked + ".en.pdf").resolve("blocker"));

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", out.toString());
    Set<String> posted = postedByStatus(campaign);
    String journalState;
    try (FileJournal j = FileJournal.read(dir.resolve("campaign.outbox.journal"), "reliability-test")) {
      LetterStatus s = j.statuses().get(blocked);
      journalState = s.state().name();
      assertThat(s.state()).isEqualTo(LetterState.FAILED_TRANSIENT);
    }
    System.out.printf("postal PDF unwritable: exit %d, %s journaled %s, posted %s, missing %d%n", r.exitCode(), blocked,
        journalState, posted, missingFromOutputs(posted, out).size());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(posted).doesNotContain(blocked).hasSize(2);
    assertThat(missingFromOutputs(posted, out)).isEmpty();
  }
}
