package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeliveryStatusReportTest {
  static final String LETTER_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9.demarche@lfnkr.example.org";

  /** A bounce as Postfix writes it: the report, then the returned message's headers. */
  static byte[] postfixBounce(String returnedPartType, String messageId) {
    return ("""
        Return-Path: <>
        Date: Thu, 24 Sep 2026 10:02:11 +0900 (JST)
        From: MAILER-DAEMON@mx.example.cn (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: campaigns@lfnkr.example.org
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        \tboundary="B0UND"

        --B0UND
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not be delivered.

        --B0UND
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.cn
        Arrival-Date: Thu, 24 Sep 2026 10:02:09 +0900 (JST)

        Final-Recipient: rfc822; osaka@example.cn
        Original-Recipient: rfc822;osaka@example.cn
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <osaka@example.cn>: Recipient address
            rejected: User unknown

        --B0UND
        Content-Description: Undelivered Message Headers
        Content-Type: %s

        From: LFNKR <campaigns@lfnkr.example.org>
        To: osaka@example.cn
        Subject: Petition
        Message-ID: <%s>

        --B0UND--
        """).formatted(returnedPartType, messageId).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void readsTheOriginalMessageIdStatusAndDiagnosticOfAPostfixBounce() {
    DeliveryStatusReport r = DeliveryStatusReport.read(postfixBounce("text/rfc822-headers", LETTER_ID)).orElseThrow();

    assertThat(r.originalMessageId()).contains(LETTER_ID);
    assertThat(r.failed()).isTrue();
    assertThat(r.status()).isEqualTo("5.1.1");
    assertThat(r.diagnosticCode()).contains(
        "smtp; 550 5.1.1 <osaka@example.cn>: Recipient address rejected: User unknown");
    assertThat(r.recipient()).contains("rfc822; osaka@example.cn");
    assertThat(r.date()).contains(LocalDate.of(2026, 9, 24));
  }

  @Test
  void findsTheMessageIdInAReturnedWholeMessage() {
    DeliveryStatusReport r = DeliveryStatusReport.read(postfixBounce("message/rfc822", LETTER_ID)).orElseThrow();

    assertThat(r.originalMessageId()).contains(LETTER_ID);
  }

  @Test
  void fallsBackToAnOriginalMessageIdHeaderWhenNothingIsReturned() {
    String text = new String(postfixBounce("text/plain", "other@example.org"), StandardCharsets.US_ASCII)
        .replace("Message-ID: <other@example.org>", "No-headers: here")
        .replace("Subject: Undelivered", "X-Original-Message-ID: <" + LETTER_ID + ">\r\nSubject: Undelivered");

    DeliveryStatusReport r = DeliveryStatusReport.read(text.getBytes(StandardCharsets.US_ASCII)).orElseThrow();

    assertThat(r.originalMessageId()).contains(LETTER_ID);
  }

  @Test
  void aDelayReportIsADsnButNoBounce() {
    String text = new String(postfixBounce("text/rfc822-headers", LETTER_ID), StandardCharsets.US_ASCII)
        .replace("Action: failed", "Action: delayed").replace("Status: 5.1.1", "Status: 4.4.1");

    DeliveryStatusReport r = DeliveryStatusReport.read(text.getBytes(StandardCharsets.US_ASCII)).orElseThrow();

    assertThat(r.failed()).isFalse();
    assertThat(r.status()).isEqualTo("4.4.1");
  }

  @Test
  void reportsTheFailedRecipientWhereAnotherWasDelivered() {
    String text = new String(postfixBounce("text/rfc822-headers", LETTER_ID), StandardCharsets.US_ASCII)
        .replace("Final-Recipient: rfc822; osaka@example.cn", "Final-Recipient: rfc822; press@example.cn\r\n"
            + "Action: delivered\r\nStatus: 2.0.0\r\n\r\nFinal-Recipient: rfc822; osaka@example.cn");

    DeliveryStatusReport r = DeliveryStatusReport.read(text.getBytes(StandardCharsets.US_ASCII)).orElseThrow();

    assertThat(r.recipient()).contains("rfc822; osaka@example.cn");
    assertThat(r.status()).isEqualTo("5.1.1");
    assertThat(r.failed()).isTrue();
  }

  @Test
  void anOrdinaryMessageIsNoReport() {
    byte[] reply = "From: consul@example.cn\r\nSubject: Re: Petition\r\nContent-Type: text/plain\r\n\r\nReceived.\r\n"
        .getBytes(StandardCharsets.US_ASCII);

    assertThat(DeliveryStatusReport.read(reply)).isEmpty();
  }

  @Test
  void aMultipartReportOfAnotherTypeIsNoDeliveryStatusReport() {
    String text = new String(postfixBounce("text/rfc822-headers", LETTER_ID), StandardCharsets.US_ASCII)
        .replace("report-type=delivery-status", "report-type=disposition-notification");

    assertThat(DeliveryStatusReport.read(text.getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  @Test
  void bareTakesTheAngleBracketsOff() {
    assertThat(DeliveryStatusReport.bare(" <a.b@c.example> ")).isEqualTo("a.b@c.example");
    assertThat(DeliveryStatusReport.bare("a.b@c.example")).isEqualTo("a.b@c.example");
  }
}
