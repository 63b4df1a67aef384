package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signatories;
import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintKitTest {
  private static final PdfRenderer RENDERER = PdfRenderer.defaults();
  private static final PrintKit KIT = PrintKit.of(RENDERER);

  private static Letter to(org.demarche.core.model.DiplomaticMission m) {
    Letter l = Fixtures.letterTo(m);
    return new Letter(l.id(), l.campaignId(), l.sender(), m, l.addressee(), l.language(), l.date(), l.dateLine(),
        l.subject(), l.salutation(), l.paragraphs(), l.closing(), l.signer(), Signatories.none(), Disclosure.FULL,
        false, Optional.empty());
  }

  private final List<Letter> letters = List.of(to(Letters.tokyoWithLocalAddress()), to(Fixtures.osaka()),
      Letters.longLetter(12), to(Fixtures.sapporo()));

  @Test
  void combinesAllLettersInTheOrderGivenEachWithItsOwnPageNumbers() {
    List<String> pages = PdfText.pages(KIT.letters(letters).content());
    int expected = letters.stream().mapToInt(l -> PdfText.pages(RENDERER.render(l).content()).size()).sum();
    assertThat(pages).hasSize(expected);
    assertThat(pages.get(0)).contains("via Embassy of the People's Republic of China in Japan");
    assertThat(pages.get(1)).contains("via Consulate-General of the People's Republic of China in Osaka");
    assertThat(pages.get(3).strip()).endsWith("Page 2 of " + (expected - 3));
    assertThat(pages.get(pages.size() - 1)).contains("in Sapporo");
  }

  @Test
  void addressesOneDlEnvelopePerLetterWithTheLocalScriptWhereKnown() throws Exception {
    byte[] pdf = KIT.envelopes(letters).content();
    List<String> pages = PdfText.pages(pdf);
    assertThat(pages).hasSize(4);
    assertThat(PdfText.normalize(pages.get(0))).contains("Embassy of the People's Republic of China in Japan",
        "3-4-33 Moto-Azabu, Minato-ku", "中華人民共和国駐日本国大使館", "〒106-0046", "東京都港区元麻布3-4-33");
    assertThat(pages.get(1)).contains("3-9-2 Utsubohonmachi, Nishi-ku", "Osaka 550-0004", "JAPAN")
        .contains("Life Funds for North Korean Refugees");
    try (var doc = PdfText.load(pdf)) {
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(220 * 72f / 25.4f, org.assertj.core.data.Offset.offset(0.01f));
    }
  }

  @Test
  void writesBothFilesIntoTheFolder(@TempDir Path tmp) {
    List<Path> files = KIT.write(letters, tmp.resolve("post"));
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("test-campaign.letters.pdf", "test-campaign.envelopes.pdf");
    assertThat(files).allMatch(Files::isRegularFile);
  }
}
