package org.demarche.examples.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche outcome CAMPAIGN MISSION replied|refused|returned|bounced --on DATE [--note TEXT]}. */
@Command(name = "outcome", mixinStandardHelpOptions = true,
    description = {"Record what came back of a letter: replied, refused, returned (by the post) or bounced.",
        "Kept in the campaign's journal beside the letter's state, which it does not change: no run sends the letter"
            + " again because of it. status and report show it."})
final class OutcomeCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Parameters(index = "1", paramLabel = "MISSION", description = "the mission's id as status shows it (or a letter id)")
  String letter;

  @Parameters(index = "2", paramLabel = "replied|refused|returned|bounced", description = "what came back")
  String kind;

  @Option(names = "--on", required = true, paramLabel = "DATE", description = "the day it happened (2026-09-30)")
  String on;

  @Option(names = "--note", paramLabel = "TEXT", description = "a note: who replied, what the envelope said, ...")
  String note;

  @Option(names = "--journal", paramLabel = "FILE|URL",
      description = "the journal (default: the SMTP journal beside the campaign, else the outbox's), or"
          + " jdbc:postgresql://HOST/DB (user, password: PGUSER, PGPASSWORD)")
  String journal;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  @Override
  public Integer call() {
    LetterOutcome.Kind k = LetterOutcome.Kind.of(kind).filter(x -> x != LetterOutcome.Kind.POSTED)
        .orElseThrow(() -> new IllegalArgumentException("'" + kind + "' is no outcome: say replied, refused,"
            + " returned or bounced (a letter handed to the post is recorded with 'demarche posted')"));
    LocalDate day = day(on);
    Campaign campaign = folders.load(campaignFile);
    try (FollowUpJournals journals = FollowUpJournals.open(campaign, journal, System.getenv(), true)) {
      Map.Entry<FollowUpJournals.Named, LetterStatus> found = letter(journals, campaign, letter);
      found.getKey().journal().recordOutcome(new LetterOutcome(found.getValue().letterId(), k, day, Instant.now(),
          Optional.empty(), Optional.ofNullable(note)));
      spec.commandLine().getOut().println("recorded: " + letter + " " + k.word() + " on " + day + " (journal "
          + found.getKey().shown() + ")");
    }
    return DemarcheCli.DONE;
  }

  /** The journal and status of {@code letterId}, or an error that names the letters there are. */
  static Map.Entry<FollowUpJournals.Named, LetterStatus> letter(FollowUpJournals journals, Campaign campaign,
      String letterId) {
    return journals.find(letterId).orElseThrow(() -> new IllegalArgumentException("campaign " + campaign.id()
        + " has no letter '" + letterId + "' that a run has handled (journal: " + journals.shown() + "); letters: "
        + journals.known()));
  }

  /** {@code --on}: an ISO 8601 date. */
  static LocalDate day(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--on: '" + text + "' is not a date; write it as year-month-day, e.g."
          + " 2026-09-24");
    }
  }
}
