package org.demarche.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.demarche.core.Demarche;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole hostile campaign corpus (4 MB strings, alias bombs, 10,000-deep nesting) loads in a 48 MB heap. */
class BoundedMemoryTest {
  static final String HEAP = "-Xmx48m";

  @TempDir
  Path dir;

  /** In the child JVM: loads every corpus file; exit 0 when each is rejected or loaded without running out. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.writeString(dir.resolve("letter.en.md"), CampaignFiles.BODY);
    Demarche demarche = Demarche.builder().install(new TestPlugin()).build();
    int handled = 0;
    for (Map.Entry<String, String> e : HostileCampaignFilesTest.corpus().entrySet()) {
      Path file = dir.resolve("c.yaml");
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      try {
        demarche.load(file);
      } catch (InvalidInputException expected) {
        // rejected with located problems: what the corpus is for
      }
      handled++;
    }
    System.out.println("handled " + handled);
    System.exit(0);
  }

  @Test
  void theHostileCorpusLoadsWithin48MegabytesOfHeap() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), BoundedMemoryTest.class.getName(),
        dir.toString()).redirectErrorStream(true).start();
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println("bounded memory: hostile campaign corpus with " + HEAP + ": exit " + child.exitValue() + ", "
        + out.strip().lines().reduce((a, b) -> b).orElse(""));
    assertThat(child.exitValue()).as(out).isZero();
    assertThat(out).contains("handled " + HostileCampaignFilesTest.corpus().size());
  }
}
