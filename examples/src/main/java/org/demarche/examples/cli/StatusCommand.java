package org.demarche.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "the journal to read (default: the SMTP journal if there is one, else the outbox journal)")
  Path journal;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "table (default) or json")
  String format;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  @Override
  public Integer call() throws Exception {
    Formats.check(format);
    Campaign campaign = folders.load(campaignFile);
    Path file = journal;
    if (file == null) {
      Path smtp = FileJournal.defaultFile(campaign, "smtp");
      file = Files.exists(smtp) ? smtp : FileJournal.defaultFile(campaign, "outbox");
    }
    Map<String, LetterStatus> statuses = Map.of();
    if (Files.exists(file)) {
      try (FileJournal j = FileJournal.open(file, campaign.id())) {
        statuses = j.statuses();
      }
    }
    List<DiplomaticMission> missions = Engine.demarche().missions(campaign);
    var out = spec.commandLine().getOut();
    // The outbox channel's "sent" means written into the outbox folder, not delivered.
    String channel = file.getFileName().toString().endsWith(".outbox.journal") ? "outbox" : "smtp";
    boolean troubled = false;
    List<JsonOutput.StatusRow> rows = new ArrayList<>();
    for (DiplomaticMission m : missions) {
      Optional<LetterStatus> s = Optional.ofNullable(statuses.get(m.id()));
      rows.add(new JsonOutput.StatusRow(m.id(), s));
      // Letters merely not yet sent are no failure: only a failed or in-doubt letter makes the exit code 1.
      troubled |= s.isPresent() && (s.get().inDoubt() || s.get().state() == LetterState.FAILED_PERMANENT
          || s.get().state() == LetterState.FAILED_TRANSIENT);
    }
    if (format.equals("json")) {
      out.println(JsonOutput.status(campaign.id(), channel, file, rows));
    } else {
      out.println("Campaign " + campaign.id() + ", journal " + file.toAbsolutePath().normalize()
          + (Files.exists(file) ? "" : " (none yet)"));
      Table t = new Table("MISSION", "STATE", "ATTEMPTS", "DETAIL");
      for (JsonOutput.StatusRow r : rows) {
        t.row(r.missionId(), r.status().map(StatusCommand::label).orElse("not yet sent"),
            r.status().map(s -> String.valueOf(s.attempts())).orElse(""),
            r.status().flatMap(LetterStatus::detail).map(Table::oneLine).orElse(""));
      }
      t.print(out);
      printSignatories(campaign, out);
    }
    return troubled ? DemarcheCli.SOME_FAILED : DemarcheCli.DONE;
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

  private static String label(LetterStatus s) {
    if (s.inDoubt()) {
      return "in doubt";
    }
    return switch (s.state()) {
      case SENT -> "sent";
      case BY_POST -> "by post";
      case FAILED_PERMANENT -> "failed";
      case FAILED_TRANSIENT -> "failed (will retry)";
      case PLANNED -> "planned";
      case SENDING -> "in doubt";
    };
  }
}
