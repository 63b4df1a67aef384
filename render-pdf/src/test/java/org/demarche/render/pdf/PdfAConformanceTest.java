package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signatories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the reference PDF/A validator, checks the renderer's output against PDF/A-2b. */
class PdfAConformanceTest {
  @BeforeAll
  static void initialise() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  static List<String> failures(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
         PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
      ValidationResult result = validator.validate(parser);
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
          .distinct().toList();
    }
  }

  @Test
  void theSampleLetterIsPdfA2b() throws Exception {
    assertThat(failures(PdfRenderer.defaults().render(Letters.english()).content())).isEmpty();
  }

  @Test
  void aJapaneseLetterWithCoSignatoriesIsPdfA2b() throws Exception {
    Letter ja = Letters.japanese();
    Letter withAppendix = new Letter(ja.id(), ja.campaignId(), ja.sender(), ja.mission(), ja.addressee(), ja.language(),
        ja.date(), ja.dateLine(), ja.subject(), ja.salutation(), ja.paragraphs(), ja.closing(), ja.signer(),
        Letters.generated(500), Disclosure.FULL, ja.draftTranslation(), ja.replyTo());
    assertThat(failures(PdfRenderer.defaults().render(withAppendix).content())).isEmpty();
  }

  @Test
  void markdownKoreanAndArabicLettersArePdfA2b() throws Exception {
    Letter l = Letters.english();
    for (Letter letter : List.of(
        Letters.englishWith(List.of("## Heading", "**Strong** and *emphasis*:\n- one\n- two", "> quoted",
            "강제 송환을 멈춰 주십시오. 김민준"), Signatories.none(), Disclosure.FULL),
        new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), "ar", l.date(), l.dateLine(),
            l.subject(), l.salutation(), List.of("نطالب بوقف الإعادة القسرية للاجئين منذ عام 1982 وفقا للاتفاقية."),
            l.closing(), l.signer(), Signatories.none(), Disclosure.FULL, false, l.replyTo()))) {
      assertThat(failures(PdfRenderer.defaults().render(letter).content())).as(letter.language()).isEmpty();
    }
  }

  @Test
  void aLetterWithATransparentSignatureImageIsPdfA2b(@TempDir Path tmp) throws Exception {
    Path png = tmp.resolve("sig.png");
    BufferedImage img = new BufferedImage(200, 60, BufferedImage.TYPE_INT_ARGB);
    var g = img.createGraphics();
    g.setColor(java.awt.Color.DARK_GRAY);
    g.drawLine(5, 50, 195, 10);
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
    PdfRenderer signed = PdfRenderer.create(PdfOptions.defaults().withSignatureImage(png));
    assertThat(failures(signed.render(Letters.mixed()).content())).isEmpty();
  }

  @Test
  void thePrintKitsPdfsArePdfA2b() throws Exception {
    PrintKit kit = PrintKit.of(PdfRenderer.defaults());
    List<PrintKit.Item> items = List.of(new PrintKit.Item(Letters.english(), List.of(Letters.japanese())),
        PrintKit.Item.of(Letters.mixed()));
    assertThat(failures(kit.letters(items).content())).isEmpty();
    assertThat(failures(kit.envelopes(items).content())).isEmpty();
  }
}
