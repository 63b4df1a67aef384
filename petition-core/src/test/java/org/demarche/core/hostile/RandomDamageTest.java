package org.demarche.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.demarche.core.Demarche;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property of the loader, checked over 500 seeded random damages to a valid campaign (deleted,
 * duplicated, swapped and inserted characters): the result is a campaign or a list of located
 * problems, never another exception. The seed of a failing case is printed to replay it.
 */
class RandomDamageTest {
  @TempDir
  Path dir;

  private static final String NOISE = ":-[]{}\"'#&*!|>\n\t \\,@%\u2028\uFEFF0";

  static String damage(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(4)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
        case 2 -> s.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
        default -> {
          int end = Math.min(s.length(), at + random.nextInt(20));
          s.insert(at, s.substring(at, end));
        }
      }
    }
    return s.toString();
  }

  @Test
  void randomDamageYieldsACampaignOrLocatedProblemsNeverAnotherException() throws Exception {
    Files.writeString(dir.resolve("letter.en.md"), CampaignFiles.BODY);
    Demarche demarche = Demarche.builder().install(new TestPlugin()).build();
    List<String> failures = new ArrayList<>();
    int loaded = 0;
    int rejected = 0;
    for (long seed = 1; seed <= 500; seed++) {
      Path file = dir.resolve("c.yaml");
      Files.writeString(file, damage(CampaignFiles.VALID, new Random(seed)), StandardCharsets.UTF_8);
      try {
        demarche.load(file);
        loaded++;
      } catch (InvalidInputException e) {
        rejected++;
        for (Problem p : e.problems()) {
          if (p.location().line() < 1) {
            failures.add("seed " + seed + ": no line: " + p);
          }
        }
      } catch (RuntimeException e) {
        failures.add("seed " + seed + ": " + e);
      }
    }
    System.out.printf("random damage: 500 cases, %d still valid, %d rejected with file:line%n", loaded, rejected);
    assertThat(failures).isEmpty();
  }
}
