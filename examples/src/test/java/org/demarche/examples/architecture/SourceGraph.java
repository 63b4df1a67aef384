package org.demarche.examples.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's main sources as a graph of packages: which package refers to which, counted by file,
 * read from import statements and fully qualified names in code (comments are not dependencies).
 */
final class SourceGraph {
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])(org\\.demarche(?:\\.[a-z]\\w*)+)\\.[A-Z]");
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("^\\s*//.*$", Pattern.MULTILINE);

  /** One main source file: its module, package, text, text without comments, and the packages it refers to. */
  record Source(String module, Path file, String pkg, String text, String code, Set<String> references) {}

  private final List<Source> sources;

  private SourceGraph(List<Source> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The repository root, seen from a module's folder (where Maven runs its tests). */
  static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("examples")) ? here : here.getParent();
  }

  /** Every module's {@code src/main/java}, read from the repository root. */
  static SourceGraph read() {
    Path root = repositoryRoot();
    List<Source> out = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
            out.add(source(module.getFileName().toString(), f));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SourceGraph(out);
  }

  private static Source source(String module, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll("");
    Matcher p = PACKAGE.matcher(code);
    String pkg = p.find() ? p.group(1) : "";
    Set<String> refs = new TreeSet<>();
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      if (!m.group(1).equals(pkg)) {
        refs.add(m.group(1));
      }
    }
    return new Source(module, file, pkg, text, code, refs);
  }

  List<Source> sources() {
    return sources;
  }

  List<Source> sources(String module) {
    return sources.stream().filter(s -> s.module().equals(module)).toList();
  }

  /** Package to package, with the number of files of the first that refer to the second. */
  Map<String, Map<String, Integer>> edges(String module) {
    Map<String, Map<String, Integer>> edges = new TreeMap<>();
    for (Source s : sources(module)) {
      Map<String, Integer> out = edges.computeIfAbsent(s.pkg(), k -> new TreeMap<>());
      for (String r : s.references()) {
        out.merge(r, 1, Integer::sum);
      }
    }
    return edges;
  }

  /** The groups of packages that refer to each other in a circle (Tarjan's strongly connected components). */
  static List<Set<String>> cycles(Map<String, Map<String, Integer>> edges) {
    Tarjan t = new Tarjan(edges);
    edges.keySet().forEach(t::visit);
    return t.components.stream().filter(c -> c.size() > 1).toList();
  }

  private static final class Tarjan {
    private final Map<String, Map<String, Integer>> edges;
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Integer> low = new TreeMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<Set<String>> components = new ArrayList<>();

    Tarjan(Map<String, Map<String, Integer>> edges) {
      this.edges = edges;
    }

    void visit(String v) {
      if (index.containsKey(v)) {
        return;
      }
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.add(v);
      for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (stack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> component = new TreeSet<>();
        String w;
        do {
          w = stack.remove(stack.size() - 1);
          component.add(w);
        } while (!w.equals(v));
        components.add(component);
      }
    }
  }
}
