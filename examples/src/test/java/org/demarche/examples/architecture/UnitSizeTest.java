package org.demarche.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Units a reader can hold in mind: no main-source file over 400 lines, no method over 60. */
class UnitSizeTest {
  static final int MAX_FILE_LINES = 400;
  static final int MAX_METHOD_LINES = 60;
  // A method or constructor declaration that opens its body on the same line.
  private static final Pattern DECLARATION = Pattern.compile(
      "^\\s+(?:(?:public|protected|private|static|final|synchronized|abstract|default)\\s+)*"
          + "(?:<[^>]+>\\s+)?[\\w<>\\[\\],.? ]*?\\b\\w+\\s*\\([^;]*\\)\\s*(?:throws [\\w., ]+)?\\{\\s*$");
  private static final Pattern NOT_A_METHOD = Pattern.compile("^\\s*(?:if|for|while|switch|catch|try|else|do|return|new)\\b.*");

  private static final SourceGraph GRAPH = SourceGraph.read();

  @Test
  void noMainSourceFileIsLongerThan400Lines() {
    List<String> long_ = GRAPH.sources().stream()
        .filter(s -> lines(s).size() > MAX_FILE_LINES)
        .map(s -> s.module() + ": " + s.file().getFileName() + " (" + lines(s).size() + " lines)")
        .toList();
    assertThat(long_).isEmpty();
  }

  @Test
  void noMethodIsLongerThan60Lines() {
    List<String> long_ = new ArrayList<>();
    for (SourceGraph.Source s : GRAPH.sources()) {
      List<String> lines = lines(s);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (DECLARATION.matcher(line).matches() && !NOT_A_METHOD.matcher(line).matches()) {
          int length = bodyLength(lines, i);
          if (length > MAX_METHOD_LINES) {
            long_.add(s.module() + ": " + s.file().getFileName() + ":" + (i + 1) + " (" + length + " lines) "
                + line.strip());
          }
        }
      }
    }
    assertThat(long_).isEmpty();
  }

  private static List<String> lines(SourceGraph.Source s) {
    return s.text().lines().toList();
  }

  /** Lines from the declaration to its closing brace, counting braces outside strings and characters. */
  private static int bodyLength(List<String> lines, int start) {
    int depth = 0;
    for (int i = start; i < lines.size(); i++) {
      String code = lines.get(i).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''");
      for (char c : code.toCharArray()) {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
      }
      if (depth == 0) {
        return i - start + 1;
      }
    }
    return lines.size() - start;
  }
}
