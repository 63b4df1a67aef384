package org.demarche.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
  private final List<Problem> problems = new ArrayList<>();

  @Test
  void readsTheBlockAsYamlSoQuotesFollowYaml() {
    FrontMatter fm = FrontMatter.read("---\ntitle: 'It''s'\nsubject: \"A \\\"quoted\\\" word\" # a comment\n---\nBody\n",
        "letter.ja.md", problems).orElseThrow();

    FieldReader r = new FieldReader(fm.fields().orElseThrow(), problems);
    assertThat(r.text("title")).contains("It's");
    assertThat(r.text("subject")).contains("A \"quoted\" word");
    assertThat(r.at("subject")).isEqualTo(new Location("letter.ja.md", 3, 1));
    assertThat(fm.body()).isEqualTo("Body\n");
    assertThat(fm.bodyLine()).isEqualTo(5);
    assertThat(problems).isEmpty();
  }

  @Test
  void refusesARepeatedKeyWithFileAndLine() {
    Optional<FrontMatter> fm = FrontMatter.read("---\nsubject: A\nclosing: B\nsubject: C\n---\nBody\n", "l.md", problems);

    assertThat(fm).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location().file()).isEqualTo("l.md");
      assertThat(p.location().line()).isEqualTo(4);
      assertThat(p.message()).contains("appears twice");
    });
  }

  @Test
  void aTextWithoutFrontMatterIsAllBody() {
    FrontMatter fm = FrontMatter.read("Dear ---\n---\n", "l.md", problems).orElseThrow();

    assertThat(fm.fields()).isEmpty();
    assertThat(fm.body()).isEqualTo("Dear ---\n---\n");
    assertThat(fm.bodyLine()).isEqualTo(1);
  }

  @Test
  void refusesABlockThatIsNeverClosed() {
    assertThat(FrontMatter.read("---\nsubject: A\nBody\n", "l.md", problems)).isEmpty();
    assertThat(problems).extracting(Problem::toString)
        .containsExactly("l.md:1:1: the front matter opened with '---' on line 1 is never closed by another '---'");
  }

  @Test
  void anEmptyBlockHasNoFields() {
    FrontMatter fm = FrontMatter.read("---\n# nothing yet\n---\nBody", "l.md", problems).orElseThrow();

    assertThat(fm.fields().orElseThrow().root().size()).isZero();
    assertThat(fm.body()).isEqualTo("Body");
    assertThat(fm.bodyLine()).isEqualTo(4);
  }
}
