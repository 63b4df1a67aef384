package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bounces}: RFC 3464 reports from files and from an IMAP folder (GreenMail's IMAP server) mark letters bounced. */
class BouncesCommandTest {
  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
      .withPerMethodLifecycle(true);

  @TempDir
  Path dir;

  Path campaign;
  String niigataMessageId;

  @BeforeEach
  void runToTheOutbox() throws Exception {
    campaign = Campaigns.founding(dir);
    assertThat(Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString()).exitCode()).isZero();
    JsonNode status = new ObjectMapper().readTree(Cli.run("status", campaign.toString(), "--format", "json").out());
    for (JsonNode l : status.get("letters")) {
      if (l.get("id").asText().equals("cn-cg-jp-niigata")) {
        niigataMessageId = l.get("messageId").asText();
      }
    }
    assertThat(niigataMessageId).isNotBlank();
  }

  /** A bounce as Postfix sends it, about the message {@code messageId}. */
  static String dsn(String messageId, String action, String status) {
    return """
        Date: Thu, 24 Sep 2026 10:02:11 +0900
        From: MAILER-DAEMON@mfa.gov.cn (Mail Delivery System)
        To: petition@lfnkr.example.org
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="DSN"

        --DSN
        Content-Type: text/plain; charset=us-ascii

        Your message could not be delivered.

        --DSN
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.mfa.gov.cn

        Final-Recipient: rfc822; chinaconsul_nii_jp@mfa.gov.cn
        Action: %s
        Status: %s
        Diagnostic-Code: smtp; 550 5.1.1 User unknown

        --DSN
        Content-Type: text/rfc822-headers

        Message-ID: <%s>
        Subject: Petition

        --DSN--
        """.formatted(action, status, messageId).replace("\n", "\r\n");
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
  }

  @Test
  void aDsnFromAFileMarksItsLetterBouncedWithTheStatusCode() throws Exception {
    Path eml = file("bounce.eml", dsn(niigataMessageId, "failed", "5.1.1"));

    Cli.Result r = Cli.run("bounces", campaign.toString(), eml.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("bounced: cn-cg-jp-niigata 5.1.1 (smtp; 550 5.1.1 User unknown)")
        .contains("1 bounced letter(s) recorded");
    // The table wraps its last column: compare with the wrapping undone.
    assertThat(Cli.run("status", campaign.toString()).out().replaceAll("\\s+", " "))
        .contains("bounced 2026-09-24 (5.1.1: smtp; 550 5.1.1 User unknown)");
  }

  @Test
  void importingTheSameReportTwiceRecordsItOnce() throws Exception {
    Path eml = file("bounce.eml", dsn(niigataMessageId, "failed", "5.1.1"));
    Cli.run("bounces", campaign.toString(), eml.toString());

    Cli.Result again = Cli.run("bounces", campaign.toString(), eml.toString());

    assertThat(again.out()).contains("already recorded: cn-cg-jp-niigata").contains("0 bounced letter(s) recorded");
  }

  @Test
  void aReportOfNoLetterIsListedAndAnOrdinaryMessageSkippedWithoutError() throws Exception {
    Path stranger = file("stranger.eml", dsn("not-ours@example.org", "failed", "5.1.1"));
    Path reply = file("reply.eml", "From: consul@mfa.gov.cn\r\nSubject: Re: Petition\r\n\r\nReceived.\r\n");
    Path delay = file("delay.eml", dsn(niigataMessageId, "delayed", "4.4.1"));

    Cli.Result r = Cli.run("bounces", campaign.toString(), stranger.toString(), reply.toString(), delay.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("no letter: " + stranger + " reports status 5.1.1 for Message-ID <not-ours@example.org>")
        .contains("skipped: " + reply + " is not a delivery status notification")
        .contains("skipped: " + delay + " reports 'delayed' (4.4.1), not a bounce")
        .contains("0 bounced letter(s) recorded, 0 already recorded, 1 report(s) naming no letter, 2 message(s) skipped");
    assertThat(Cli.run("status", campaign.toString()).out()).doesNotContain("bounced");
  }

  @Test
  void aDsnInAnImapFolderMarksItsLetterBounced() throws Exception {
    GreenMailUser user = mail.setUser("bounces@lfnkr.example.org", "bounces", "test-imap-password");
    user.deliver(new MimeMessage(GreenMailUtil.getSession(ServerSetupTest.IMAP),
        new ByteArrayInputStream(dsn(niigataMessageId, "failed", "5.1.1").getBytes(StandardCharsets.US_ASCII))));
    user.deliver(new MimeMessage(GreenMailUtil.getSession(ServerSetupTest.IMAP), new ByteArrayInputStream(
        "From: a@example.org\r\nSubject: hello\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII))));

    Cli.Result r = Cli.run("bounces", campaign.toString(), "--imap",
        "imap://127.0.0.1:" + mail.getImap().getPort() + "/INBOX", "--imap-user", "bounces");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("bounced: cn-cg-jp-niigata 5.1.1").contains("skipped: INBOX #2");
  }

  @Test
  void plainImapToAnotherHostIsRefused() {
    Cli.Result r = Cli.run("bounces", campaign.toString(), "--imap", "imap://imap.example.org/INBOX", "--imap-user", "u");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("plain imap:// is refused to imap.example.org").contains("imaps://");
  }
}
