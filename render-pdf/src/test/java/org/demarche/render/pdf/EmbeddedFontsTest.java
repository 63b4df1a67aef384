package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signatories;
import org.junit.jupiter.api.Test;

/** The fonts as Demarche embeds them (GlyphFont): widths and glyphs for what is drawn, text that extracts. */
class EmbeddedFontsTest {
  private static final String CHINESE = "1982年9月24日，中华人民共和国加入了《关于难民地位的公约》及其《议定书》。"
      + "我们恳请贵国政府不将逃往中国的北韩人遣返至面临迫害的国家。";

  static Letter chinese() {
    Letter l = Letters.english();
    return new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), "zh", l.date(), l.dateLine(),
        l.subject(), l.salutation(), List.of(CHINESE, CHINESE), l.closing(), l.signer(), Signatories.none(),
        Disclosure.FULL, false, l.replyTo());
  }

  @Test
  void theWidthsArrayListsTheDrawnGlyphsOnlyEachAsWideAsInTheEmbeddedFont() throws IOException {
    for (Letter letter : List.of(Letters.english(), chinese())) {
      try (PDDocument doc = PdfText.load(PdfRenderer.defaults().render(letter).content())) {
        PDResources res = doc.getPage(0).getResources();
        for (COSName name : res.getFontNames()) {
          PDType0Font font = (PDType0Font) res.getFont(name);
          PDCIDFontType2 cid = (PDCIDFontType2) font.getDescendantFont();
          COSArray w = (COSArray) cid.getCOSObject().getDictionaryObject(COSName.W);
          TrueTypeFont ttf = cid.getTrueTypeFont();
          float k = 1000f / ttf.getUnitsPerEm();
          int listed = 0;
          for (int i = 0; i < w.size(); i += 2) {
            int first = ((COSNumber) w.getObject(i)).intValue();
            COSArray run = (COSArray) w.getObject(i + 1);
            for (int j = 0; j < run.size(); j++) {
              int gid = first + j;
              assertThat(((COSNumber) run.getObject(j)).intValue()).as(font.getName() + " glyph " + gid)
                  .isEqualTo(Math.round(ttf.getAdvanceWidth(gid) * k)).isPositive();
              listed++;
            }
          }
          assertThat(listed).as(font.getName() + " glyphs listed").isBetween(1, 200);
        }
      }
    }
  }

  @Test
  void aChineseLetterExtractsAsItsText() {
    String text = String.join("", PdfText.pages(PdfRenderer.defaults().render(chinese()).content()))
        .replaceAll("\\s+", "");
    assertThat(text).contains(CHINESE.replaceAll("\\s+", ""));
  }

  @Test
  void anotherRendererOnAnotherThreadWritesTheSameBytes() throws Exception {
    for (Letter letter : List.of(Letters.english(), chinese(), Letters.mixed())) {
      byte[] here = PdfRenderer.defaults().render(letter).content();
      byte[] there = CompletableFuture.supplyAsync(() -> PdfRenderer.defaults().render(letter).content()).get();
      assertThat(there).isEqualTo(here);
    }
  }

  @Test
  void eachFontIsATaggedSubsetWithAToUnicodeMapAndAnIdentityCidToGidMap() throws IOException {
    try (PDDocument doc = PdfText.load(PdfRenderer.defaults().render(Letters.mixed()).content())) {
      PDPage page = doc.getPage(0);
      for (COSName name : page.getResources().getFontNames()) {
        COSDictionary font = (COSDictionary) page.getResources().getFont(name).getCOSObject();
        assertThat(font.getDictionaryObject(COSName.TO_UNICODE)).isNotNull();
        COSDictionary cid = (COSDictionary) ((COSArray) font.getDictionaryObject(COSName.DESCENDANT_FONTS)).getObject(0);
        COSBase map = cid.getDictionaryObject(COSName.CID_TO_GID_MAP);
        assertThat(map).isEqualTo(COSName.IDENTITY);
        assertThat(cid.getNameAsString(COSName.BASE_FONT)).matches("[A-Z]{6}\\+.+")
            .isEqualTo(font.getNameAsString(COSName.BASE_FONT));
      }
    }
  }
}
