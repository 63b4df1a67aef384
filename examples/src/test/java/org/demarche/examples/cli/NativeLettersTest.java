package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.demarche.core.Demarche;
import org.demarche.core.letters.LetterPlanner;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Letter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The founding campaign's Chinese and Japanese letters, rendered and read back with PDFBox. */
class NativeLettersTest {
  /** Latin-script tokens a Chinese or Japanese letter may carry: the UN document symbol. */
  private static final Set<String> ALLOWED_LATIN = Set.of("A", "HRC");

  @TempDir
  Path tmp;

  record Glyph(int page, String text, String font, float x, float baseline) {}

  private byte[] render(String language) {
    Demarche d = Engine.demarche();
    Path dir = tmp.resolve(language);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Campaign c = d.load(Campaigns.founding(dir), List.of());
    DiplomaticMission osaka = d.missions(c).stream().filter(m -> m.id().equals("cn-cg-jp-osaka")).findFirst()
        .orElseThrow();
    Letter letter = new LetterPlanner(c).letter(osaka, language);
    return d.renderer(c).render(letter).content();
  }

  private static String text(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Glyph> glyphs(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<Glyph> out = new ArrayList<>();
      new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition t) {
          super.processTextPosition(t);
          if (!t.getUnicode().isBlank()) {
            out.add(new Glyph(getCurrentPageNo(), t.getUnicode(), t.getFont().getName(), t.getXDirAdj(),
                t.getYDirAdj()));
          }
        }
      }.getText(doc);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Latin words in the letter (up to its signature; the co-signatories' names follow) once URLs and
   * email addresses are taken out.
   */
  private static Set<String> latinWords(String text, String closing, String signatureEnd) {
    int end = text.indexOf(signatureEnd, text.indexOf(closing)) + signatureEnd.length();
    assertThat(end).isGreaterThan(signatureEnd.length());
    String rest = text.substring(0, end).replaceAll("https?://\\S+", " ").replaceAll("\\S+@\\S+", " ");
    Set<String> words = new TreeSet<>();
    Matcher m = Pattern.compile("[A-Za-z]+").matcher(rest);
    while (m.find()) {
      words.add(m.group());
    }
    words.removeAll(ALLOWED_LATIN);
    return words;
  }

  @Test
  void theChineseLetterHasNoEnglishWordsOutsideNamesAndUrls() {
    String text = text(render("zh"));
    assertThat(latinWords(text, "敬礼", "朝鲜难民救援基金")).isEmpty();
    assertThat(text).contains("经中华人民共和国驻大阪总领事馆转呈", "2026年9月24日", "朝鲜难民救援基金", "加藤博",
        "译文草稿（待审阅）", "大阪府大阪市西区靭本町3-9-2");
  }

  @Test
  void theJapaneseLetterHasNoEnglishWordsOutsideNamesAndUrls() {
    String text = text(render("ja"));
    assertThat(latinWords(text, "敬白", "北朝鮮難民救援基金")).isEmpty();
    assertThat(text).contains("中華人民共和国駐大阪総領事館気付", "2026年9月24日", "北朝鮮難民救援基金", "謹啓", "敬白");
  }

  @Test
  void chineseClosingPutsCiZhiIndentedOnItsOwnLineAndJingLiAtTheLineStartBelow() {
    List<Glyph> g = glyphs(render("zh"));
    Glyph ci = g.stream().filter(x -> x.text().equals("此")).reduce((a, b) -> b).orElseThrow();
    Glyph zhi = g.get(g.indexOf(ci) + 1);
    Glyph jing = g.stream().filter(x -> x.text().equals("敬") && g.get(g.indexOf(x) + 1).text().equals("礼"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(zhi.text()).isEqualTo("致");
    assertThat(jing.baseline()).as("敬礼 below 此致").isGreaterThan(ci.baseline() + 5);
    float left = (float) g.stream().filter(x -> x.page() == 1).mapToDouble(Glyph::x).min().orElseThrow();
    assertThat(ci.x()).as("此致 indented").isGreaterThan(left + 15);
    assertThat(jing.x()).as("敬礼 at the line start").isCloseTo(left, org.assertj.core.data.Offset.offset(1f));
    assertThat(g.stream().filter(x -> Math.abs(x.baseline() - ci.baseline()) < 0.5f && x.page() == ci.page()))
        .extracting(Glyph::text).containsExactly("此", "致");
  }

  @Test
  void japaneseLetterIsSetInJapaneseFontsAndClosesWithKeihakuFlushRight() {
    List<Glyph> g = glyphs(render("ja"));
    assertThat(g.stream().filter(x -> Character.UnicodeScript.of(x.text().codePointAt(0))
        == Character.UnicodeScript.HAN || x.text().matches("[\\u3040-\\u30FF]")))
        .isNotEmpty().allSatisfy(x -> assertThat(x.font()).contains("NotoSansJP"));
    Glyph kei = g.stream().filter(x -> x.text().equals("敬") && g.get(g.indexOf(x) + 1).text().equals("白"))
        .reduce((a, b) -> b).orElseThrow();
    float right = (float) g.stream().filter(x -> x.page() == 1).mapToDouble(Glyph::x).max().orElseThrow();
    assertThat(g.get(g.indexOf(kei) + 1).x()).as("敬白 flush right").isGreaterThan(right - 15);
    assertThat(g.stream().filter(x -> x.text().equals("謹"))).isNotEmpty();
  }

  @Test
  void previewsOfPageOneAreWrittenForTheReadme() throws IOException {
    Path docs = Path.of("target", "previews");
    Files.createDirectories(docs);
    for (String lang : List.of("en", "ja", "zh")) {
      byte[] png = org.demarche.render.pdf.Previews.firstPagePng(render(lang), 90);
      assertThat(png).hasSizeGreaterThan(10_000);
      Files.write(docs.resolve("founding-letter." + lang + ".png"), png);
    }
  }
}
