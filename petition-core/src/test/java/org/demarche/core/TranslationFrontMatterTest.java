package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Petition;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A translation's front matter is YAML, read by the same reader as the campaign file. */
class TranslationFrontMatterTest {
  @TempDir
  Path dir;

  private final Demarche demarche = Demarche.builder().install(new TestPlugin()).build();

  private Path campaignWithJapanese(String letter) throws Exception {
    Files.writeString(dir.resolve("letter.ja.md"), letter);
    return CampaignFiles.write(dir, CampaignFiles.VALID.replace("  closing: Sincerely,",
        "  closing: Sincerely,\n  translations: { ja: letter.ja.md }"), CampaignFiles.BODY);
  }

  @Test
  void readsQuotedValuesAsYamlDefinesThem() throws Exception {
    Campaign c = demarche.load(campaignWithJapanese(
        "---\nsubject: 'It''s a petition' # quoted\nsalutation: \"閣下\"\nclosing: 敬具\ndraft: true\n---\n本文\n"));

    Petition.Translation ja = c.petition().translations().get("ja");
    assertThat(ja.subject()).isEqualTo("It's a petition");
    assertThat(ja.salutation()).isEqualTo("閣下");
    assertThat(ja.closing()).isEqualTo("敬具");
    assertThat(ja.draft()).isTrue();
    assertThat(ja.body()).isEqualTo("本文\n");
  }

  @Test
  void refusesARepeatedKeyWithFileAndLine() throws Exception {
    Path campaign = campaignWithJapanese("---\nsubject: A\nsalutation: B\nsubject: C\nclosing: D\n---\n本文\n");

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> demarche.load(campaign));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.location().file()).endsWith("letter.ja.md");
      assertThat(p.location().line()).isEqualTo(4);
      assertThat(p.message()).contains("appears twice");
    });
  }
}
