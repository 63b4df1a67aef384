package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The runner's contract with its operator and with scripts: exit codes, help, wording and JSON output. */
class RunnerContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void bareDemarcheIsBadUsageAndPrintsTheCommandsOnStandardError() {
    Cli.Result r = Cli.run();

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("say which command").contains("Usage: demarche").contains("run");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void outNamingAnExistingFileIsBadUsageInOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

    Cli.Result r = Cli.run("run", Campaigns.founding(dir).toString(), "--out", file.toString());

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("--out " + file + " is a file, not a folder").doesNotContain("Exception");
    assertThat(file).hasContent("x");
  }

  /** A command that fails as a bug would: the runner must not show its trace. */
  @CommandLine.Command(name = "boom", description = "Fails with a null pointer, as a bug would.")
  static final class Boom implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      Object nothing = null;
      return nothing.hashCode();
    }
  }

  @Test
  void anInternalErrorExitsThreeWithOneLineAndTheTraceInALogFile() throws Exception {
    CommandLine cli = new CommandLine(new DemarcheCli()).addSubcommand("boom", new Boom());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = DemarcheCli.execute(cli, new String[] {"boom"}, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(code).isEqualTo(DemarcheCli.INTERNAL);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("internal error").contains("please report").doesNotContain("\tat ");
    Matcher m = Pattern.compile("the details are in (\\S+\\.log)").matcher(err.toString());
    assertThat(m.find()).as(err.toString()).isTrue();
    Path log = Path.of(m.group(1));
    try {
      assertThat(Files.readString(log)).contains("NullPointerException").contains("\tat ")
          .contains(Boom.class.getName());
    } finally {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void everyOptionAndParameterOfEveryCommandIsDescribed() {
    List<String> undescribed = new ArrayList<>();
    for (CommandLine sub : new CommandLine(new DemarcheCli()).getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec a : args) {
        if (String.join("", a.description()).isBlank()) {
          undescribed.add(spec.qualifiedName() + " " + a.paramLabel() + (a.isOption()
              ? " " + ((CommandLine.Model.OptionSpec) a).longestName() : ""));
        }
      }
    }
    assertThat(undescribed).isEmpty();
  }

  @Test
  void theTopLevelHelpGivesEachCommandAWholeSentence() {
    Map<String, String> summaries = new TreeMap<>();
    new CommandLine(new DemarcheCli()).getSubcommands().forEach((name, sub) -> {
      String[] d = sub.getCommandSpec().usageMessage().description();
      summaries.put(name, d.length == 0 ? "" : d[0]);
    });
    assertThat(summaries).allSatisfy((name, first) -> assertThat(first).as(name).endsWith("."));
    Cli.Result help = Cli.run("--help");
    String flat = help.out().replaceAll("\\s+", " ");
    assertThat(flat).contains(summaries.get("run")).contains(summaries.get("voice"))
        .contains("3 an internal error");
  }

  @Test
  void validateCountsOneLetterInTheSingular() throws Exception {
    Path campaign = Campaigns.withChange(dir, """
          select:
            sendingState: CN
            hostCountry: JP
        """, """
          ids: [cn-cg-jp-osaka]
        """);

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 letter (en)").doesNotContain("1 letters");
  }

  @Test
  void nearestRefusesARegionThatDoesNotExist() {
    Cli.Result r = Cli.run("nearest", "--country", "JP", "--region", "JP-99");

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("--region JP-99 is not a region of Japan").contains("JP-01 to JP-47");
  }

  @Test
  void aSupportersFileWithAnUnknownKindOrRegionIsRefusedWithLineAndColumn() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path csv = Files.writeString(dir.resolve("supporters.csv"), """
        name,kind,email,country,region,paragraph
        Aiko Tanaka,persn,aiko@example.org,JP,JP-27,
        Ken Sato,person,ken@example.org,JP,JP-77,
        """);

    Cli.Result r = Cli.run("voice", campaign.toString(), "--supporters", csv.toString(), "--out",
        dir.resolve("out").toString());

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains(csv + ":2:2: kind: must be person or organization, not 'persn'")
        .contains(csv + ":3:5: region: is not a known region: 'JP-77'");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void runAsJsonGivesEachLetterAStableStateAndKeepsProgressOffStandardOutput() throws Exception {
    Path campaign = Campaigns.withSapporoAndNagoyaEmails(Campaigns.founding(dir));

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("command").asText()).isEqualTo("run");
    assertThat(root.get("channel").asText()).isEqualTo("outbox");
    assertThat(states(root)).containsEntry("cn-cg-jp-sapporo", "in-outbox").containsEntry("cn-cg-jp-nagoya",
        "in-outbox").containsEntry("cn-cg-jp-osaka", "by-post").hasSize(7);
    assertThat(root.get("counts").get("in-outbox").asInt()).isEqualTo(3);
    assertThat(root.get("counts").get("by-post").asInt()).isEqualTo(4);
    assertThat(root.get("counts").get("sent").asInt()).isZero();
    assertThat(root.get("printKit")).hasSize(2);
    assertThat(r.err()).contains("Delivering 7 of 7 letters");
  }

  @Test
  void statusAsJsonSaysPendingBeforeAndInOutboxOrByPostAfterARun() throws Exception {
    Path campaign = Campaigns.withSapporoAndNagoyaEmails(Campaigns.founding(dir));
    Cli.Result before = Cli.run("status", campaign.toString(), "--format", "json");
    Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString());
    Cli.Result after = Cli.run("status", campaign.toString(), "--format", "json");

    assertThat(before.exitCode()).isZero();
    assertThat(states(JSON.readTree(before.out())).values()).hasSize(7).containsOnly("pending");
    assertThat(after.exitCode()).isZero();
    JsonNode root = JSON.readTree(after.out());
    assertThat(states(root)).containsEntry("cn-cg-jp-sapporo", "in-outbox").containsEntry("cn-cg-jp-osaka", "by-post");
    assertThat(root.get("counts").get("pending").asInt()).isZero();
  }

  @Test
  void validateAsJsonListsThePendingLettersOrEveryLocatedProblem() throws Exception {
    Cli.Result valid = Cli.run("validate", Campaigns.founding(Files.createDirectories(dir.resolve("a"))).toString(),
        "--format", "json");
    Path bad = Campaigns.withChange(Files.createDirectories(dir.resolve("b")), "email: petition@lfnkr.example.org", "email: petition-at-lfnkr");
    Cli.Result invalid = Cli.run("validate", bad.toString(), "--format", "json");

    assertThat(valid.exitCode()).isZero();
    JsonNode ok = JSON.readTree(valid.out());
    assertThat(ok.get("valid").asBoolean()).isTrue();
    assertThat(states(ok).values()).hasSize(7).containsOnly("pending");
    assertThat(invalid.exitCode()).isEqualTo(DemarcheCli.INVALID);
    JsonNode no = JSON.readTree(invalid.out());
    assertThat(no.get("valid").asBoolean()).isFalse();
    JsonNode p = no.get("problems").get(0);
    assertThat(p.get("line").asInt()).isEqualTo(17);
    assertThat(p.get("field").asText()).isEqualTo("sender.email");
    assertThat(p.get("file").asText()).isEqualTo(bad.toString());
  }

  @Test
  void aCampaignValueWithTerminalEscapesIsPrintedEscaped() {
    Path bad = Campaigns.withChange(dir, "date: 2026-09-24", "date: \"2026-09-24\\e]0;pwned\\a\\e[2J\\u202e\"");

    Cli.Result r = Cli.run("validate", bad.toString());

    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("not '2026-09-24\\u001B]0;pwned\\u0007\\u001B[2J\\u202E'");
    assertThat(r.err() + r.out()).doesNotContain("\u001B").doesNotContain("\u0007").doesNotContain("\u202E");
  }

  @Test
  void printableEscapesEveryControlAndBidiCharacterButLineFeedAndTab() {
    assertThat(Printable.escape("a\u001B[31mb\r\u0085c\u007F\u2028\u2066d\te\nf"))
        .isEqualTo("a\\u001B[31mb\\u000D\\u0085c\\u007F\\u2028\\u2066d\te\nf");
  }

  private static Map<String, String> states(JsonNode root) {
    Map<String, String> out = new TreeMap<>();
    root.get("letters").forEach(n -> out.put(n.get("id").asText(), n.get("state").asText()));
    return out;
  }
}
