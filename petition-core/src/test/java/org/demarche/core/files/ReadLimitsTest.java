package org.demarche.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.demarche.core.model.Problem;
import org.junit.jupiter.api.Test;

class ReadLimitsTest {
  private static List<Problem> read(String text, boolean json) {
    List<Problem> problems = new ArrayList<>();
    LocatedTree.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), json ? "f.json" : "f.yaml", json,
        problems);
    return problems;
  }

  @Test
  void yamlAndJsonRefuseAStringOverTheLimitAndAcceptOneAtIt() {
    String ok = "x".repeat(ReadLimits.MAX_STRING_CHARS);
    assertThat(read("a: " + ok + "\n", false)).isEmpty();
    assertThat(read("{\"a\": \"" + ok + "\"}", true)).isEmpty();

    assertThat(read("a: b\nc: " + ok + "x\n", false)).singleElement()
        .satisfies(p -> assertThat(p.location().line()).isEqualTo(2));
    assertThat(read("{\"a\": \"b\",\n\"c\": \"" + ok + "x\"}", true)).singleElement()
        .satisfies(p -> assertThat(p.location().line()).isEqualTo(2));
  }

  @Test
  void subtreesKeepTheFilesLocations() {
    List<Problem> problems = new ArrayList<>();
    LocatedTree tree = LocatedTree.read(new ByteArrayInputStream("{\"missions\": [\n {\"id\": \"a\",\n  \"email\": 1}]}"
        .getBytes(StandardCharsets.UTF_8)), "d.json", true, problems).orElseThrow();

    LocatedTree mission = tree.subtree("missions[0]").orElseThrow();
    assertThat(mission.root().get("id").asText()).isEqualTo("a");
    assertThat(mission.at("email").line()).isEqualTo(3);
    assertThat(mission.at("unknown").line()).isEqualTo(2);
    assertThat(tree.subtree("missions[1]")).isEmpty();
  }
}
