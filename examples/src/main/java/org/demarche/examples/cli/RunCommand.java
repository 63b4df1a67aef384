package org.demarche.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;
import org.demarche.core.FileJournal;
import org.demarche.core.RunOptions;
import org.demarche.core.RunReport;
import org.demarche.core.model.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Render every letter and deliver it: into the outbox folder (default: nothing leaves this machine),",
        "or over SMTP with --send. A letter already delivered is never sent again."})
final class RunCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "the outbox folder (default: out)")
  Path out;

  @Option(names = "--send", description = "deliver over SMTP (settings from the campaign's delivery.smtp section)")
  boolean send;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "the delivery journal (default: beside the campaign, one per channel)")
  Path journal;

  @Option(names = "--resend-in-doubt", description = "send again letters a stopped run left in doubt (same Message-ID)")
  boolean resendInDoubt;

  @Option(names = "--retry-failed",
      description = "retry every failed letter, those the server refused permanently included (same Message-ID)")
  boolean retryFailed;

  @Option(names = "--include-outboxed", description = "with --send, also send letters already written to the outbox"
      + " as .eml files (held back otherwise: they may have been sent by hand)")
  boolean includeOutboxed;

  @Option(names = "--smtp-host", paramLabel = "HOST") String smtpHost;
  @Option(names = "--smtp-port", paramLabel = "PORT") Integer smtpPort;
  @Option(names = "--smtp-tls", paramLabel = "MODE", description = "starttls (default), smtps, or none (loopback only)")
  String smtpTls;
  @Option(names = "--smtp-per-minute", paramLabel = "N", description = "messages per minute (0: no limit)")
  Integer smtpPerMinute;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    Demarche demarche = Engine.demarche();
    Campaign campaign = demarche.load(campaignFile);
    String channel = send ? "smtp" : "outbox";
    Settings settings = channelSettings(demarche, campaign, channel);
    Path journalFile = journal != null ? journal : FileJournal.defaultFile(campaign, channel);
    Files.createDirectories(out);
    PostalKit postal = new PostalKit(out, campaign.id());
    RunOptions options = RunOptions.outbox(out).withJournal(journalFile).withChannel(channel, settings)
        .withResendInDoubt(resendInDoubt).withListener(new Progress(o, channel)).withPostalDesk(postal)
        .withRetryFailed(retryFailed).withIncludeOutboxed(includeOutboxed);
    RunReport report = demarche.run(campaign, options);
    Summary.print(report, o, channel, out, journalFile, postal);
    return report.allDone() ? DemarcheCli.DONE : DemarcheCli.SOME_FAILED;
  }

  /** The channel's section of the campaign, with the values given on the command line in place of its own. */
  private Settings channelSettings(Demarche demarche, Campaign campaign, String channel) {
    Settings settings = demarche.section(campaign, "delivery." + channel);
    settings = override(settings, "host", smtpHost, "--smtp-host");
    settings = override(settings, "port", smtpPort, "--smtp-port");
    settings = override(settings, "tls", smtpTls, "--smtp-tls");
    return override(settings, "perMinute", smtpPerMinute, "--smtp-per-minute");
  }

  /** {@code settings} with {@code key} from {@code flag} when the user gave it; a problem with it names the flag. */
  static Settings override(Settings settings, String key, Object value, String flag) {
    return value == null ? settings : settings.with(key, value.toString(), flag);
  }
}
