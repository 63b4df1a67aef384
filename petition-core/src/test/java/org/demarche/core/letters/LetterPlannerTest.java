package org.demarche.core.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.demarche.core.Demarche;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Signer;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public letter-planning API, as a feature or a third-party tool uses it. */
class LetterPlannerTest {
  @TempDir
  Path dir;

  private Campaign campaign() {
    return Demarche.builder().install(new TestPlugin()).build().load(CampaignFiles.valid(dir));
  }

  @Test
  void plansTheLetterToAMissionWithEveryPlaceholderFilled() {
    Letter l = new LetterPlanner(campaign()).letter(Fixtures.osaka(), "en");
    assertThat(l.id()).isEqualTo("cn-cg-jp-osaka");
    assertThat(l.subject()).isEqualTo("Petition via Osaka");
    assertThat(l.salutation()).isEqualTo("Dear Mr. President:");
    assertThat(l.paragraphs()).containsExactly(
        "We write on 24 September 2026 to Xi Jinping through the Consulate-General of the People's Republic of"
            + " China in Osaka.",
        "On 24 September 1982 the People’s Republic of China acceded to the 1951 Convention and its 1967 Protocol.");
    assertThat(l.signer().name()).isEqualTo("Hiroshi Kato");
    assertThat(l.replyTo()).isEmpty();
  }

  @Test
  void supporterLetterHasItsOwnSignerIdBodyAndParagraphBeforeTheClosing() {
    Letter l = new LetterPlanner(campaign()).letter(Fixtures.sapporo(), "en", new Signer("Aiko Tanaka",
        Optional.empty()), "voice-1", Optional.of("aiko@example.org"), List.of("I live in Akita."),
        Optional.of("I, {{signer.name}}, write to\nthe mission in {{mission.city}}.\n\n私は\n秋田に住んでいます。"));
    assertThat(l.id()).isEqualTo("voice-1");
    assertThat(l.paragraphs()).containsExactly("I, Aiko Tanaka, write to the mission in Sapporo.",
        "私は秋田に住んでいます。", "I live in Akita.");
    assertThat(l.closing()).isEqualTo("Sincerely,");
    assertThat(l.signer().name()).isEqualTo("Aiko Tanaka");
    assertThat(l.replyTo()).contains("aiko@example.org");
  }

  @Test
  void rejectsALanguageThePetitionIsNotWrittenIn() {
    LetterPlanner planner = new LetterPlanner(campaign());
    assertThatThrownBy(() -> planner.letter(Fixtures.osaka(), "fr"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the petition has no fr text");
  }

  @Test
  void rejectsABodyTemplateThatNamesNothing() {
    LetterPlanner planner = new LetterPlanner(campaign());
    assertThatThrownBy(() -> planner.letter(Fixtures.osaka(), "en", new Signer("A", Optional.empty()), "voice-2",
        Optional.empty(), List.of(), Optional.of("To {{mision.name}}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the placeholder {{mision.name}} names nothing");
  }
}
