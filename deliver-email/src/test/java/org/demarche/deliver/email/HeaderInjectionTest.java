package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Signer;
import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No value can inject a header or a recipient. Names and subjects are refused when the campaign and the
 * directory are loaded (the model's records); settings when the channel's section is validated; and the
 * channel checks again whatever reaches a header.
 */
class HeaderInjectionTest {

  @RegisterExtension
  static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Test
  void aSubjectWithCrLfIsRefusedAtLoad() {
    assertThatThrownBy(() -> TestLetters.letter(Fixtures.osaka(), Fixtures.sender(),
        "Petition\r\nBcc: everyone@example.org", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
  }

  @Test
  void aSignersNameWithCrLfIsRefusedAtLoad() {
    assertThatThrownBy(() -> Signer.of("Hiroshi Kato\r\nBcc: everyone@example.org", "Director"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signedBy.name");
  }

  @Test
  void aMissionNameWithCrLfIsRefusedAtLoad() {
    assertThatThrownBy(() -> Fixtures.mission("cn-cg-jp-osaka", MissionKind.CONSULATE_GENERAL,
        "Consulate-General\r\nBcc: everyone@example.org", "Osaka", java.util.List.of("3-9-2 Utsubohonmachi"),
        "550-0004", "JP-27", Optional.of("osaka@consulate.example.org"), new org.demarche.core.model.Coordinate(34.6, 135.4),
        java.util.Set.of("JP-27"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
  }

  @Test
  void aLineSeparatorInASubjectIsRefusedAtLoad() {
    assertThatThrownBy(() -> TestLetters.letter(Fixtures.osaka(), Fixtures.sender(), "Petition\u2028Bcc: x@example.org",
        Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCopyAddressWithCrLfIsRefusedInTheSettings() {
    assertThatThrownBy(() -> SmtpSettings.of("smtp.example.org")
        .withCopies(Optional.of("archive@example.org\r\nBcc: everyone@example.org"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cc cannot go into a mail header");
  }

  @Test
  void aMissionNameFullOfAddressSyntaxStaysADisplayName() throws Exception {
    var mission = Fixtures.mission("cn-cg-jp-osaka", MissionKind.CONSULATE_GENERAL,
        "Consulate, \"General\" <everyone@example.org>; all@example.org", "Osaka",
        java.util.List.of("3-9-2 Utsubohonmachi"), "550-0004", "JP-27", Optional.of("osaka@consulate.example.org"),
        new org.demarche.core.model.Coordinate(34.6, 135.4), java.util.Set.of("JP-27"));
    try (SmtpChannel smtp = SmtpChannel.create(SmtpChannelTest.localTo(SERVER), Map.of())) {
      smtp.deliver(TestLetters.envelope(TestLetters.letter(mission)));
    }
    var received = SERVER.getReceivedMessages();
    assertThat(received).as("one message, to the mission only").hasSize(1);
    var to = (jakarta.mail.internet.InternetAddress) received[0].getAllRecipients()[0];
    assertThat(received[0].getAllRecipients()).hasSize(1);
    assertThat(to.getAddress()).isEqualTo("osaka@consulate.example.org");
    assertThat(to.getPersonal()).isEqualTo("Consulate, \"General\" <everyone@example.org>; all@example.org");
  }
}
