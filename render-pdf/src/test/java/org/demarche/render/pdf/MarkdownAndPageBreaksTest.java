package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signatories;
import org.junit.jupiter.api.Test;

/** Markdown bodies set as a typesetter would, and page breaks that never strand the closing. */
class MarkdownAndPageBreaksTest {
  private static final PdfRenderer RENDERER = PdfRenderer.defaults();
  private static final float MM = 72f / 25.4f;

  private static final List<String> MARKDOWN = List.of(
      "## Our request",
      "We ask **urgently** and *respectfully* that you:\n- stop forced returns\n- allow safe passage",
      "1. treat them as refugees\n2. let the UNHCR help",
      "> The violations reveal a State that does not have any parallel in the contemporary world.",
      "See [the Commission's report](https://www.ohchr.org/coi) and https://example.org/");

  private static byte[] markdownLetter() {
    return RENDERER.render(Letters.englishWith(MARKDOWN, Signatories.none(), Disclosure.FULL)).content();
  }

  @Test
  void noMarkdownMarksReachThePdf() {
    String text = PdfText.all(markdownLetter());
    assertThat(text).doesNotContain("**", "##", "](", "> The");
    assertThat(text).contains("Our request", "urgently", "the Commission's report (https://www.ohchr.org/coi)",
        "https://example.org/");
  }

  @Test
  void listItemsEachStartTheirOwnLineWithTheirMarker() {
    List<String> lines = PdfText.all(markdownLetter()).lines().map(String::strip).toList();
    assertThat(lines).contains("• stop forced returns", "• allow safe passage", "1. treat them as refugees",
        "2. let the UNHCR help");
  }

  @Test
  void headingsAndStrongAreBoldEmphasisItalicAndQuotationsIndented() {
    List<NativeScriptsTest.FontGlyph> g = NativeScriptsTest.glyphs(markdownLetter());
    assertThat(first(g, "O", "ur request").font()).contains("Bold");
    assertThat(first(g, "u", "rgently").font()).contains("Bold");
    assertThat(first(g, "r", "espectfully").font()).contains("Italic");
    assertThat(first(g, "W", "e ask").font()).doesNotContain("Bold").doesNotContain("Italic");
    assertThat(first(g, "T", "he violations").x()).isGreaterThan(25 * MM + 20);
    assertThat(first(g, "W", "e ask").x()).isCloseTo(25 * MM, org.assertj.core.data.Offset.offset(0.5f));
  }

  /** The glyph starting {@code head + tail} in reading order. */
  private static NativeScriptsTest.FontGlyph first(List<NativeScriptsTest.FontGlyph> g, String head, String tail) {
    for (int i = 0; i + tail.length() < g.size(); i++) {
      if (!g.get(i).text().equals(head)) {
        continue;
      }
      StringBuilder s = new StringBuilder();
      for (int j = i + 1; j < g.size() && s.length() < tail.replace(" ", "").length(); j++) {
        s.append(g.get(j).text());
      }
      if (s.toString().equals(tail.replace(" ", ""))) {
        return g.get(i);
      }
    }
    throw new AssertionError("no " + head + tail);
  }

  @Test
  void noPageStartsWithTheClosingAndTwoLinesOfTheLastParagraphGoWithIt() {
    int checked = 0;
    for (int paragraphs = 3; paragraphs <= 9; paragraphs++) {
      for (int cut = 40; cut <= Letters.FOUNDING_PARAGRAPH.length(); cut += 45) {
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < paragraphs; i++) {
          ps.add(Letters.FOUNDING_PARAGRAPH);
        }
        ps.add(Letters.FOUNDING_PARAGRAPH.substring(0, cut) + " end.");
        Letter letter = Letters.englishWith(ps, Signatories.none(), Disclosure.FULL);
        List<String> pages = PdfText.pages(RENDERER.render(letter).content());
        for (int p = 1; p < pages.size(); p++) {
          List<String> lines = pages.get(p).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
          // Line 0 is the running header; the closing needs two lines of the last paragraph above it on its
          // page (a last paragraph of one line goes whole).
          int closing = lines.indexOf(letter.closing());
          if (closing >= 0) {
            checked++;
            int lastParagraphLines = cut >= 200 ? 2 : 1;
            assertThat(closing).as(paragraphs + " paragraphs, cut " + cut + ": " + lines)
                .isGreaterThanOrEqualTo(1 + lastParagraphLines);
            assertThat(lines.get(closing - 1)).endsWith("end.");
          }
        }
      }
    }
    assertThat(checked).as("letters whose closing fell on a later page").isGreaterThan(10);
  }
}
