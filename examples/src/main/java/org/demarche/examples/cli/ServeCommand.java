package org.demarche.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.core.Demarche;
import org.demarche.core.FileJournal;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.voice.VoiceOptions;
import org.demarche.voice.Voices;
import org.demarche.voice.web.VoicePage;
import org.demarche.voice.web.VoiceWebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the campaign's supporters' page, where each supporter writes their own letter.",
        "Where do you live, which mission serves you and why, your letter as a PDF, an .eml draft and a mailto: link;",
        "\"send it for me\" when delivery.voice.mode is on-behalf. Binds to loopback unless --host says otherwise;",
        "put it behind the NGO's HTTPS proxy to face the internet."})
final class ServeCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "the port (default 8080; 0: any free port)")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "the address to bind (default 127.0.0.1)")
  String host;

  @Option(names = "--public-url", paramLabel = "URL",
      description = "the address supporters reach the page at, for confirmation links (default http://HOST:PORT)")
  String publicUrl;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "a folder with the NGO's own copies of the page's templates, words or style")
  Path templates;

  @Option(names = "--journal", paramLabel = "FILE", description = "on-behalf: the delivery journal (default: the campaign's smtp journal)")
  Path journal;

  @Option(names = "--smtp-host", paramLabel = "HOST", description = "on-behalf: the SMTP server (default: delivery.smtp.host)")
  String smtpHost;
  @Option(names = "--smtp-port", paramLabel = "PORT", description = "on-behalf: the SMTP port") Integer smtpPort;
  @Option(names = "--smtp-tls", paramLabel = "MODE", description = "on-behalf: starttls (default), smtps, or none (loopback only)")
  String smtpTls;

  @Option(names = "--letters-per-minute", defaultValue = "20", paramLabel = "N",
      description = "letters one client address may write per minute (default 20); behind a proxy every client"
          + " shares the proxy's address, so raise it there")
  int lettersPerMinute;

  @Mixin
  CampaignFolders folders = new CampaignFolders();

  /** Set by tests: called with the running server instead of waiting for Ctrl-C. */
  static java.util.function.Consumer<VoiceWebServer> started;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter o = spec.commandLine().getOut();
    Demarche demarche = Engine.demarche();
    Campaign campaign = folders.load(campaignFile);
    Settings smtp = demarche.section(campaign, "delivery.smtp");
    smtp = RunCommand.override(smtp, "host", smtpHost, "--smtp-host");
    smtp = RunCommand.override(smtp, "port", smtpPort, "--smtp-port");
    smtp = RunCommand.override(smtp, "tls", smtpTls, "--smtp-tls");
    Path journalFile = journal != null ? journal : FileJournal.defaultFile(campaign, "smtp");
    try (VoiceWebServer server = start(demarche, campaign, smtp, journalFile)) {
      o.println("The supporters' page of " + campaign.id() + " is at http://" + hostForUrl() + ":" + server.port() + "/");
      o.println("Press Ctrl-C to stop.");
      o.flush();
      if (started != null) {
        started.accept(server);
      } else {
        server.await();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return DemarcheCli.DONE;
  }

  private VoiceWebServer start(Demarche demarche, Campaign campaign, Settings smtp, Path journalFile) throws IOException {
    VoicePage page = page(demarche, campaign, smtp, journalFile, publicUrl, templates, port, host, lettersPerMinute);
    return VoiceWebServer.start(page, host, port);
  }

  /** The page of {@code campaign} as the runner serves it (also used by the embedding example and tests). */
  static VoicePage page(Demarche demarche, Campaign campaign, Settings smtp, Path journalFile, String publicUrl,
      Path templates, int port, String host, int lettersPerMinute) {
    ContactDirectory directory = demarche.directory(campaign);
    VoiceOptions options = VoiceOptions.from(demarche.section(campaign, "delivery.voice"));
    Voices voices = Voices.create(campaign, directory, options);
    VoicePage.Builder b = VoicePage.builder(voices, directory, demarche.renderer(campaign))
        .drafts(folder -> demarche.channel("outbox", new ChannelContext(Settings.empty("delivery.outbox"), folder, Map.of())))
        .preview(new PdfPreview())
        .publicUrl(publicUrl != null ? publicUrl : "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
            + (port == 0 ? 8080 : port));
    b.limits(lettersPerMinute, 10, 3);
    if (templates != null) {
      b.templates(templates);
    }
    if (options.mode() == VoiceOptions.Mode.ON_BEHALF) {
      b.onBehalf(new SmtpOnBehalf(demarche, voices, smtp, journalFile, System.getenv()));
    }
    return b.build();
  }

  private String hostForUrl() {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
