package org.demarche.deliver.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.Test;

class LetterHtmlTest {

  @Test
  void escapesMarkupInTheLettersText() {
    assertThat(LetterHtml.escape("<script>alert('x') & \"y\"</script>"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  }

  @Test
  void makesEachBlockOfTheLetterAParagraph() {
    String html = LetterHtml.of(Fixtures.letterTo(Fixtures.osaka()));
    assertThat(html).contains("<p>24 September 2026</p>")
        .contains("<p>Xi Jinping<br>\nPresident of the People&#39;s Republic of China<br>\nvia Consulate-General")
        .contains("<p>Dear Mr. President:</p>")
        .contains("<p>We ask you to end forced repatriation and to grant safe passage to a third country.</p>")
        .contains("<title>Petition on World Save North Korean Refugees Day</title>");
    assertThat(html.split("<p>", -1)).hasSize(9);
  }
}
