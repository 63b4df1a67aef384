package org.demarche.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.FileJournal;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.signatories.SignatoryTally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show each mission's letter: sent, by post, failed (with the server's reply), in doubt, or not yet sent.")
final class StatusCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file")
  Path campaignFile;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "the journal to read (default: both journals beside the campaign; a letter sent over SMTP shows"
          + " as sent, one written to the outbox as in the outbox)")
  Path journal;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "table (default) or json")
  String format;

  @Override
  public Integer call() throws Exception {
    Formats.check(format);
    Campaign campaign = Engine.load(campaignFile);
    Path file = journal != null ? journal : FileJournal.defaultFile(campaign, "smtp");
    // Read only: status never creates, repairs or locks a journal.
    Map<String, LetterStatus> statuses = new java.util.HashMap<>(read(file, campaign.id()));
    java.util.Set<String> inOutbox = new java.util.HashSet<>();
    if (journal == null) {
      Path outbox = FileJournal.defaultFile(campaign, "outbox");
      read(outbox, campaign.id()).forEach((id, s) -> {
        LetterStatus smtp = statuses.get(id);
        if (smtp == null || smtp.state() == LetterState.PLANNED) {
          statuses.put(id, s);
          if (s.state() == LetterState.SENT) {
            inOutbox.add(id);
          }
        }
      });
      file = Files.exists(file) || !Files.exists(outbox) ? file : outbox;
    } else if (FileJournal.defaultFile(campaign, "outbox").toAbsolutePath().equals(file.toAbsolutePath())) {
      statuses.values().stream().filter(s -> s.state() == LetterState.SENT).forEach(s -> inOutbox.add(s.letterId()));
    }
    List<DiplomaticMission> missions = Engine.demarche().missions(campaign);
    var out = spec.commandLine().getOut();
    boolean allDone = true;
    List<String[]> rows = new ArrayList<>();
    for (DiplomaticMission m : missions) {
      LetterStatus s = statuses.get(m.id());
      String state = s == null ? "not yet sent" : inOutbox.contains(m.id()) ? "in the outbox" : label(s);
      allDone &= s != null && (s.state() == LetterState.SENT || s.state() == LetterState.BY_POST);
      rows.add(new String[] {m.id(), state, s == null ? "" : String.valueOf(s.attempts()),
          s == null ? "" : s.detail().orElse(""), s == null ? "" : s.at().toString()});
    }
    if (format.equals("json")) {
      ArrayNode arr = Missions.JSON.createArrayNode();
      for (String[] r : rows) {
        ObjectNode n = arr.addObject();
        n.put("id", r[0]);
        n.put("state", r[1]);
        n.put("attempts", r[2].isEmpty() ? 0 : Integer.parseInt(r[2]));
        n.put("detail", r[3]);
        n.put("at", r[4]);
      }
      out.println(Missions.JSON.writeValueAsString(arr));
    } else {
      out.println("Campaign " + campaign.id() + ", journal " + file.toAbsolutePath().normalize()
          + (Files.exists(file) ? "" : " (none yet)"));
      Table t = new Table("MISSION", "STATE", "ATTEMPTS", "DETAIL");
      rows.forEach(r -> t.row(r[0], r[1], r[2], r[3].length() > 90 ? r[3].substring(0, 87) + "..." : r[3]));
      t.print(out);
      printSignatories(campaign, out);
    }
    return allDone ? DemarcheCli.DONE : DemarcheCli.SOME_FAILED;
  }

  /** Co-signatory counts as recipients see them: by disclosure level and by country (small countries grouped). */
  private static void printSignatories(Campaign campaign, java.io.PrintWriter out) {
    SignatoryTally tally = SignatoryTally.of(campaign.signatories(), campaign.disclosureCap());
    if (tally.total() == 0) {
      return;
    }
    StringBuilder levels = new StringBuilder();
    tally.byDisclosure().forEach((level, n) -> {
      if (n > 0) {
        levels.append(levels.length() == 0 ? "" : ", ").append(n).append(' ')
            .append(level.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      }
    });
    StringBuilder countries = new StringBuilder();
    tally.countriesWithAtLeast(SignatoryTally.SMALLEST_COUNTRY_SHOWN).forEach((c, n) ->
        countries.append(countries.length() == 0 ? "" : ", ").append(c).append(' ').append(n));
    long other = tally.inCountriesWithFewerThan(SignatoryTally.SMALLEST_COUNTRY_SHOWN) + tally.withoutCountry();
    if (other > 0) {
      countries.append(countries.length() == 0 ? "" : ", ").append("other ").append(other);
    }
    out.println();
    out.println("Co-signatories: " + tally.total() + " (" + levels + "); by country: " + countries);
  }

  private static Map<String, LetterStatus> read(Path file, String campaignId) {
    try (FileJournal j = FileJournal.read(file, campaignId)) {
      return j.statuses();
    }
  }

  /** A letter's state, and for one that is not done, the command that would try it again. */
  private static String label(LetterStatus s) {
    return switch (s.state()) {
      case SENT -> "sent";
      case BY_POST -> "by post";
      case FAILED_PERMANENT -> "failed (run --retry-failed retries it)";
      case FAILED_TRANSIENT -> "failed (the next run retries it)";
      case PLANNED -> "not yet sent (the next run sends it)";
      case SENDING -> "in doubt (run --resend-in-doubt resends it)";
    };
  }
}
