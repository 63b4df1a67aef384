package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, items 2, 4, 5 and 7 through the runner as an operator uses it: run, fix, run again.
 */
class RecoveryTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(true);

  @TempDir
  Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  private Cli.Result run(Path campaign, String... extra) {
    String[] args = Stream.concat(Stream.of("run", campaign.toString(), "--out", out().toString()), Stream.of(extra))
        .toArray(String[]::new);
    return Cli.run(args);
  }

  private Cli.Result send(Path campaign, String... extra) {
    String[] smtpArgs = {"--send", "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()),
        "--smtp-tls", "none", "--smtp-per-minute", "0"};
    return run(campaign, Stream.concat(Stream.of(smtpArgs), Stream.of(extra)).toArray(String[]::new));
  }

  private Path sendable() {
    return Campaigns.withSapporoAndNagoyaEmails(Campaigns.withChange(dir, "    username: petition@lfnkr.example.org\n    passwordEnv: DEMARCHE_SMTP_PASSWORD\n"
        + "    perMinute: 6\n", "    perMinute: 0\n    perDomainPerMinute: 0\n"));
  }

  @Test
  void lettersThatFailToRenderOnTheFirstRunAreReportedAsFailedNotAsNothingNew() throws IOException {
    Path campaign = Campaigns.founding(dir);
    Path body = dir.resolve("letter.en.md");
    // Egyptian hieroglyphs: no font the campaign configures has them.
    Files.writeString(body, Files.readString(body) + "\n\u13000\u13001\u13002\n");

    Cli.Result first = run(campaign);

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(DemarcheCli.SOME_FAILED);
    assertThat(first.out()).doesNotContain("Nothing new").contains("failed, retryable").contains("the next run retries");
  }

  @Test
  void anOutboxRunThenSendSendsNothingUnlessTheOperatorIncludesOutboxedLetters() {
    Path campaign = sendable();
    Cli.Result outbox = run(campaign);
    assertThat(outbox.exitCode()).as(outbox.out() + outbox.err()).isZero();

    Cli.Result held = send(campaign);
    int receivedAfterHeld = smtp.getReceivedMessages().length;
    Cli.Result included = send(campaign, "--include-outboxed");
    System.out.printf("outbox then send: 3 .eml in the outbox; run --send sent %d (exit %d, says held back: %s);"
            + " with --include-outboxed sent %d%n", receivedAfterHeld, held.exitCode(), held.out().contains("held back"),
        smtp.getReceivedMessages().length - receivedAfterHeld);

    assertThat(receivedAfterHeld).isZero();
    assertThat(held.exitCode()).as(held.out() + held.err()).isZero();
    assertThat(held.out()).contains("3 letters held back").contains("--include-outboxed");
    assertThat(included.exitCode()).as(included.out() + included.err()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(3);
  }

  @Test
  void removingTheOutputFolderThenRunningAgainWritesTheKitAndEmlFilesAgainByteIdentical() throws IOException {
    Path campaign = Campaigns.founding(dir);
    Cli.Result first = run(campaign);
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    Map<String, byte[]> before = files(out());
    deleteTree(out());

    Cli.Result again = run(campaign);
    Map<String, byte[]> after = files(out());
    long identical = before.keySet().stream().filter(k -> after.containsKey(k)
        && java.util.Arrays.equals(before.get(k), after.get(k))).count();
    System.out.printf("rm -rf out, run again: %d files before, %d after, %d byte-identical (%d .eml, kit: %s)%n",
        before.size(), after.size(), identical, before.keySet().stream().filter(k -> k.endsWith(".eml")).count(),
        after.keySet().stream().anyMatch(k -> k.endsWith(".letters.pdf")));

    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).doesNotContain("Nothing new").contains("written again");
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.keySet()).anyMatch(k -> k.endsWith(".eml")).anyMatch(k -> k.endsWith(".letters.pdf"));
    for (String name : before.keySet()) {
      assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
    }
    Cli.Result third = run(campaign);
    assertThat(third.out()).contains("Nothing new");
  }

  @Test
  void aPrintKitRemovedAloneIsWrittenAgainIdenticalAndTheRunSaysSo() throws IOException {
    Path campaign = Campaigns.founding(dir);
    Cli.Result first = run(campaign);
    assertThat(first.out()).doesNotContain("print kit was missing");
    Path kit = out().resolve("world-save-north-korean-refugees-day-2026.letters.pdf");
    byte[] before = Files.readAllBytes(kit);
    Files.delete(kit);

    Cli.Result again = run(campaign);

    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("The print kit was missing: written again").doesNotContain("Nothing new");
    assertThat(Files.readAllBytes(kit)).isEqualTo(before);
  }

  @Test
  void outboxResultsAreCalledInTheOutboxNeverSent() {
    Path campaign = Campaigns.withSapporoAndNagoyaEmails(Campaigns.founding(dir));
    Cli.Result r = run(campaign);
    Cli.Result status = Cli.run("status", campaign.toString());

    assertThat(r.out().lines().filter(l -> l.contains("cn-cg-jp-sapporo"))).allMatch(l -> !l.contains("sent"))
        .anyMatch(l -> l.contains("in the outbox"));
    // The detail may wrap onto a second line of the row; no line of it says "sent".
    assertThat(status.out().lines().filter(l -> l.contains("cn-cg-jp-sapporo"))).allMatch(l -> !l.contains("sent"))
        .first().asString().contains("in the outbox");
  }

  @Test
  void runNamesEveryLetterFileMissionDotLanguageDotPdf() throws IOException {
    Path campaign = Campaigns.founding(dir);
    run(campaign);

    try (Stream<Path> s = Files.list(out())) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cn-") && n.endsWith(".pdf")))
          .isNotEmpty().allMatch(n -> n.matches("cn-[a-z-]+\\.(en|zh)\\.pdf"));
    }
  }

  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
