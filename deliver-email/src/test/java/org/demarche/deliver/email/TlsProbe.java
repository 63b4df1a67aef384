package org.demarche.deliver.email;

import java.time.Duration;
import java.util.Map;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.contract.Fixtures;

/**
 * Run in a child JVM whose trust store the test chooses: sends one letter over STARTTLS to
 * {@code host port} and prints "SENT" or "REFUSED kind: message".
 */
final class TlsProbe {
  private TlsProbe() {}

  public static void main(String[] args) {
    SmtpSettings settings = SmtpSettings.of(args[0]).withPort(Integer.parseInt(args[1])).unthrottled()
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    try (SmtpChannel smtp = SmtpChannel.create(settings, Map.of())) {
      smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
      System.out.println("SENT");
    } catch (DeliveryException e) {
      System.out.println("REFUSED " + e.kind() + ": " + e.getMessage());
    }
  }
}
