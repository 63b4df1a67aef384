package org.demarche.examples.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche posted CAMPAIGN MISSION --on DATE [--tracking ID]}: a letter from the print kit went in the post. */
@Command(name = "posted", mixinStandardHelpOptions = true,
    description = {"Record that a letter from the print kit was posted, with its tracking number if it has one.",
        "Only for letters that go by post; status and report show it."})
final class PostedCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Parameters(index = "1", paramLabel = "MISSION", description = "the mission's id as status shows it (or a letter id)")
  String letter;

  @Option(names = "--on", required = true, paramLabel = "DATE", description = "the day it was posted (2026-09-18)")
  String on;

  @Option(names = "--tracking", paramLabel = "ID", description = "the post's tracking number (e.g. EJ123456789JP)")
  String tracking;

  @Option(names = "--journal", paramLabel = "FILE|URL",
      description = "the journal (default: the SMTP journal beside the campaign, else the outbox's), or"
          + " jdbc:postgresql://HOST/DB (user, password: PGUSER, PGPASSWORD)")
  String journal;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  @Override
  public Integer call() {
    LocalDate day = OutcomeCommand.day(on);
    Campaign campaign = folders.load(campaignFile);
    try (FollowUpJournals journals = FollowUpJournals.open(campaign, journal, System.getenv(), true)) {
      Map.Entry<FollowUpJournals.Named, LetterStatus> found = OutcomeCommand.letter(journals, campaign, letter);
      LetterStatus s = found.getValue();
      if (s.state() != LetterState.BY_POST) {
        throw new IllegalArgumentException("the letter to " + letter + " did not go by post (its journal says "
            + s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " on " + s.at() + "): posted"
            + " is for letters in the print kit; record what came back of it with 'demarche outcome'");
      }
      found.getKey().journal().recordOutcome(new LetterOutcome(s.letterId(), LetterOutcome.Kind.POSTED, day,
          Instant.now(), Optional.ofNullable(tracking), Optional.empty()));
      spec.commandLine().getOut().println("recorded: " + letter + " posted on " + day
          + (tracking == null ? "" : ", tracking " + tracking) + " (journal " + found.getKey().shown() + ")");
    }
    return DemarcheCli.DONE;
  }
}
