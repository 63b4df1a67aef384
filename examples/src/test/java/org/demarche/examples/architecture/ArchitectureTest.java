package org.demarche.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, checked on the sources: arrows point one way, the kernel's
 * internals stay internal, and the public surface changes only on purpose.
 */
class ArchitectureTest {
  private static final SourceGraph GRAPH = SourceGraph.read();
  /** String literals that would name what another module provides: its channels, renderer or file types. */
  private static final Pattern OTHER_MODULES_NAMES =
      Pattern.compile("\"(?:\\.pdf|\\.eml|outbox|smtp|pdf)\"", Pattern.CASE_INSENSITIVE);

  @Test
  void onlyTheCoreRootPackageAndInternalItselfImportCoreInternal() {
    List<String> offenders = GRAPH.sources().stream()
        .filter(s -> s.references().contains("org.demarche.core.internal"))
        .filter(s -> !s.pkg().equals("org.demarche.core") && !s.pkg().equals("org.demarche.core.internal"))
        .map(s -> s.module() + ": " + s.file().getFileName())
        .toList();
    assertThat(offenders).as("files outside org.demarche.core that use its internal package").isEmpty();
  }

  @Test
  void noModuleUsesAnotherModulesInternalPackage() {
    List<String> offenders = GRAPH.sources().stream()
        .flatMap(s -> s.references().stream()
            .filter(r -> r.endsWith(".internal") || r.contains(".internal."))
            .filter(r -> !r.startsWith(ownRoot(s.pkg())))
            .map(r -> s.module() + ": " + s.file().getFileName() + " -> " + r))
        .toList();
    assertThat(offenders).isEmpty();
  }

  @Test
  void petitionCoreNamesNoOtherModulesChannelRendererOrFileType() {
    List<String> offenders = GRAPH.sources("petition-core").stream()
        .filter(s -> OTHER_MODULES_NAMES.matcher(s.code()).find())
        .map(s -> s.file().getFileName().toString())
        .toList();
    assertThat(offenders).as("petition-core files that name a plugin's channel, renderer or file type").isEmpty();
  }

  @Test
  void petitionCoreHasNoPackageCycles() throws IOException {
    Map<String, Map<String, Integer>> edges = GRAPH.edges("petition-core");
    writeReport(edges);
    assertThat(SourceGraph.cycles(edges)).as("packages of petition-core that import each other").isEmpty();
  }

  /** The plugin's own package is its root: org.demarche.render.pdf for org.demarche.render.pdf.internal. */
  private static String ownRoot(String pkg) {
    int i = pkg.indexOf(".internal");
    String root = i < 0 ? pkg : pkg.substring(0, i);
    return root.equals("org.demarche.core") || root.startsWith("org.demarche.core.") ? "org.demarche.core" : root;
  }

  /** The import graph, for docs/architecture.md: one line per arrow with the number of files behind it. */
  private static void writeReport(Map<String, Map<String, Integer>> edges) throws IOException {
    String text = edges.entrySet().stream()
        .flatMap(e -> e.getValue().entrySet().stream()
            .map(t -> short_(e.getKey()) + " -> " + short_(t.getKey()) + " (" + t.getValue() + ")"))
        .collect(Collectors.joining("\n", "", "\n"));
    Path out = SourceGraph.repositoryRoot().resolve("examples/target/petition-core-imports.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  private static String short_(String pkg) {
    return pkg.equals("org.demarche.core") ? "core" : pkg.replace("org.demarche.core.", "");
  }

}
