package org.demarche.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;
import org.demarche.core.RunOptions;
import org.demarche.core.RunReport;
import org.demarche.core.model.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Render every letter and deliver it: into the outbox folder, or over SMTP with --send.",
        "Without --send nothing leaves this machine. A letter already delivered is never sent again."})
final class RunCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand
  DemarcheCli parent;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "the outbox folder (default: out)")
  Path out;

  @Option(names = "--send", description = "deliver over SMTP (settings from the campaign's delivery.smtp section)")
  boolean send;

  @Option(names = "--journal", paramLabel = "FILE|URL",
      description = "the delivery journal (default: beside the campaign, one per channel), or"
          + " jdbc:postgresql://HOST/DB for one that several runners share (user, password: PGUSER, PGPASSWORD)")
  String journal;

  @Option(names = "--resend-in-doubt", description = "send again letters a stopped run left in doubt (same Message-ID)")
  boolean resendInDoubt;

  @Option(names = "--retry-failed",
      description = "retry every failed letter, those the server refused permanently included (same Message-ID)")
  boolean retryFailed;

  @Option(names = "--include-outboxed", description = "with --send, also send letters already written to the outbox"
      + " as .eml files (held back otherwise: they may have been sent by hand)")
  boolean includeOutboxed;

  @Option(names = "--smtp-host", paramLabel = "HOST",
      description = "the SMTP server (default: delivery.smtp.host in the campaign)") String smtpHost;
  @Option(names = "--smtp-port", paramLabel = "PORT",
      description = "the SMTP port (default: delivery.smtp.port, else 587 for starttls, 465 for smtps)") Integer smtpPort;
  @Option(names = "--smtp-tls", paramLabel = "MODE", description = "starttls (default), smtps, or none (loopback only)")
  String smtpTls;
  @Option(names = "--smtp-per-minute", paramLabel = "N", description = "messages per minute (0: no limit)")
  Integer smtpPerMinute;
  @Option(names = "--smtp-per-domain-per-minute", paramLabel = "N",
      description = "messages per minute to one recipient mail domain (default 2; 0: no limit)")
  Integer smtpPerDomainPerMinute;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "table (default) or json: the outcome of each letter as JSON on standard output (progress on"
          + " standard error); states are described in the README")
  String format;

  @Option(names = "--allow-draft-translations",
      description = "attach translations still marked draft: true that nobody has reviewed (reviewedBy, reviewedOn)")
  boolean allowDraftTranslations;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  @picocli.CommandLine.Mixin
  NowOption now = new NowOption();

  @Option(names = "--wait", description = "with a schedule: stay until every letter due today (in this machine's"
      + " time zone) is sent, running again at each due time")
  boolean waitForDue;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Formats.check(format);
    if (now.given() && send) {
      throw new IllegalArgumentException("--now sets the clock for a rehearsal and cannot be used with --send, which"
          + " really sends: drop --now to send at the real time, or drop --send to write the outbox as of --now");
    }
    if (now.given() && waitForDue) {
      throw new IllegalArgumentException("--wait waits on the real clock: it cannot be used with --now");
    }
    int code = runOnce();
    while (waitForDue && code == DemarcheCli.DONE) {
      Campaign campaign = Engine.demarche().load(campaignFile, folders.allowed);
      java.time.Instant at = java.time.Instant.now();
      java.util.Optional<java.time.Instant> next = DueTimes.nextToday(DueTimes.pending(
          Engine.demarche().dueTimes(campaign), Engine.demarche().missions(campaign), at), at, java.time.ZoneId.systemDefault());
      if (next.isEmpty()) {
        break;
      }
      spec.commandLine().getErr().println("Waiting until " + next.get() + " (--wait)");
      Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), next.get()).toMillis()) + 200);
      code = runOnce();
    }
    return code;
  }

  /** One run: what is due now; says when the rest is due. A run with letters not yet due is no failure (exit 0). */
  private int runOnce() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    Demarche demarche = Engine.demarche();
    Campaign campaign = demarche.load(campaignFile, folders.allowed);
    java.time.Clock clock = now.clock();
    String channel = send ? "smtp" : "outbox";
    Settings settings = channelSettings(demarche, campaign, channel);
    Formats.folder(out, "--out");
    PostalKit postal = new PostalKit(out, campaign.id(),
        letter -> demarche.attachments(campaign, letter, allowDraftTranslations))
        .coverNote(DueTimes.postByNote(demarche.dueTimes(campaign), demarche.missions(campaign)));
    try (JournalChoice journals = JournalChoice.of(journal, campaign, channel, System.getenv())) {
      RunOptions options = journals.apply(RunOptions.outbox(out)).withChannel(channel, settings)
          .withResendInDoubt(resendInDoubt)
          .withListener(new Progress(format.equals("json") ? spec.commandLine().getErr() : o, channel, parent.verbosity()))
          .withPostalDesk(postal).withRetryFailed(retryFailed).withIncludeOutboxed(includeOutboxed)
          .withAllowDraftTranslations(allowDraftTranslations).withClock(clock);
      RunReport report = demarche.run(campaign, options);
      List<org.demarche.core.schedule.Due> dues = demarche.dueTimes(campaign);
      var missions = demarche.missions(campaign);
      if (format.equals("json")) {
        o.println(JsonOutput.run(report, channel, out, journals.shown(), postal.written()));
      } else {
        Summary.print(report, o, channel, out, journals.shown(), postal, parent.verbosity());
        FactWarnings.print(o, report, demarche.missions(campaign), java.time.LocalDate.now());
        draftNote(o, Demarche.draftsAwaitingReview(campaign));
      }
      // JSON output stays one document: what is due later goes to the error stream with the progress.
      PrintWriter said = format.equals("json") ? spec.commandLine().getErr() : o;
      DueTimes.printLate(said, dues, report.outcomes().stream().filter(x -> x.result() == RunReport.Result.SENT)
          .map(RunReport.Outcome::missionId).toList(), clock.instant());
      DueTimes.printPending(said, DueTimes.pending(dues, missions, clock.instant()));
      return report.allDone() ? DemarcheCli.DONE : DemarcheCli.SOME_FAILED;
    }
  }

  /** Says which draft translations went unreviewed (the flag repeated) or were left out, and why. */
  private void draftNote(PrintWriter o, List<String> drafts) {
    if (drafts.isEmpty()) {
      return;
    }
    if (allowDraftTranslations) {
      o.println("Draft translations attached unreviewed (--allow-draft-translations): " + String.join(", ", drafts));
    } else {
      o.println("Draft translations not attached: " + String.join(", ", drafts) + " (not yet reviewed: add reviewedBy"
          + " and reviewedOn to the translation's front matter, or pass --allow-draft-translations)");
    }
  }

  /** The channel's section of the campaign, with the values given on the command line in place of its own. */
  private Settings channelSettings(Demarche demarche, Campaign campaign, String channel) {
    Settings settings = demarche.section(campaign, "delivery." + channel);
    settings = override(settings, "host", smtpHost, "--smtp-host");
    settings = override(settings, "port", smtpPort, "--smtp-port");
    settings = override(settings, "tls", smtpTls, "--smtp-tls");
    settings = override(settings, "perDomainPerMinute", smtpPerDomainPerMinute, "--smtp-per-domain-per-minute");
    return override(settings, "perMinute", smtpPerMinute, "--smtp-per-minute");
  }

  /** {@code settings} with {@code key} from {@code flag} when the user gave it; a problem with it names the flag. */
  static Settings override(Settings settings, String key, Object value, String flag) {
    return value == null ? settings : settings.with(key, value.toString(), flag);
  }
}
