package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demarche init} in a terminal asks for what the flags did not give. The runner runs as a child
 * process under util-linux {@code script}, which gives it a pseudo-terminal, so that it sees a console.
 */
class InitPromptTest {
  @TempDir
  Path dir;

  private static String quoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  @Test
  void inATerminalInitAsksForTheMissingAnswersAndWritesThem() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the child a terminal");
    Path folder = dir.resolve("c");
    List<String> args = new ArrayList<>(List.of(InitCommandTest.initArgs(folder)));
    for (String flag : List.of("--email", "--signer")) {
      int at = args.indexOf(flag);
      args.remove(at + 1);
      args.remove(at);
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.demarche.examples.cli.DemarcheCli"));
    command.addAll(args);
    Path answers = Files.writeString(dir.resolve("answers.txt"), "office@trsc.example.org\nAiko Tanaka\n");
    Path log = dir.resolve("terminal.log");

    Process p = new ProcessBuilder("/usr/bin/script", "-qec",
        String.join(" ", command.stream().map(InitPromptTest::quoted).toList()), "/dev/null")
        .redirectInput(answers.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    String terminal = Files.readString(log);
    assertThat(p.exitValue()).as(terminal).isZero();
    assertThat(terminal).contains("Its email, where replies go: ").contains("Who signs the letter: ")
        .doesNotContain("The NGO's full name");
    String yaml = Files.readString(folder.resolve("campaign.yaml"));
    assertThat(yaml).contains("  email: \"office@trsc.example.org\"").contains("    name: \"Aiko Tanaka\"");
  }
}
