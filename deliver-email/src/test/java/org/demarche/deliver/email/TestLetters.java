package org.demarche.deliver.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.Sender;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signer;
import org.demarche.core.contract.Fixtures;

/** Letters, missions and envelopes for the channel tests. */
final class TestLetters {
  private TestLetters() {}

  static DiplomaticMission mission(String id, String email) {
    return Fixtures.mission(id, MissionKind.CONSULATE_GENERAL, "Consulate-General of the People's Republic of China in "
            + id, "Osaka", List.of("3-9-2 Utsubohonmachi, Nishi-ku"), "550-0004", "JP-27", Optional.of(email),
        new Coordinate(34.68, 135.48), Set.of("JP-27"));
  }

  static Letter letter(DiplomaticMission mission) {
    return letter(mission, Fixtures.sender(), "Petition on World Save North Korean Refugees Day", Optional.empty());
  }

  static Letter letter(DiplomaticMission mission, Sender sender, String subject, Optional<String> replyTo) {
    return new Letter(mission.id(), "test-campaign", sender, mission,
        new Addressee("Xi Jinping", "President of the People's Republic of China", "Dear Mr. President:"), "en",
        LocalDate.of(2026, 9, 24), "24 September 2026", subject, "Dear Mr. President:",
        List.of("We write to " + mission.name() + " <on behalf of> refugees & their families.",
            "We ask you to end forced repatriation."),
        "Sincerely,", Signer.of("Hiroshi Kato", "Executive Director"), Signatories.none(), Disclosure.FULL, false,
        replyTo);
  }

  /** Seven letters to seven missions on two domains. */
  static List<Letter> seven() {
    return java.util.stream.IntStream.rangeClosed(1, 7)
        .mapToObj(i -> letter(mission("cn-cg-jp-m" + i, "m" + i + "@" + (i % 2 == 0 ? "even" : "odd")
            + ".consulate.example.org")))
        .toList();
  }

  /** A PDF-like document of about {@code size} bytes: the %PDF header, varied bytes, %%EOF. */
  static byte[] pdfBytes(String seed, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 32);
    out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    Random random = new Random(seed.hashCode());
    byte[] body = new byte[Math.max(0, size - 32)];
    random.nextBytes(body);
    out.writeBytes(body);
    out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static Envelope envelope(Letter letter) {
    return envelope(letter, 4_000);
  }

  static Envelope envelope(Letter letter, int pdfSize) {
    Rendition pdf = new Rendition(letter.id() + ".en.pdf", "application/pdf", "en", pdfBytes(letter.id(), pdfSize));
    return new Envelope(letter, pdf, List.of(),
        MessageIds.of(letter.campaignId(), letter.id(), letter.sender().emailDomain()));
  }
}
