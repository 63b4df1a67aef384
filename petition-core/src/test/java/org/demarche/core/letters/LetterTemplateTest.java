package org.demarche.core.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.junit.jupiter.api.Test;

class LetterTemplateTest {
  @Test
  void unknownPlaceholderFailsAtCompileWithItsFileAndLine() {
    List<Problem> problems = new ArrayList<>();
    Optional<LetterTemplate> t = LetterTemplate.compile("Dear {{addressee.name}},\n\nWe write to {{mision.name}}.",
        "letter.en.md", 1, "petition.body", problems);
    assertThat(t).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location("letter.en.md", 3, 0));
      assertThat(p.field()).isEqualTo("petition.body");
      assertThat(p.message()).startsWith("the placeholder {{mision.name}} names nothing; known names are addressee.name,");
    });
  }

  @Test
  void linesCountFromWhereTheTemplateStartsInItsFile() {
    List<Problem> problems = new ArrayList<>();
    LetterTemplate.compile("Petition\nvia {{mission.town}}", "campaign.yaml", 12, "petition.subject", problems);
    assertThat(problems).extracting(p -> p.location().line()).containsExactly(13);
  }

  @Test
  void unclosedSectionIsReportedAsAProblemNotThrown() {
    List<Problem> problems = new ArrayList<>();
    assertThat(LetterTemplate.compile("{{#signer.title}}as {{signer.title}}", "letter.en.md", 1, "petition.body",
        problems)).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("the template is not well formed: "));
  }

  @Test
  void fillsValuesAsPlainTextThatIsNeverEvaluatedAgain() {
    List<Problem> problems = new ArrayList<>();
    LetterTemplate t = LetterTemplate.compile("To the {{mission.name}} & co.", "letter.en.md", 1, "petition.body",
        problems).orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(t.fill(Map.of("mission", Map.of("name", "{{7*7}} <b>")))).isEqualTo("To the {{7*7}} <b> & co.");
  }

  private static Problem onlyProblem(String source) {
    List<Problem> problems = new ArrayList<>();
    assertThat(LetterTemplate.compile(source, "letter.en.md", 10, "petition.body", problems)).isEmpty();
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void anEmptyTagIsALoadErrorAtItsLineAndColumn() {
    Problem p = onlyProblem("Dear Sir,\nWe write {{}} today.");
    assertThat(p.location()).isEqualTo(new Location("letter.en.md", 11, 10));
    assertThat(p.message()).contains("'{{}}' is empty");
  }

  @Test
  void aTagOfSpacesOrASigilAloneIsEmptyToo() {
    assertThat(onlyProblem("We write {{ }} today.").message()).contains("is empty");
    assertThat(onlyProblem("We write {{# }} today.").location().column()).isEqualTo(10);
    assertThat(onlyProblem("We write {{{ }}} today.").message()).contains("'{{{ }}}' is empty");
  }

  @Test
  void aDelimiterChangeIsRefusedRatherThanHidingLaterPlaceholders() {
    Problem p = onlyProblem("{{=<% %>=}}\nTo <%mision.name%>.");
    assertThat(p.location()).isEqualTo(new Location("letter.en.md", 10, 1));
    assertThat(p.message()).contains("changes the delimiters");
  }

  @Test
  void anUnclosedTagIsRefusedRatherThanPrintedLiterally() {
    Problem p = onlyProblem("Dear Sir,\nTo the {{mission.name, with respect.\nMore }} later.");
    assertThat(p.location()).isEqualTo(new Location("letter.en.md", 11, 8));
    assertThat(p.message()).contains("'{{mission.name, with respect.' is never closed");
  }

  @Test
  void commentsStayAllowed() {
    List<Problem> problems = new ArrayList<>();
    assertThat(LetterTemplate.compile("A {{! note }} B", "letter.en.md", 1, "petition.body", problems)).isPresent();
    assertThat(problems).isEmpty();
  }
}
