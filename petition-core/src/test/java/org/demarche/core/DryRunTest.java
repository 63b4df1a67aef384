package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #12 item 3: {@link Demarche#check} lays out every letter and translation in memory, as a run would. */
class DryRunTest {
  private static final String HIEROGLYPH = "\uD80C\uDC00";

  @TempDir
  Path dir;

  private final List<String> rendered = new ArrayList<>();

  /** A renderer with the font coverage of a real one: it has no glyph for U+13000, as the PDF renderer's fonts have none. */
  private final class NarrowFonts implements LetterRenderer {
    @Override
    public String mediaType() {
      return "text/plain";
    }

    @Override
    public Rendition render(Letter letter) {
      synchronized (rendered) {
        rendered.add(letter.id() + "." + letter.language());
      }
      if (letter.plainText().contains(HIEROGLYPH)) {
        throw new RenderException("Letter " + letter.id() + ": the character U+13000 (EGYPTIAN HIEROGLYPH A001)"
            + " is in none of the configured fonts");
      }
      return new Rendition(letter.id() + ".txt", mediaType(), letter.language(), new byte[0]);
    }
  }

  private Demarche demarche() {
    return Demarche.builder().install(new DemarchePlugin() {
      @Override
      public String name() {
        return "narrow-fonts";
      }

      @Override
      public void install(PluginRegistry registry) {
        registry.renderer("narrow", settings -> new NarrowFonts());
      }
    }).install(new TestPlugin()).build();
  }

  private Path campaign(String body, boolean withJapanese) throws Exception {
    String text = CampaignFiles.VALID.replace("renderer: text", "renderer: narrow");
    if (withJapanese) {
      Files.writeString(dir.resolve("letter.ja.md"), "---\nsubject: 請願\nsalutation: 閣下\nclosing: 敬具\n---\n本文\n");
      text = text.replace("  closing: Sincerely,", "  closing: Sincerely,\n  translations: { ja: letter.ja.md }")
          + "  attach: [ja]\n";
    }
    return CampaignFiles.write(dir, text, body);
  }

  @Test
  void aCharacterNoFontHasIsOneProblemAtItsLineAndColumnNamingTheLettersItStops() throws Exception {
    Demarche demarche = demarche();
    Campaign c = demarche.load(campaign("Dear Sir,\n\nWe write to {{mission.name}} " + HIEROGLYPH + ".\n", false));
    List<Problem> problems = demarche.check(c);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location(dir.resolve("letter.en.md").toString(), 3, 30));
      assertThat(p.message()).startsWith("the character U+13000").contains("3 letters: cn-cg-jp-nagasaki.en,");
    });
  }

  @Test
  void everyLetterAndAttachedTranslationIsLaidOutAndNothingIsWritten() throws Exception {
    Demarche demarche = demarche();
    Campaign c = demarche.load(campaign(CampaignFiles.BODY, true));
    List<Path> before;
    try (var files = Files.list(dir)) {
      before = files.sorted().toList();
    }
    assertThat(demarche.check(c)).isEmpty();
    assertThat(rendered).containsExactlyInAnyOrder("cn-cg-jp-nagasaki.en", "cn-cg-jp-osaka.en", "cn-cg-jp-sapporo.en",
        "cn-cg-jp-nagasaki.ja", "cn-cg-jp-osaka.ja", "cn-cg-jp-sapporo.ja");
    try (var files = Files.list(dir)) {
      assertThat(files.sorted().toList()).isEqualTo(before);
    }
  }

  @Test
  void aCharacterOnlyInATranslationIsFoundToo() throws Exception {
    Demarche demarche = demarche();
    Path file = campaign(CampaignFiles.BODY, true);
    Files.writeString(dir.resolve("letter.ja.md"), "---\nsubject: 請願\nsalutation: 閣下\nclosing: 敬具\n---\n本文 " + HIEROGLYPH + "\n");
    List<Problem> problems = demarche.check(demarche.load(file));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location(dir.resolve("letter.ja.md").toString(), 6, 4));
      assertThat(p.message()).contains("3 letters: cn-cg-jp-nagasaki.ja, cn-cg-jp-osaka.ja, cn-cg-jp-sapporo.ja");
    });
  }
}
