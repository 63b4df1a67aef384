package org.demarche.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.junit.jupiter.api.Test;

/** YAML syntax errors as an operator writing a campaign by hand meets them: the cause in words, where it is. */
class YamlSyntaxTest {
  private static Problem onlyProblem(String yaml) {
    List<Problem> problems = new ArrayList<>();
    Optional<LocatedTree> tree = LocatedTree.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        "campaign.yaml", false, problems);
    assertThat(tree).isEmpty();
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void aTabIsNamedAtItsOwnLine() {
    Problem p = onlyProblem("id: x\nsender:\n\tname: A\n");
    assertThat(p.location()).isEqualTo(new Location("campaign.yaml", 3, 1));
    assertThat(p.message()).contains("a tab character").contains("spaces").doesNotContain("while scanning");
  }

  @Test
  void anUnclosedQuoteIsNamedWhereItOpens() {
    Problem p = onlyProblem("id: x\nsubject: \"Petition\nclosing: Sincerely,\n");
    assertThat(p.location()).isEqualTo(new Location("campaign.yaml", 2, 10));
    assertThat(p.message()).startsWith("the quote opened here is never closed");
  }

  @Test
  void aBadIndentIsNamedAtTheLineOutOfStep() {
    Problem p = onlyProblem("ids:\n  - a\n - b\n");
    assertThat(p.location().line()).isEqualTo(3);
    assertThat(p.message()).startsWith("bad indentation");
  }

  @Test
  void anUnclosedBracketIsNamedWhereItOpens() {
    Problem p = onlyProblem("directories: [bundled, extra.json\nselect: {}\n");
    assertThat(p.location()).isEqualTo(new Location("campaign.yaml", 1, 14));
    assertThat(p.message()).contains("never closed by ]");
  }

  @Test
  void anAliasIsRefusedNotReadAsTheAnchorsName() {
    Problem p = onlyProblem("name: &org Life Funds\nsigner: *org\n");
    assertThat(p.location()).isEqualTo(new Location("campaign.yaml", 2, 9));
    assertThat(p.field()).isEqualTo("signer");
    assertThat(p.message()).startsWith("anchors and aliases are not supported: write the value out");
  }

  @Test
  void anAliasOfASectionIsRefusedToo() {
    Problem p = onlyProblem("a: &addr { city: Tokyo }\nb: *addr\n");
    assertThat(p.location().line()).isEqualTo(2);
    assertThat(p.message()).startsWith("anchors and aliases are not supported");
  }
}
