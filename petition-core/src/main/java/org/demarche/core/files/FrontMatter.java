package org.demarche.core.files;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * A text file that may begin with front matter: a YAML block between a first line of {@code ---} and the
 * next line of {@code ---}, as static site generators write it. The block is read by {@link LocatedTree},
 * so quoting, comments and duplicate keys follow YAML ({@code 'It''s'} is {@code It's}) and every
 * location is a line of the original file; the rest is the body.
 *
 * @param fields the block, when the file has one (a YAML section)
 * @param body the text after the closing {@code ---}, or the whole text when there is no block
 * @param bodyLine the line of the file on which the body starts
 */
public record FrontMatter(Optional<LocatedTree> fields, String body, int bodyLine) {
  private static final String MARK = "---";

  public FrontMatter {
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(body, "body");
  }

  /**
   * Splits {@code text} (line breaks already {@code \n}) read from {@code displayName}; a block that is
   * never closed, is not valid YAML or is not a section adds a problem and gives an empty result.
   */
  public static Optional<FrontMatter> read(String text, String displayName, List<Problem> problems) {
    int firstEnd = text.indexOf('\n');
    if (firstEnd < 0 || !text.substring(0, firstEnd).strip().equals(MARK)) {
      return Optional.of(new FrontMatter(Optional.empty(), text, 1));
    }
    int lineStart = firstEnd + 1;
    for (int line = 2; lineStart > 0 && lineStart <= text.length(); line++) {
      int end = text.indexOf('\n', lineStart);
      if ((end < 0 ? text.substring(lineStart) : text.substring(lineStart, end)).strip().equals(MARK)) {
        String body = end < 0 ? "" : text.substring(end + 1);
        int bodyLine = line + 1;
        return block(MARK + text.substring(firstEnd, lineStart), displayName, problems)
            .map(tree -> new FrontMatter(Optional.of(tree), body, bodyLine));
      }
      lineStart = end + 1;
    }
    problems.add(new Problem(new Location(displayName, 1, 1), "",
        "the front matter opened with '---' on line 1 is never closed by another '---'"));
    return Optional.empty();
  }

  /** Reads the block with its opening '---' (a YAML document start), so that its lines are the file's. */
  private static Optional<LocatedTree> block(String block, String displayName, List<Problem> problems) {
    if (block.lines().skip(1).allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
      // An empty block is no fields, not an empty file.
      return Optional.of(LocatedTree.of(displayName, JsonNodeFactory.instance.objectNode(),
          Map.of("", new Location(displayName, 1, 1))));
    }
    Optional<LocatedTree> tree = LocatedTree.read(new ByteArrayInputStream(block.getBytes(StandardCharsets.UTF_8)),
        displayName, false, problems);
    if (tree.isPresent() && !tree.get().root().isObject()) {
      problems.add(new Problem(tree.get().at(""), "", "the front matter must be 'key: value' lines"));
      return Optional.empty();
    }
    return tree;
  }
}
