package org.demarche.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.DeliveryChannel;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryChannel} must do. A channel's test class extends this and supplies a
 * fresh channel (and whatever it delivers to).
 */
public abstract class DeliveryChannelContract {

  /** A channel ready to deliver, fresh for each test. */
  protected abstract DeliveryChannel channel();

  protected Envelope envelopeFor(Letter letter) {
    Rendition pdf = new Rendition(letter.id() + ".en.pdf", "application/pdf", "en",
        "%PDF-1.7\n%test\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return new Envelope(letter, pdf, List.of(),
        MessageIds.of(letter.campaignId(), letter.id(), letter.sender().emailDomain()));
  }

  @Test
  public void hasAName() {
    try (DeliveryChannel channel = channel()) {
      assertThat(channel.name()).isNotBlank().matches("[a-z0-9-]+");
    }
  }

  @Test
  public void canDeliverALetterToAMissionWithEmail() {
    try (DeliveryChannel channel = channel()) {
      assertThat(channel.canDeliver(Fixtures.letterTo(Fixtures.osaka()))).isTrue();
    }
  }

  @Test
  public void receiptNamesTheLetterAndItsMessageId() {
    try (DeliveryChannel channel = channel()) {
      Envelope envelope = envelopeFor(Fixtures.letterTo(Fixtures.osaka()));
      Receipt receipt = channel.deliver(envelope);
      assertThat(receipt.letterId()).isEqualTo("cn-cg-jp-osaka");
      assertThat(receipt.messageId()).isEqualTo(envelope.messageId());
      assertThat(receipt.channel()).isEqualTo(channel.name());
    }
  }
}
