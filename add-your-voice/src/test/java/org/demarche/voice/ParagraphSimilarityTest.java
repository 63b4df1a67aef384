package org.demarche.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphSimilarityTest {
  private static final String BASE = "I met a woman in Seoul who crossed the Tumen river in 1998 and was sent back twice."
      + " Her brother is still missing. Please let the people who reach China go to a country that will take them,"
      + " and do not return them to the camps they fled.";

  @Test
  void sameWordsWithOtherCaseAndPunctuationAreIdentical() {
    List<ParagraphSimilarity.Group> g = ParagraphSimilarity.groups(List.of(BASE, "unrelated words here",
        BASE.toUpperCase().replace(",", "").replace(".", " !")), 0.8);
    assertThat(g).singleElement().satisfies(x -> {
      assertThat(x.kind()).isEqualTo(ParagraphSimilarity.Kind.IDENTICAL);
      assertThat(x.members()).containsExactly(0, 2);
    });
  }

  @Test
  void paragraphWithOneWordChangedIsANearDuplicate() {
    String changed = BASE.replace("Seoul", "Busan");
    assertThat(ParagraphSimilarity.similarity(BASE, changed)).isBetween(0.8, 0.99);
    assertThat(ParagraphSimilarity.groups(List.of(BASE, changed), 0.8)).singleElement().satisfies(x -> {
      assertThat(x.kind()).isEqualTo(ParagraphSimilarity.Kind.NEAR_DUPLICATE);
      assertThat(x.members()).containsExactly(0, 1);
      assertThat(x.lowestSimilarity()).isGreaterThanOrEqualTo(0.8);
    });
  }

  @Test
  void paragraphsWrittenIndependentlyOnTheSameSubjectAreNotGrouped() {
    String other = "My grandmother fled the North in 1950. I ask China to respect the Refugee Convention it signed"
        + " in 1982 and to let refugees travel safely to South Korea.";
    assertThat(ParagraphSimilarity.similarity(BASE, other)).isLessThan(0.2);
    assertThat(ParagraphSimilarity.groups(List.of(BASE, other), 0.8)).isEmpty();
  }

  @Test
  void japaneseTextIsComparedCharacterByCharacter() {
    String a = "私は大阪に住んでいます。北朝鮮から逃れた人々を強制送還しないでください。国際法に従った解決を望みます。";
    String b = "私は札幌に住んでいます。北朝鮮から逃れた人々を強制送還しないでください。国際法に従った解決を望みます。";
    assertThat(ParagraphSimilarity.words(a)).startsWith("私", "は", "大");
    assertThat(ParagraphSimilarity.similarity(a, b)).isGreaterThan(0.8);
  }

  @Test
  void findsEveryNearDuplicateAmongThousandsOfParagraphs() {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      paragraphs.add("Supporter number " + i + " writes about day " + (i * 7919 % 1000) + " and place " + (i * 31 % 977)
          + " in their own words with detail " + (i * 13 % 101) + " and more " + (i * 17 % 89));
    }
    paragraphs.set(1500, BASE);
    paragraphs.set(2999, BASE.replace("1998", "1999"));
    long t = System.nanoTime();
    List<ParagraphSimilarity.Group> g = ParagraphSimilarity.groups(paragraphs, 0.8);
    assertThat((System.nanoTime() - t) / 1_000_000).as("milliseconds").isLessThan(5000);
    assertThat(g).singleElement().extracting(ParagraphSimilarity.Group::members).isEqualTo(List.of(1500, 2999));
  }
}
