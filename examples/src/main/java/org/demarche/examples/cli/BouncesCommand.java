package org.demarche.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.spi.Secrets;
import org.demarche.deliver.email.DeliveryStatusReport;
import org.demarche.deliver.email.ImapFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche bounces CAMPAIGN FILE.eml... | --imap URL}: imports RFC 3464 bounce reports into the journal. */
@Command(name = "bounces", mixinStandardHelpOptions = true,
    description = {"Import bounce reports (RFC 3464 delivery status notifications) from .eml files or an IMAP folder:"
        + " each one that names a letter's Message-ID marks that letter bounced, with the reported status and"
        + " diagnostic. A report that names no letter is listed; any other message is skipped with a line.",
        "The IMAP password comes from the environment variable DEMARCHE_IMAP_PASSWORD."})
final class BouncesCommand implements Callable<Integer> {
  static final String PASSWORD_ENV = "DEMARCHE_IMAP_PASSWORD";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Parameters(index = "1..*", paramLabel = "FILE", description = "messages saved as .eml files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--imap", paramLabel = "URL", description = "an IMAP folder, imaps://HOST[:PORT]/FOLDER (read only)")
  URI imap;

  @Option(names = "--imap-user", paramLabel = "USER", description = "the IMAP login (with --imap)")
  String imapUser;

  @Option(names = "--journal", paramLabel = "FILE|URL",
      description = "the journal (default: the journals beside the campaign), or jdbc:postgresql://HOST/DB")
  String journal;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  private int recorded;
  private int already;
  private int unmatched;
  private int skipped;

  @Override
  public Integer call() throws IOException {
    if (files.isEmpty() == (imap == null)) {
      throw new IllegalArgumentException("name the bounce reports: .eml files, or --imap imaps://HOST/FOLDER (one of"
          + " the two)");
    }
    Map<String, String> env = System.getenv();
    List<ImapFolder.Fetched> messages = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("the message file " + f + " does not exist");
      }
      messages.add(new ImapFolder.Fetched(f.toString(), Files.readAllBytes(f)));
    }
    Campaign campaign = folders.load(campaignFile);
    if (imap != null) {
      if (imapUser == null) {
        throw new IllegalArgumentException("--imap needs --imap-user USER (the password comes from " + PASSWORD_ENV
            + ")");
      }
      messages.addAll(ImapFolder.read(imap, imapUser, Secrets.require(env, PASSWORD_ENV, "IMAP password for "
          + imapUser)));
    }
    PrintWriter out = spec.commandLine().getOut();
    try (FollowUpJournals journals = FollowUpJournals.open(campaign, journal, env, true)) {
      for (ImapFolder.Fetched m : messages) {
        importOne(journals, campaign, m, out);
      }
    }
    out.println(recorded + " bounced letter(s) recorded, " + already + " already recorded, " + unmatched
        + " report(s) naming no letter, " + skipped + " message(s) skipped");
    return DemarcheCli.DONE;
  }

  private void importOne(FollowUpJournals journals, Campaign campaign, ImapFolder.Fetched m, PrintWriter out) {
    Optional<DeliveryStatusReport> read;
    try {
      read = DeliveryStatusReport.read(m.bytes());
    } catch (IllegalArgumentException e) {
      skipped++;
      out.println("skipped: " + m.name() + ": " + e.getMessage());
      return;
    }
    if (read.isEmpty() || !read.get().failed()) {
      skipped++;
      out.println("skipped: " + m.name() + (read.isEmpty() ? " is not a delivery status notification"
          : " reports '" + read.get().action() + "' (" + read.get().status() + "), not a bounce"));
      return;
    }
    DeliveryStatusReport r = read.get();
    Optional<Map.Entry<FollowUpJournals.Named, LetterStatus>> letter = r.originalMessageId()
        .flatMap(journals::findByMessageId);
    if (letter.isEmpty()) {
      unmatched++;
      out.println("no letter: " + m.name() + " reports status " + r.status() + " for Message-ID "
          + r.originalMessageId().map(id -> "<" + id + ">").orElse("(none given)") + ", which no letter of campaign "
          + campaign.id() + " has");
      return;
    }
    String id = letter.get().getValue().letterId();
    LocalDate day = r.date().orElse(LocalDate.now(ZoneOffset.UTC));
    LetterOutcome bounce = new LetterOutcome(id, LetterOutcome.Kind.BOUNCED, day, Instant.now(),
        Optional.of(r.status()).filter(s -> !s.isEmpty()), r.diagnosticCode());
    boolean known = letter.get().getKey().journal().outcomes().stream().anyMatch(o -> o.letterId().equals(id)
        && o.kind() == LetterOutcome.Kind.BOUNCED && o.on().equals(day) && o.reference().equals(bounce.reference()));
    if (known) {
      already++;
      out.println("already recorded: " + id + " bounced " + r.status() + " (" + m.name() + ")");
      return;
    }
    letter.get().getKey().journal().recordOutcome(bounce);
    recorded++;
    out.println("bounced: " + id + " " + r.status() + r.diagnosticCode().map(d -> " (" + Table.oneLine(d) + ")")
        .orElse("") + " from " + m.name());
  }
}
