package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.demarche.core.contract.LetterRendererContract;
import org.demarche.core.spi.LetterRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfRendererTest extends LetterRendererContract {
  private static final PdfRenderer RENDERER = PdfRenderer.defaults();
  private static final float MM = 72f / 25.4f;

  @TempDir
  Path tmp;

  @Override
  protected LetterRenderer renderer() {
    return RENDERER;
  }

  private static String expectedText(Letter letter) {
    return PdfText.normalize(PdfText.letterhead(letter) + "\n"
        + (letter.draftTranslation() ? new org.demarche.render.pdf.internal.Labels(letter.language())
            .draftTranslation() + "\n" : "") + letter.plainText());
  }

  /** The text of every page with the running headers and "Page x of y" footers of pages 2.. checked and removed. */
  private static String bodyText(byte[] pdf, Letter letter) {
    List<String> pages = PdfText.pages(pdf);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      String page = pages.get(i).strip();
      if (i > 0) {
        String footer = new org.demarche.render.pdf.internal.Labels(letter.language()).page(i + 1, pages.size());
        assertThat(page).endsWith(footer);
        page = page.substring(0, page.length() - footer.length());
        String header = letter.wording().conventions().runningHeader(letter.recipientBlock().get(0),
            letter.dateLine(), footer);
        assertThat(page).startsWith(header);
        page = page.substring(header.length());
      }
      out.append(page).append('\n');
    }
    return PdfText.normalize(out.toString());
  }

  @Test
  void englishLetterExtractsAsTheLettersTextInReadingOrder() {
    Letter letter = Letters.englishWith(List.of(Letters.FOUNDING_PARAGRAPH, "We ask you to end forced repatriation."),
        Signatories.none(), Disclosure.FULL);
    byte[] pdf = RENDERER.render(letter).content();
    assertThat(bodyText(pdf, letter)).isEqualTo(expectedText(letter));
  }

  @Test
  void typographicQuotesDashesAndAccentsSurviveExactly() {
    byte[] pdf = RENDERER.render(Letters.englishWith(List.of(Letters.FOUNDING_PARAGRAPH), Signatories.none(),
        Disclosure.FULL)).content();
    assertThat(PdfText.normalize(PdfText.all(pdf))).contains("People’s", "—", "“World Save North Korean Refugees Day”", "Zürich",
        "São Paulo", "Kraków");
  }

  @Test
  void japaneseLetterExtractsAsTheLettersTextWithSimplifiedChineseAndKana() {
    Letter letter = Letters.japanese();
    byte[] pdf = RENDERER.render(letter).content();
    assertThat(bodyText(pdf, letter)).isEqualTo(expectedText(letter));
    assertThat(PdfText.all(pdf)).contains("华", "难民", "ひらがな", "カタカナ", "習近平");
  }

  @Test
  void mixedScriptLinesExtractAsTheLettersText() {
    Letter letter = Letters.mixed();
    byte[] pdf = RENDERER.render(letter).content();
    assertThat(bodyText(pdf, letter)).isEqualTo(expectedText(letter));
  }

  @Test
  void marksADraftTranslationForReview() {
    // The banner is in the translation's language (issue 13: every rendition entirely in its language).
    assertThat(PdfText.all(RENDERER.render(Letters.japanese()).content())).contains("翻訳草稿（確認前）");
    assertThat(PdfText.all(RENDERER.render(Letters.english()).content())).doesNotContain("Draft translation");
  }

  @Test
  void embedsAndSubsetsEveryFont() throws IOException {
    for (Letter letter : List.of(Letters.english(), Letters.japanese(), Letters.mixed())) {
      try (PDDocument doc = PdfText.load(RENDERER.render(letter).content())) {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
          PDResources res = page.getResources();
          for (COSName name : res.getFontNames()) {
            fonts.add(res.getFont(name));
          }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(f -> {
          assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
          assertThat(f.getName()).as("subset tag").matches("[A-Z]{6}\\+.+");
        });
      }
    }
  }

  @Test
  void drawsNoGlyphOutsideTheMargins() {
    Letter withAppendix = Letters.englishWith(Letters.longLetter(7).paragraphs(), Letters.generated(2_000),
        Disclosure.FULL);
    for (Letter letter : List.of(Letters.japanese(), Letters.mixed(), withAppendix)) {
      List<PdfText.Glyph> glyphs = PdfText.glyphs(RENDERER.render(letter).content());
      assertThat(glyphs).isNotEmpty();
      List<PdfText.Glyph> outside = glyphs.stream().filter(g -> g.x() < 25 * MM - 0.01f
          || g.right() > g.pageWidth() - 22 * MM + 0.01f || g.top() < 18 * MM - 0.01f
          || g.baseline() > g.pageHeight() - 18 * MM).toList();
      assertThat(outside).as(letter.id()).isEmpty();
    }
  }

  @Test
  void numbersEveryPageFromPageTwoOfALongLetter() {
    Letter letter = Letters.longLetter(14);
    byte[] pdf = RENDERER.render(letter).content();
    List<String> pages = PdfText.pages(pdf);
    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
    assertThat(pages.get(0)).doesNotContain("Page 1 of");
    for (int i = 1; i < pages.size(); i++) {
      assertThat(pages.get(i).strip()).endsWith("Page " + (i + 1) + " of " + pages.size());
    }
    assertThat(bodyText(pdf, letter)).isEqualTo(expectedText(letter));
  }

  @Test
  void keepsTheClosingWithAtLeastTwoLinesOfTheBody() {
    boolean sawBreakBeforeClosing = false;
    for (int n = 3; n <= 12; n++) {
      List<String> pages = PdfText.pages(RENDERER.render(Letters.longLetter(n)).content());
      List<String> last = List.of(pages.get(pages.size() - 1).strip().split("\\R"));
      int closing = last.indexOf("Sincerely,");
      assertThat(closing).as(n + " paragraphs").isGreaterThanOrEqualTo(pages.size() > 1 ? 2 : 0);
      sawBreakBeforeClosing |= pages.size() > 1 && closing < 6;
    }
    assertThat(sawBreakBeforeClosing).as("some length puts a page break just before the closing").isTrue();
  }

  @Test
  void listsTenThousandCoSignatoriesInColumnsAcrossPages() {
    Letter letter = Letters.englishWith(Letters.english().paragraphs(), Letters.generated(10_000), Disclosure.FULL);
    byte[] pdf = RENDERER.render(letter).content();
    List<String> pages = PdfText.pages(pdf);
    List<String> shown;
    long countedOnly;
    try (Stream<Signatory> s = letter.coSignatories().stream()) {
      shown = s.map(x -> x.displayed(Disclosure.FULL)).flatMap(Optional::stream).toList();
    }
    try (Stream<Signatory> s = letter.coSignatories().stream()) {
      countedOnly = s.filter(x -> x.displayed(Disclosure.FULL).isEmpty()).count();
    }
    assertThat(pages.get(1)).startsWith("Co-signed by 10,000 organizations and individuals");
    assertThat(pages.get(1)).contains(countedOnly + " of them asked to be counted without being named.");
    List<String> extracted = new ArrayList<>();
    List<Integer> perPage = new ArrayList<>();
    for (int i = 1; i < pages.size(); i++) {
      List<String> lines = new ArrayList<>(List.of(pages.get(i).strip().split("\\R")));
      assertThat(lines.remove(lines.size() - 1)).isEqualTo("Page " + (i + 1) + " of " + pages.size());
      if (i == 1) {
        // The heading, then the header: counts by disclosure level and by country, the counted-only note.
        int names = lines.indexOf(countedOnly + " of them asked to be counted without being named.") + 1;
        assertThat(lines.subList(1, names)).allMatch(l -> l.startsWith("By ") || l.contains("asked to be counted"));
        lines = lines.subList(names, lines.size());
      }
      perPage.add(lines.size());
      extracted.addAll(lines);
    }
    assertThat(extracted).isEqualTo(shown);
    int full = perPage.get(1);
    int expectedAppendixPages = 1 + (int) Math.ceil((shown.size() - perPage.get(0)) / (double) full);
    assertThat(pages).hasSize(1 + expectedAppendixPages);
    assertThat(perPage.subList(1, perPage.size() - 1)).allMatch(n -> n == full);
  }

  @Test
  void showsOnlyWhatEachCoSignatoryConsentedToAndNeverAnEmail() {
    Signatory counted = new Signatory(Signatory.Kind.PERSON, "Withheld Person", Optional.empty(),
        Optional.of("Sendai"), Optional.of("JP"), Optional.of("withheld@example.org"), Optional.empty(),
        Disclosure.COUNTED_ONLY, java.util.Map.of());
    Signatory initials = new Signatory(Signatory.Kind.PERSON, "Hanako Yamada", Optional.empty(),
        Optional.of("Kobe"), Optional.of("JP"), Optional.of("hanako@example.org"), Optional.empty(),
        Disclosure.INITIALS, java.util.Map.of());
    Signatory nameOnly = new Signatory(Signatory.Kind.PERSON, "Taro Suzuki", Optional.of("Aid Society"),
        Optional.of("Nara"), Optional.of("JP"), Optional.of("taro@example.org"), Optional.empty(),
        Disclosure.FULL, java.util.Map.of());
    Letter letter = Letters.englishWith(Letters.english().paragraphs(),
        Signatories.of(List.of(counted, initials, nameOnly)), Disclosure.NAME_ONLY);
    List<String> pages = PdfText.pages(RENDERER.render(letter).content());
    String text = pages.get(pages.size() - 1);
    assertThat(text).contains("Co-signed by 3 organizations and individuals", "H. Y.", "Taro Suzuki",
        "1 of them asked to be counted without being named.");
    assertThat(text).doesNotContain("Withheld", "Sendai", "Hanako", "Yamada", "Kobe", "Aid Society", "Nara", "@");
  }

  @Test
  void reportsACharacterNoFontCanDrawWithItsNameAndParagraph() {
    Letter letter = Letters.englishWith(List.of("Fine.", "An Egyptian hieroglyph \uD80C\uDC00 here."),
        Signatories.none(), Disclosure.FULL);
    assertThatThrownBy(() -> RENDERER.render(letter))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("U+13000 (EGYPTIAN HIEROGLYPH A001)")
        .hasMessageContaining("paragraph 2")
        .hasMessageContaining("An Egyptian hieroglyph");
  }

  @Test
  void writesNoUserHostOrLocalPathIntoThePdf() throws IOException {
    byte[] pdf = RENDERER.render(Letters.english()).content();
    String raw = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain(System.getProperty("user.dir"), System.getProperty("user.home") + "/",
        System.getProperty("java.io.tmpdir"));
    String host = InetAddress.getLocalHost().getHostName();
    assertThat(raw).doesNotContain(host);
    try (PDDocument doc = PdfText.load(pdf)) {
      var info = doc.getDocumentInformation();
      for (String key : info.getMetadataKeys()) {
        String v = String.valueOf(info.getCOSObject().getDictionaryObject(key));
        assertThat(v).doesNotContain(System.getProperty("user.name"));
      }
    }
  }

  @Test
  void rendersTheSameLetterToTheSameBytes() {
    assertThat(RENDERER.render(Letters.mixed()).content()).isEqualTo(RENDERER.render(Letters.mixed()).content());
  }

  @Test
  void setsTitleAuthorAndLanguage() throws IOException {
    Letter letter = Letters.japanese();
    try (PDDocument doc = PdfText.load(RENDERER.render(letter).content())) {
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(letter.subject());
      assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo(letter.sender().name());
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("ja");
      String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp).contains(letter.subject(), letter.sender().name(), "<rdf:li>ja</rdf:li>",
          "2026-09-24T00:00:00Z", "<pdfaid:part>2</pdfaid:part>");
    }
  }

  @Test
  void setsUsLetterPaperWhenAsked() throws IOException {
    PdfRenderer letterPaper = PdfRenderer.create(PdfOptions.defaults().withPaper(Paper.LETTER));
    try (PDDocument doc = PdfText.load(letterPaper.render(Letters.english()).content())) {
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
      assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(792f);
    }
  }

  @Test
  void drawsTheSignatureImageAboveTheSignersName() throws IOException {
    Path png = tmp.resolve("signature.png");
    BufferedImage img = new BufferedImage(300, 80, BufferedImage.TYPE_INT_ARGB);
    var g = img.createGraphics();
    g.setColor(java.awt.Color.BLUE);
    g.drawLine(10, 60, 290, 20);
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
    PdfRenderer signed = PdfRenderer.create(PdfOptions.defaults().withSignatureImage(png));
    try (PDDocument doc = PdfText.load(signed.render(Letters.english()).content())) {
      assertThat(doc.getPage(0).getResources().getXObjectNames()).hasSize(1);
    }
  }

  @Test
  void triesTheUsersFontsFirst() throws IOException {
    Path font = tmp.resolve("LiberationSans-Regular.ttf");
    try (var in = getClass().getResourceAsStream("/liberation/LiberationSans-Regular.ttf")) {
      Files.copy(in, font);
    }
    PdfRenderer sans = PdfRenderer.create(PdfOptions.defaults().withFonts(List.of(font)));
    try (PDDocument doc = PdfText.load(sans.render(Letters.english()).content())) {
      PDResources res = doc.getPage(0).getResources();
      List<String> names = new ArrayList<>();
      for (COSName n : res.getFontNames()) {
        names.add(res.getFont(n).getName());
      }
      assertThat(names).anyMatch(n -> n.endsWith("+LiberationSans"));
    }
  }

  @Test
  void namesTheFileLetterIdDotLanguageDotPdf() {
    Rendition r = RENDERER.render(Letters.japanese());
    assertThat(r.fileName()).isEqualTo("cn-cg-jp-osaka.ja.pdf");
    assertThat(r.mediaType()).isEqualTo("application/pdf");
    assertThat(r.language()).isEqualTo("ja");
  }

  static List<String> matches(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
