package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.junit.jupiter.api.Test;

/** Letters in Japanese, Chinese, Korean and Arabic, read back with PDFBox: fonts, order, shaping, placement. */
class NativeScriptsTest {
  private static final PdfRenderer RENDERER = PdfRenderer.defaults();

  /** A glyph with the font PDFBox drew it in. */
  record FontGlyph(int page, String text, String font, float x, float right, float baseline, float pageWidth) {}

  static List<FontGlyph> glyphs(byte[] pdf) {
    try (PDDocument doc = PdfText.load(pdf)) {
      List<FontGlyph> out = new ArrayList<>();
      PDFTextStripper s = new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition t) {
          super.processTextPosition(t);
          if (!t.getUnicode().isBlank()) {
            out.add(new FontGlyph(getCurrentPageNo(), t.getUnicode(), t.getFont().getName(), t.getXDirAdj(),
                t.getXDirAdj() + t.getWidthDirAdj(), t.getYDirAdj(), t.getPageWidth()));
          }
        }
      };
      s.getText(doc);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Letter withBody(Letter l, String language, List<String> paragraphs, Signatories co) {
    return new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), language, l.date(),
        l.dateLine(), l.subject(), l.salutation(), paragraphs, l.closing(), l.signer(), co, Disclosure.FULL,
        l.draftTranslation(), l.replyTo());
  }

  private static Signatories of(Signatory... s) {
    return new Signatories() {
      @Override
      public Stream<Signatory> stream() {
        return Stream.of(s);
      }

      @Override
      public long count() {
        return s.length;
      }
    };
  }

  private static Signatory person(String name, String city) {
    return new Signatory(Signatory.Kind.PERSON, name, Optional.empty(), Optional.of(city), Optional.of("KR"),
        Optional.empty(), Optional.empty(), Disclosure.FULL, Map.of());
  }

  @Test
  void japaneseKanjiAndKanaAreSetInTheJapaneseFont() {
    byte[] pdf = RENDERER.render(Letters.japanese()).content();
    List<FontGlyph> kanji = glyphs(pdf).stream()
        .filter(g -> "国難民条約送還請願書".contains(g.text()) || g.text().matches("[\\u3040-\\u30FF]")).toList();
    assertThat(kanji).hasSizeGreaterThan(50);
    assertThat(kanji).allSatisfy(g -> assertThat(g.font()).contains("NotoSansJP"));
  }

  @Test
  void chineseLetterKeepsTheSimplifiedChineseFont() {
    Letter ja = Letters.japanese();
    Letter zh = withBody(ja, "zh", List.of("我们恳请贵国政府停止强制遣返朝鲜难民。"), Signatories.none());
    List<FontGlyph> han = glyphs(RENDERER.render(zh).content()).stream().filter(g -> "恳请贵国政府停止".contains(g.text()))
        .toList();
    assertThat(han).isNotEmpty().allSatisfy(g -> assertThat(g.font()).contains("NotoSansSC"));
  }

  @Test
  void aKoreanCoSignatoryAndKoreanTextRenderInTheKoreanFont() {
    Letter l = withBody(Letters.english(), "en", List.of("Our Korean partners write: 강제 송환을 멈춰 주십시오."),
        of(person("김민준", "서울"), person("Jane Doe", "Seoul")));
    byte[] pdf = RENDERER.render(l).content();
    String text = PdfText.all(pdf);
    assertThat(text).contains("김민준").contains("강제 송환을 멈춰 주십시오");
    assertThat(glyphs(pdf).stream().filter(g -> g.text().equals("김"))).isNotEmpty()
        .allSatisfy(g -> assertThat(g.font()).contains("NotoSansKR"));
  }

  @Test
  void aBoldSubjectInCjkIsSetRegularThroughoutNotBoldLatinBesideRegularCjk() {
    Letter ja = Letters.japanese();
    Letter l = new Letter(ja.id(), ja.campaignId(), ja.sender(), ja.mission(), ja.addressee(), "ja", ja.date(),
        ja.dateLine(), "「世界北朝鮮難民救済デー」（9月24日）に寄せる請願 2026", ja.salutation(), ja.paragraphs(),
        ja.closing(), ja.signer(), Signatories.none(), Disclosure.FULL, false, Optional.empty());
    List<FontGlyph> all = glyphs(RENDERER.render(l).content());
    float subjectBaseline = all.stream().filter(g -> g.text().equals("寄")).findFirst().orElseThrow().baseline();
    List<FontGlyph> subject = all.stream().filter(g -> Math.abs(g.baseline() - subjectBaseline) < 0.5f).toList();
    assertThat(subject).extracting(FontGlyph::text).contains("2", "9", "「");
    assertThat(subject).allSatisfy(g -> assertThat(g.font()).doesNotContain("Bold"));
  }

  @Test
  void anArabicParagraphIsShapedReadsInLogicalOrderAndIsSetFlushRight() {
    String arabic = "نطالب بوقف الإعادة القسرية للاجئين منذ عام 1982 وفقا للاتفاقية.";
    Letter l = withBody(Letters.english(), "ar", List.of(arabic), Signatories.none());
    byte[] pdf = RENDERER.render(l).content();
    assertThat(PdfText.normalize(PdfText.all(pdf))).contains(arabic);
    List<FontGlyph> arabicGlyphs = glyphs(pdf).stream()
        .filter(g -> g.font().contains("NotoNaskhArabic")).toList();
    // Contextual forms (initial, medial, final) and the lam-alef ligature are drawn, not isolated letters.
    assertThat(arabicGlyphs).extracting(FontGlyph::text)
        .anySatisfy(t -> assertThat(t.codePointAt(0)).isBetween(0xFE70, 0xFEFF))
        .anySatisfy(t -> assertThat(t).isIn("\uFEFB", "\uFEFC", "\uFEF7", "\uFEF8", "\uFEF9", "\uFEFA", "\uFEF5",
            "\uFEF6"));
    FontGlyph first = arabicGlyphs.get(0);
    float lineRight = arabicGlyphs.stream().filter(g -> g.baseline() == first.baseline())
        .map(FontGlyph::right).max(Float::compare).orElseThrow();
    float rightMargin = glyphs(pdf).stream().filter(g -> g.page() == 1).map(FontGlyph::right)
        .max(Float::compare).orElseThrow();
    assertThat(lineRight).isCloseTo(rightMargin, org.assertj.core.data.Offset.offset(1.5f));
  }

  @Test
  void aDevanagariBodyIsRefusedNamingTheScript() {
    Letter l = withBody(Letters.english(), "hi", List.of("हम शरणार्थियों की जबरन वापसी रोकने का अनुरोध करते हैं।"),
        Signatories.none());
    assertThatThrownBy(() -> RENDERER.render(l)).isInstanceOf(RenderException.class)
        .hasMessageContaining("Devanagari script").hasMessageContaining("paragraph 1")
        .hasMessageContaining("shaping engine");
  }
}
