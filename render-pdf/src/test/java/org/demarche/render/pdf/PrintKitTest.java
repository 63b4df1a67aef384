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

  private final List<PrintKit.Item> items = letters.stream().map(PrintKit.Item::of).toList();

  @Test
  void opensWithACoverSheetListingEachMissionItsAddressAndItsPages() {
    List<String> pages = PdfText.pages(KIT.letters(items).content());
    String cover = PdfText.normalize(pages.get(0));
    assertThat(cover).contains("Print kit: ", "4 missions, 4 documents", "Print double-sided",
        "1. Embassy of the People's Republic of China in Japan", "3-4-33 Moto-Azabu, Minato-ku",
        "letter (en) pages 3\u20133", "2. Consulate-General of the People's Republic of China in Osaka",
        "letter (en) pages 5\u20135");
    assertThat(pages.get(1)).as("the cover's blank back").isBlank();
  }

  @Test
  void startsEveryDocumentOnAFrontPageForADuplexPrinter() {
    List<String> pages = PdfText.pages(KIT.letters(items).content());
    int page = 2; // cover and its blank back
    for (Letter l : letters) {
      int length = PdfText.pages(RENDERER.render(l).content()).size();
      assertThat(page % 2).as("pages before " + l.mission().id()).isZero();
      assertThat(pages.get(page)).contains("via " + l.mission().name());
      if (length % 2 == 1) {
        assertThat(pages.get(page + length)).as("blank back after " + l.mission().id()).isBlank();
      }
      page += length + length % 2;
    }
    assertThat(pages).hasSize(page);
  }

  @Test
  void putsEachMissionsTranslationsRightAfterItsLetterEachWithItsOwnPageNumbers() {
    Letter english = Letters.longLetter(12);
    Letter japanese = Letters.japanese();
    List<String> pages = PdfText.pages(KIT.letters(List.of(new PrintKit.Item(english, List.of(japanese)))).content());
    int englishPages = PdfText.pages(RENDERER.render(english).content()).size();
    int japaneseStart = 2 + englishPages + englishPages % 2;
    assertThat(PdfText.normalize(pages.get(0))).contains("1 mission, 2 documents",
        "letter (en) pages 3\u2013" + (2 + englishPages), "translation (ja) pages " + (japaneseStart + 1));
    assertThat(pages.get(3).strip()).endsWith("Page 2 of " + englishPages);
    assertThat(PdfText.normalize(pages.get(japaneseStart))).contains("世界北朝鮮難民救済の日に寄せる請願書");
  }

  @Test
  void addressesOneDlEnvelopePerLetterWithTheLocalScriptWhereKnown() throws Exception {
    byte[] pdf = KIT.envelopes(items).content();
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
    List<Path> files = KIT.write(items, tmp.resolve("post"));
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("test-campaign.letters.pdf", "test-campaign.envelopes.pdf");
    assertThat(files).allMatch(Files::isRegularFile);
  }
}
