package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.RunOptions;
import org.demarche.core.RunReport;
import org.demarche.core.RunReport.Result;
import org.demarche.core.model.Settings;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The plugin inside petition-core's facade: campaign files checked at load, a run to a real server. */
class CampaignEndToEndTest {

  @RegisterExtension
  static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @TempDir
  Path dir;

  private static Demarche demarche() {
    return Demarche.builder().install(new TestPlugin()).install(new EmailPlugin()).build();
  }

  private Path campaign(String delivery) {
    return CampaignFiles.write(dir, CampaignFiles.VALID.replace("  channel: counting\n", delivery),
        CampaignFiles.BODY);
  }

  @Test
  void plainTextToARemoteServerIsRefusedWhenTheCampaignIsLoaded() {
    Path file = campaign("""
          channel: smtp
          smtp: { host: smtp.example.org, tls: none }
        """);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> demarche().load(file));
    assertThat(e.problems()).extracting(Problem::field).containsExactly("delivery.smtp.tls");
    assertThat(e.problems().get(0).location().file()).endsWith("campaign.yaml");
    assertThat(e.problems().get(0).location().line()).isPositive();
  }

  @Test
  void aSubjectWithALineBreakIsRefusedWhenTheCampaignIsLoaded() {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID
        .replace("subject: \"Petition via {{mission.city}}\"", "subject: \"Petition\\r\\nBcc: everyone@example.org\""),
        CampaignFiles.BODY);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> demarche().load(file));
    assertThat(e.problems()).extracting(Problem::field).anyMatch(f -> f.contains("subject"));
  }

  @Test
  void aSignersNameWithALineBreakIsRefusedWhenTheCampaignIsLoaded() {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID
        .replace("signedBy: { name: Hiroshi Kato,", "signedBy: { name: \"Hiroshi Kato\\nBcc: everyone@example.org\","),
        CampaignFiles.BODY);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> demarche().load(file));
    assertThat(e.problems()).extracting(Problem::field).anyMatch(f -> f.contains("signedBy"));
  }

  @Test
  void aCampaignRunOverSmtpDeliversEveryMissionWithAnEmailAndPostsTheRest() throws Exception {
    Path file = campaign("""
          channel: smtp
          smtp: { host: 127.0.0.1, port: %d, tls: none, perMinute: 0, perDomainPerMinute: 0 }
        """.formatted(SERVER.getSmtp().getPort()));
    Demarche demarche = demarche();
    Campaign campaign = demarche.load(file);
    RunOptions options = RunOptions.outbox(dir.resolve("out")).withEnvironment(Map.of());
    RunReport first = demarche.run(campaign, options);
    assertThat(first.count(Result.SENT)).isEqualTo(2);
    assertThat(first.count(Result.BY_POST)).isEqualTo(1);
    RunReport second = demarche.run(campaign, options);
    assertThat(second.count(Result.ALREADY_SENT)).isEqualTo(2);
    MimeMessage[] received = SERVER.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received).extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder("Petition via Osaka", "Petition via Sapporo");
  }

  @Test
  void theOutboxChannelWritesEmlFilesForTheSameCampaign() throws Exception {
    Path file = campaign("  channel: outbox\n");
    Demarche demarche = demarche();
    Campaign campaign = demarche.load(file);
    Path out = dir.resolve("out");
    RunReport report = demarche.run(campaign, RunOptions.outbox(out).withEnvironment(Map.of())
        .withChannel("outbox", Settings.empty("delivery.outbox")));
    assertThat(report.count(Result.SENT)).isEqualTo(2);
    assertThat(out.resolve("cn-cg-jp-osaka.eml")).isRegularFile();
    assertThat(out.resolve("cn-cg-jp-osaka.en.txt")).as("the text renderer's document keeps its extension")
        .isRegularFile();
    assertThat(Mail.parse(out.resolve("cn-cg-jp-sapporo.eml")).getSubject()).isEqualTo("Petition via Sapporo");
  }

  @Test
  void lettersRefusedForWantOfStartTlsAreRetryableAndTheFixedRunDeliversThem() throws Exception {
    GreenMail plain = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    plain.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    plain.start();
    try {
      int port = plain.getSmtp().getPort();
      Demarche demarche = demarche();
      RunOptions options = RunOptions.outbox(dir.resolve("out")).withEnvironment(Map.of());
      Path starttls = campaign("""
            channel: smtp
            smtp: { host: 127.0.0.1, port: %d, perMinute: 0, perDomainPerMinute: 0 }
          """.formatted(port));
      RunReport first = demarche.run(demarche.load(starttls), options);
      assertThat(first.count(Result.FAILED_TRANSIENT)).as("retryable, not permanent").isEqualTo(2);
      assertThat(first.count(Result.FAILED_PERMANENT)).isZero();
      assertThat(first.outcomes()).filteredOn(o -> o.result() == Result.FAILED_TRANSIENT)
          .allSatisfy(o -> assertThat(o.attempts()).as("not retried in the run: it would fail the same way")
              .isEqualTo(1))
          .allSatisfy(o -> assertThat(o.detail().orElseThrow()).contains("does not offer STARTTLS")
              .contains("tls: none").contains("the next run tries again"));
      assertThat(plain.getReceivedMessages()).isEmpty();

      Path fixed = campaign("""
            channel: smtp
            smtp: { host: 127.0.0.1, port: %d, tls: none, perMinute: 0, perDomainPerMinute: 0 }
          """.formatted(port));
      RunReport second = demarche.run(demarche.load(fixed), options);
      assertThat(second.count(Result.SENT)).isEqualTo(2);
      assertThat(plain.getReceivedMessages()).hasSize(2);
    } finally {
      plain.stop();
    }
  }

  @Test
  void aCampaignLogsInWithXoauth2UsingATokenCommandWrittenAsAYamlList() throws Exception {
    GreenMail auth = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    auth.start();
    auth.setUser("campaigns@lfnkr.example.org", "campaigns@lfnkr.example.org", "ya29.from-the-command");
    try {
      Path file = campaign("""
            channel: smtp
            smtp:
              host: 127.0.0.1
              port: %d
              tls: none
              perMinute: 0
              perDomainPerMinute: 0
              username: campaigns@lfnkr.example.org
              auth: xoauth2
              tokenCommand: [echo, ya29.from-the-command]
          """.formatted(auth.getSmtp().getPort()));
      Demarche demarche = demarche();
      RunReport report = demarche.run(demarche.load(file),
          RunOptions.outbox(dir.resolve("out")).withEnvironment(Map.of()));
      assertThat(report.count(Result.SENT)).as(report.toString()).isEqualTo(2);
      assertThat(auth.getReceivedMessages()).hasSize(2);
    } finally {
      auth.stop();
    }
  }
}
