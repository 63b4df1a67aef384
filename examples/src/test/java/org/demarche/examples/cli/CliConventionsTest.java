package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The runner's -q/-v/--debug flags, --version, shell completion and man page (issue 16, item 5). */
class CliConventionsTest {
  @TempDir
  Path dir;

  /** The version in the pom, read from the pom itself (the parent element of examples/pom.xml). */
  private static String pomVersion() throws Exception {
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"))
        .getDocumentElement();
    Element parent = (Element) project.getElementsByTagName("parent").item(0);
    return parent.getElementsByTagName("version").item(0).getTextContent().trim();
  }

  private Cli.Result runFounding(String... flags) {
    Path campaign = Campaigns.withSapporoAndNagoyaEmails(Campaigns.founding(dir));
    List<String> args = new java.util.ArrayList<>(List.of(flags));
    args.addAll(List.of("run", campaign.toString(), "--out", dir.resolve("out").toString()));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void versionPrintsThePomsVersionAndACommit() throws Exception {
    Cli.Result r = Cli.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("demarche " + pomVersion() + " (commit ").contains("Java ");
    assertThat(r.out()).doesNotContain("commit unknown");
  }

  @Test
  void quietPrintsTheSummaryButNoLetterLinesNorTable() {
    Cli.Result r = runFounding("-q");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Summary of campaign").contains("by post");
    assertThat(r.out()).doesNotContain("[1/7]").doesNotContain("Delivering").doesNotContain("LETTER");
  }

  @Test
  void quietIsAlsoAcceptedAfterTheCommand() {
    Path campaign = Campaigns.founding(dir);
    Cli.Result r = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--quiet");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Summary of campaign").doesNotContain("[1/7]");
  }

  @Test
  void normalPrintsALinePerLetterWithoutItsDetail() {
    Cli.Result r = runFounding();

    assertThat(r.out()).contains("[1/7]").contains("LETTER");
    assertThat(r.out()).doesNotContain("message id").doesNotContain("goes in the print kit");
  }

  @Test
  void verboseAddsEachLettersMessageIdOrPrintKitFile() {
    Cli.Result r = runFounding("-v");

    assertThat(r.exitCode()).as(r.err()).isZero();
    // The outbox's letters are "in the outbox" and letter files <mission>.<language>.pdf (issue 12, item 7).
    assertThat(r.out()).containsPattern("\\] in the outbox cn-cg-jp-(nagoya|sapporo): message id \\S+@\\S+,\\s+accepted at ");
    assertThat(r.out()).containsPattern("\\] by post cn-embassy-jp-tokyo: cn-embassy-jp-tokyo\\.en\\.pdf \\(\\d+ bytes\\)");
    assertThat(r.out()).contains("Summary of campaign");
  }

  @Test
  void quietAndVerboseTogetherIsBadUsage() {
    Cli.Result r = Cli.run("-q", "-v", "recipients", "--sending-state", "CN", "--host-country", "JP");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("-q/--quiet cannot be combined with -v/--verbose");
  }

  @Test
  void debugSetsTheLibrariesLogLevelToDebug() {
    Cli.Result r = Cli.run("--debug", "recipients", "--sending-state", "CN", "--host-country", "JP");

    assertThat(r.exitCode()).isZero();
    assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("debug");
    assertThat(Cli.run("-q", "recipients", "--sending-state", "CN", "--host-country", "JP").exitCode()).isZero();
    assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("error");
  }

  @Test
  void completionPrintsAScriptThatBashSourcesAndThatCompletesCommands() throws Exception {
    Cli.Result r = Cli.run("completion");
    assertThat(r.exitCode()).isZero();
    Path script = dir.resolve("demarche-completion.bash");
    Files.writeString(script, r.out());

    // A real bash: syntax check, source it (no error may be printed), then run its completion function on
    // "demarche ru" and "demarche --ver". Outside a real completion, the script's compopt calls complain: those
    // messages are dropped, the replies are what counts.
    String probe = "bash -n \"$1\" || exit 2; source \"$1\" || exit 3; complete -p demarche || exit 4;"
        + " COMP_WORDS=(demarche ru); COMP_CWORD=1; COMP_LINE='demarche ru'; COMP_POINT=11;"
        + " _complete_demarche 2>/dev/null; echo \"first: ${COMPREPLY[*]}\";"
        + " COMP_WORDS=(demarche --ver); COMP_CWORD=1; COMP_LINE='demarche --ver'; COMP_POINT=14;"
        + " _complete_demarche 2>/dev/null; echo \"second: ${COMPREPLY[*]}\"";
    Process bash = new ProcessBuilder("bash", "-c", probe, "probe", script.toString()).redirectErrorStream(true).start();
    bash.getOutputStream().close();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(bash.exitValue()).as(output).isZero();
    assertThat(output).startsWith("complete -o default -F _complete_demarche demarche\n").contains("first: run")
        .contains("second: --verbose --version");
  }

  @Test
  void manPrintsATroffPageWithEveryCommandAndTheExitCodes() {
    Cli.Result r = Cli.run("man");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith(".TH DEMARCHE 1 ").contains(".SH NAME\ndemarche \\- Petition a government");
    for (String command : List.of("run", "validate", "render", "recipients", "nearest", "status", "voice", "verify",
        "receipts", "completion")) {
      assertThat(r.out()).as(command).contains(".SS demarche " + command + "\n");
    }
    assertThat(r.out()).contains(".B \\-q, \\-\\-quiet").contains(".SH EXIT STATUS");
    // every line that troff would read as a request is one we wrote
    assertThat(r.out().lines().filter(l -> l.startsWith(".") || l.startsWith("'"))
        .map(l -> l.split(" ")[0])).allMatch(List.of(".TH", ".SH", ".SS", ".TP", ".B", ".PP", ".nf", ".fi")::contains);
  }
}
