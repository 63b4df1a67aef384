package org.demarche.core.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.Test;

/** The email body is {@link Letter#plainText()}: it must never list a co-signatory, whatever their level. */
class EmailBodyDisclosureTest {
  @Test
  void theEmailBodyCarriesNoCoSignatoryAtAnyLevel() {
    List<Signatory> people = List.of(
        new Signatory(Signatory.Kind.PERSON, "Hanako Yamada", Optional.of("Osaka Aid"), Optional.of("Osaka"),
            Optional.of("JP"), Optional.of("hanako@example.org"), Optional.empty(), Disclosure.FULL, Map.of()),
        new Signatory(Signatory.Kind.PERSON, "Kenji Sato", Optional.empty(), Optional.of("Kobe"), Optional.empty(),
            Optional.of("kenji@example.org"), Optional.empty(), Disclosure.COUNTED_ONLY, Map.of()));
    Letter base = Fixtures.letterTo(Fixtures.osaka());
    for (Disclosure cap : Disclosure.values()) {
      Letter l = new Letter(base.id(), base.campaignId(), base.sender(), base.mission(), base.addressee(),
          base.language(), base.date(), base.dateLine(), base.subject(), base.salutation(), base.paragraphs(),
          base.closing(), base.signer(), Signatories.of(people), cap, false, Optional.empty());

      assertThat(l.plainText()).doesNotContain("Hanako", "Yamada", "Kenji", "Sato", "hanako@", "kenji@", "Osaka Aid",
          "H. Y.", "K. S.");
    }
  }
}
