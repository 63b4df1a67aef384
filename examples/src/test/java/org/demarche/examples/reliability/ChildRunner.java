package org.demarche.examples.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the runner in a child JVM, as a campaigner's terminal would. */
final class ChildRunner {
  private ChildRunner() {}

  static Process start(Path campaign, Path out, Path log, String... extra) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Ddemarche.plain=true",
        "-cp", System.getProperty("java.class.path"), "org.demarche.examples.cli.DemarcheCli",
        "run", campaign.toString(), "--out", out.toString(), "--send"));
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
