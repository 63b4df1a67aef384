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

  @Option(names = "--journal", paramLabel = "FILE|URL",
      description = "the journal to read (default: both journals beside the campaign; a letter sent over SMTP shows"
          + " as sent, one written to the outbox as in the outbox), or jdbc:postgresql://HOST/DB for the SMTP journal"
          + " that several runners share (user, password: PGUSER, PGPASSWORD)")
  String journal;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "table (default) or json")
  String format;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  @picocli.CommandLine.Mixin
  NowOption now = new NowOption();

  /** What happened to letters after they left (posted, replied, bounced, ...), by letter id, from every journal read. */
  private final Map<String, List<org.demarche.core.model.LetterOutcome>> outcomes = new java.util.HashMap<>();

  @Override
  public Integer call() throws Exception {
    Formats.check(format);
    Campaign campaign = folders.load(campaignFile);
    if (journal != null && org.demarche.journal.postgres.PostgresJournals.isUrl(journal)) {
      try (JournalChoice shared = JournalChoice.of(journal, campaign, "smtp", System.getenv())) {
        shared.shared().orElseThrow().outcomes().forEach(o ->
            outcomes.computeIfAbsent(o.letterId(), k -> new ArrayList<>()).add(o));
        return print(campaign, shared.statuses(campaign.id()), java.util.Set.of(), "smtp", shared.shown(), true);
      }
    }
    Path file = journal != null ? Path.of(journal) : FileJournal.defaultFile(campaign, "smtp");
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
    String channel = file.getFileName().toString().endsWith(".outbox.journal") ? "outbox" : "smtp";
    return print(campaign, statuses, inOutbox, channel, file.toAbsolutePath().normalize().toString(), Files.exists(file));
  }

  /** The table (or JSON) of what {@code statuses} say of each selected mission's letter; the exit code. */
  private int print(Campaign campaign, Map<String, LetterStatus> statuses, java.util.Set<String> inOutbox,
      String channel, String shown, boolean exists) {
    List<DiplomaticMission> missions = Engine.demarche().missions(campaign);
    var out = spec.commandLine().getOut();
    boolean troubled = false;
    List<JsonOutput.StatusRow> rows = new ArrayList<>();
    for (DiplomaticMission m : missions) {
      Optional<LetterStatus> s = Optional.ofNullable(statuses.get(m.id()));
      rows.add(new JsonOutput.StatusRow(m.id(), s, inOutbox.contains(m.id())));
      // Letters merely not yet sent are no failure: only a failed or in-doubt letter makes the exit code 1.
      troubled |= s.isPresent() && (s.get().inDoubt() || s.get().state() == LetterState.FAILED_PERMANENT
          || s.get().state() == LetterState.FAILED_TRANSIENT);
    }
    if (format.equals("json")) {
      out.println(JsonOutput.status(campaign.id(), channel, shown, rows, outcomes));
    } else {
      out.println("Campaign " + campaign.id() + ", journal " + shown + (exists ? "" : " (none yet)"));
      // The AFTER column (posted, replied, bounced, ...) appears once something is recorded there.
      boolean after = rows.stream().anyMatch(r -> outcomes.containsKey(r.missionId()));
      Table t = after ? new Table("MISSION", "STATE", "ATTEMPTS", "DETAIL", "AFTER")
          : new Table("MISSION", "STATE", "ATTEMPTS", "DETAIL");
      for (JsonOutput.StatusRow r : rows) {
        String[] cells = {r.missionId(), r.inOutbox() ? "in the outbox"
                : r.status().map(StatusCommand::label).orElse("not yet sent (the next run sends it)"),
            r.status().map(s -> String.valueOf(s.attempts())).orElse(""),
            r.status().flatMap(LetterStatus::detail).map(Table::oneLine).orElse(""),
            Outcomes.text(outcomes.getOrDefault(r.missionId(), List.of()))};
        t.row(after ? cells : java.util.Arrays.copyOf(cells, 4));
      }
      t.print(out);
      printDue(campaign, missions, out);
      printSignatories(campaign, out);
    }
    return troubled ? DemarcheCli.SOME_FAILED : DemarcheCli.DONE;
  }

  /** With a schedule: each letter's due time where the mission is and here, and the post-by day of letters by post. */
  private void printDue(Campaign campaign, List<DiplomaticMission> missions, java.io.PrintWriter out) {
    List<org.demarche.core.schedule.Due> dues = Engine.demarche().dueTimes(campaign);
    if (dues.isEmpty()) {
      return;
    }
    java.time.LocalDate today = now.today();
    java.time.ZoneId here = java.time.ZoneId.systemDefault();
    Table t = new Table("MISSION", "DUE (MISSION'S TIME)", "DUE (YOURS)", "POST BY");
    for (int i = 0; i < dues.size(); i++) {
      org.demarche.core.schedule.Due d = dues.get(i);
      String postBy = missions.get(i).email().isPresent() ? ""
          : d.postBy().map(p -> p + (d.postedLate(today) ? " (passed: late)" : ""))
              .orElse("unknown: set schedule.postalDays for " + d.postalRoute());
      t.row(d.missionId(), DueTimes.local(d.at()), DueTimes.operator(d.at(), here), postBy);
    }
    out.println("Schedule: action day " + campaign.schedule().get().actionDay() + ", today " + today);
    t.print(out);
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

  private Map<String, LetterStatus> read(Path file, String campaignId) {
    try (FileJournal j = FileJournal.read(file, campaignId)) {
      j.outcomes().forEach(o -> outcomes.computeIfAbsent(o.letterId(), k -> new ArrayList<>()).add(o));
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
