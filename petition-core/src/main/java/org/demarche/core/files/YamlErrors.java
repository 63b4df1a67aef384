package org.demarche.core.files;

import java.util.Optional;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says in words what a YAML syntax error is (a tab, a bad indent, an unclosed quote or bracket), located
 * where it is, rather than the parser's context ("while scanning for the next token") at a line before it.
 */
final class YamlErrors {
  private YamlErrors() {}

  /** The problem for {@code e} when a SnakeYAML syntax error caused it, else empty. */
  static Optional<Problem> explain(Throwable e, String file) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        return Optional.of(explain(m, file));
      }
    }
    return Optional.empty();
  }

  private static Problem explain(MarkedYAMLException m, String file) {
    String problem = String.valueOf(m.getProblem());
    String context = String.valueOf(m.getContext());
    Location at = at(m.getProblemMark(), file);
    Location opened = m.getContextMark() == null ? at : at(m.getContextMark(), file);
    if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
      return new Problem(at, "", "a tab character: YAML indents with spaces only; replace the tab with spaces");
    }
    if (context.contains("quoted scalar")) {
      return new Problem(opened, "", "the quote opened here is never closed: end the value with the same quote"
          + " (' or \") on the same line, or write '' for a ' inside single quotes");
    }
    if (context.contains("flow sequence")) {
      return new Problem(opened, "", "the list opened here with [ is never closed by ]");
    }
    if (context.contains("flow mapping")) {
      return new Problem(opened, "", "the section opened here with { is never closed by }");
    }
    if (problem.contains("mapping values are not allowed")) {
      return new Problem(at, "", "a ': ' where a value was expected: quote a value that holds ': ', or indent"
          + " this line like the lines of its section");
    }
    if (context.contains("block mapping") || context.contains("block collection")
        || problem.startsWith("expected <block end>")) {
      return new Problem(at, "", "bad indentation: this line is indented differently from the lines of its section"
          + " (indent each level with the same number of spaces)");
    }
    if (context.contains("alias") || context.contains("anchor")) {
      return new Problem(at, "", "anchors and aliases are not supported: write the value out");
    }
    return new Problem(at, "", "not valid YAML: " + (m.getContext() == null ? "" : context + ": ") + problem);
  }

  private static Location at(Mark mark, String file) {
    return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }
}
