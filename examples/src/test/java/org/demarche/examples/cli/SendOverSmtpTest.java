package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a real SMTP server on loopback. */
class SendOverSmtpTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(true);

  @TempDir
  Path dir;

  private Cli.Result send(Path campaign) {
    return Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send",
        "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()), "--smtp-tls", "none",
        "--smtp-per-minute", "0");
  }

  @Test
  void sendsEveryLetterWithAnEmailOnceAndStatusShowsEachMission() throws Exception {
    // No login on the test server, and no throttling: the defaults wait 30 s between letters to one domain.
    Path campaign = Campaigns.withChange(dir, "    username: petition@lfnkr.example.org\n    passwordEnv: DEMARCHE_SMTP_PASSWORD\n    perMinute: 6\n",
        "    perMinute: 0\n    perDomainPerMinute: 0\n");

    Cli.Result first = send(campaign);

    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(Arrays.stream(received).map(m -> {
      try {
        return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).containsExactlyInAnyOrder("chinaconsul_nii_jp@mfa.gov.cn"); // issue 14: the one officially published email
    assertThat(received[0].getMessageID()).endsWith(".demarche@lfnkr.example.org>");

    Cli.Result second = send(campaign);
    assertThat(second.exitCode()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(second.out()).contains("Nothing new");

    Cli.Result status = Cli.run("status", campaign.toString());
    assertThat(status.out()).contains("cn-cg-jp-sapporo").contains("sent").contains("cn-cg-jp-osaka")
        .contains("by post");
  }

  @Test
  void refusesPlainTextSmtpToAHostOtherThanLoopback() {
    Cli.Result r = Cli.run("run", Campaigns.founding(dir).toString(), "--out", dir.resolve("out").toString(), "--send",
        "--smtp-host", "smtp.example.org", "--smtp-tls", "none");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--smtp-tls").contains("tls: none").contains("127.0.0.1");
  }

  @Test
  void aWaitForThePerDomainLimitIsAnnouncedWithItsEndAndTheFlagSetsTheLimit() {
    // Both letters with an email go to csm.mfa.gov.cn: at 20 a minute the second waits 3 s, announced first.
    Path campaign = Campaigns.withSapporoAndNagoyaEmails(Campaigns.withChange(dir, "    username: petition@lfnkr.example.org\n    passwordEnv: DEMARCHE_SMTP_PASSWORD\n    perMinute: 6\n",
        "    perMinute: 0\n"));
    long start = System.nanoTime();
    Cli.Result r = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send",
        "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()), "--smtp-tls", "none",
        "--smtp-per-domain-per-minute", "20");
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("per-domain wait: run took " + millis + " ms; it printed: " + r.out().lines()
        .filter(l -> l.contains("waiting")).findFirst().orElse("(nothing)").strip());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).containsPattern("waiting until \\d\\d:\\d\\d:\\d\\d for the per-domain limit of"
        + " csm\\.mfa\\.gov\\.cn \\(20 a minute\\)");
    assertThat(millis).isGreaterThanOrEqualTo(2_500);
    assertThat(smtp.getReceivedMessages()).hasSize(3);
  }

  @Test
  void noWaitIsAnnouncedWhenThePerDomainFlagSwitchesTheLimitOff() {
    Path campaign = Campaigns.withSapporoAndNagoyaEmails(Campaigns.withChange(dir, "    username: petition@lfnkr.example.org\n    passwordEnv: DEMARCHE_SMTP_PASSWORD\n    perMinute: 6\n",
        "    perMinute: 0\n"));
    Cli.Result r = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send",
        "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()), "--smtp-tls", "none",
        "--smtp-per-domain-per-minute", "0");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).doesNotContain("waiting");
    assertThat(smtp.getReceivedMessages()).hasSize(3);
  }

  @Test
  void lettersFailedForWantOfStartTlsAreRetryableAndSentOnceTheSettingIsFixed() {
    Path campaign = Campaigns.withSapporoAndNagoyaEmails(Campaigns.withChange(dir, "    username: petition@lfnkr.example.org\n    passwordEnv: DEMARCHE_SMTP_PASSWORD\n    perMinute: 6\n",
        "    perMinute: 0\n    perDomainPerMinute: 0\n"));
    String port = String.valueOf(smtp.getSmtp().getPort());
    Cli.Result refused = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send",
        "--smtp-host", "127.0.0.1", "--smtp-port", port);
    System.out.println("no STARTTLS, exit " + refused.exitCode() + ": " + refused.out().lines()
        .filter(l -> l.contains("STARTTLS")).findFirst().orElse("(no line names STARTTLS)").strip());
    assertThat(refused.exitCode()).isEqualTo(1);
    // The whole advice (use tls: smtps, or tls: none to loopback) is printed, and the letter is retryable.
    assertThat(refused.out() + refused.err()).contains("does not offer STARTTLS").contains("failed, retryable")
        .contains("tls: none for a server on this machine");
    assertThat(smtp.getReceivedMessages()).isEmpty();

    Cli.Result fixed = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString(), "--send",
        "--smtp-host", "127.0.0.1", "--smtp-port", port, "--smtp-tls", "none");
    assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(3);
  }
}
