package org.demarche.examples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiFunction;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterStatus;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code posted} and {@code outcome} share: the campaign, the letter, the day, the journal; and recording. */
final class LetterFollowUp {
  @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Parameters(index = "1", paramLabel = "MISSION", description = "the mission's id as status shows it (or a letter id)")
  String letter;

  @Option(names = "--on", required = true, paramLabel = "DATE", description = "the day it happened (2026-09-24)")
  String on;

  @Option(names = "--journal", paramLabel = "FILE|URL",
      description = "the journal (default: the SMTP journal beside the campaign, else the outbox's), or"
          + " jdbc:postgresql://HOST/DB (user, password: PGUSER, PGPASSWORD)")
  String journal;

  @Mixin
  CampaignFolders folders = new CampaignFolders();

  /**
   * Records what {@code make} returns for the letter's status and the day, in the journal that holds the letter;
   * returns that journal as shown. {@code make} may refuse with an {@link IllegalArgumentException}.
   */
  String record(BiFunction<LetterStatus, LocalDate, LetterOutcome> make) {
    LocalDate day = day(on);
    Campaign campaign = folders.load(campaignFile);
    try (FollowUpJournals journals = FollowUpJournals.open(campaign, journal, System.getenv(), true)) {
      Map.Entry<FollowUpJournals.Named, LetterStatus> found = journals.find(letter).orElseThrow(() ->
          new IllegalArgumentException("campaign " + campaign.id() + " has no letter '" + letter + "' that a run has"
              + " handled (journal: " + journals.shown() + "); letters: " + journals.known()));
      found.getKey().journal().recordOutcome(make.apply(found.getValue(), day));
      return found.getKey().shown();
    }
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
