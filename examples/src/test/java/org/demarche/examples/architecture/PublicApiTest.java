package org.demarche.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's public surface is decided, not grown: every public type outside {@code internal}
 * packages, module by module, must be listed in {@code docs/public-api.txt}. A planned addition is made
 * by adding its line there (the test writes the current list to {@code examples/target/public-api.txt}
 * to copy from); an unplanned one fails the build.
 */
class PublicApiTest {
  /** The runner and its samples are an application, not API. */
  private static final List<String> NOT_LIBRARIES = List.of("examples");

  @Test
  void publicTypesAreExactlyTheListedOnes() throws IOException {
    Path root = SourceGraph.repositoryRoot();
    List<String> actual = publicTypes(root);
    Path report = root.resolve("examples/target/public-api.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, actual, StandardCharsets.UTF_8);
    List<String> listed = Files.readAllLines(root.resolve("docs/public-api.txt"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(actual)
        .as("public types outside internal packages; if the change is planned, update docs/public-api.txt from "
            + report)
        .containsExactlyElementsOf(listed);
  }

  private static List<String> publicTypes(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("target/classes"))).sorted().toList()) {
        String name = module.getFileName().toString();
        if (NOT_LIBRARIES.contains(name)) {
          continue;
        }
        Path classes = module.resolve("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
          files.filter(f -> f.toString().endsWith(".class"))
              .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
              .filter(c -> !c.contains(".internal.") && !c.endsWith("package-info") && !c.endsWith("module-info"))
              .sorted()
              .forEach(c -> describe(c).ifPresent(d -> out.add(name + " " + d)));
        }
      }
    }
    return out;
  }

  private static java.util.Optional<String> describe(String className) {
    Class<?> type;
    try {
      type = Class.forName(className, false, PublicApiTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new AssertionError("cannot load " + className + ": " + e, e);
    }
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return java.util.Optional.empty();
      }
    }
    String kind = type.isAnnotation() ? "@interface" : type.isRecord() ? "record" : type.isEnum() ? "enum"
        : type.isInterface() ? "interface" : "class";
    return java.util.Optional.of(kind + " " + type.getName().replace('$', '.'));
  }
}
