package org.demarche.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.demarche.core.Demarche;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Letter bodies as CommonMark: the plain text an email carries, and what a letter refuses at load. */
class LetterMarkdownTest {
  @TempDir
  Path dir;

  @Test
  void plainTextKeepsListsQuotesAndLinkAddressesWithoutMarkdownMarks() {
    String plain = LetterMarkdown.plainText("""
        ## Our request

        We ask **urgently** and *respectfully*:
        - stop forced returns
        - allow safe passage

        > a State that does not have any parallel

        See [the report](https://www.ohchr.org/coi) and <https://example.org>.""");

    assertThat(plain).isEqualTo("""
        Our request

        We ask urgently and respectfully:

        • stop forced returns
        • allow safe passage

            a State that does not have any parallel

        See the report (https://www.ohchr.org/coi) and https://example.org.""");
  }

  @Test
  void aSoftLineBreakBetweenTwoCjkCharactersIsNoSpace() {
    assertThat(LetterMarkdown.plainText("私は\n秋田に住んでいます。 We\nwrite.")).isEqualTo("私は秋田に住んでいます。 We write.");
  }

  @Test
  void tablesImagesAndRawHtmlAreRefusedAtTheirLines() {
    assertThat(LetterMarkdown.unsupported("Text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![x](y.png)\n\n<div>x</div>\n"))
        .extracting(LetterMarkdown.Unsupported::line, LetterMarkdown.Unsupported::what)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "a table"), org.assertj.core.groups.Tuple.tuple(7, "an image"),
            org.assertj.core.groups.Tuple.tuple(9, "raw HTML"));
  }

  @Test
  void aCampaignWhoseBodyHasATableFailsToLoadAtTheTablesFileAndLine() {
    Path file = CampaignFiles.write(dir, CampaignFiles.VALID, "We write.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    assertThatThrownBy(() -> Demarche.builder().install(new TestPlugin()).build().load(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("letter.en.md:3:1").hasMessageContaining("a table cannot be set in a letter");
  }
}
