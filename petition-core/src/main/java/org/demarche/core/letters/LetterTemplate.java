package org.demarche.core.letters;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.core.model.LetterData;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * A logic-less (Mustache) letter template, checked against {@link LetterData#NAMES} when compiled, so a
 * placeholder that names nothing fails when the campaign is loaded rather than halfway through sending.
 * Values are inserted as plain text and never evaluated again, so a mission or signatory field holding
 * {@code {{7*7}}} prints literally.
 *
 * <pre>{@code
 * List<Problem> problems = new ArrayList<>();
 * Optional<LetterTemplate> t = LetterTemplate.compile(text, "letter.en.md", 1, "petition.body", problems);
 * // empty, and problems says "letter.en.md:3: the placeholder {{mision.name}} names nothing; ..."
 * }</pre>
 */
public final class LetterTemplate {
  private static final Mustache.Compiler COMPILER = Mustache.compiler()
      .escapeHTML(false)
      .strictSections(true)
      .standardsMode(false);
  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  private final Template template;

  private LetterTemplate(Template template) {
    this.template = template;
  }

  /**
   * Compiles {@code source}, adding to {@code problems} one problem for every unknown name or broken tag,
   * located in {@code file} at the line where it was written.
   *
   * @param source the template text
   * @param file the file the text comes from, as problems should name it
   * @param firstLine the line in {@code file} where the text starts (1 for a whole file)
   * @param field the campaign field the text belongs to, e.g. {@code petition.body}
   * @param problems where problems are added
   * @return the template, or empty when a problem was found
   */
  public static Optional<LetterTemplate> compile(String source, String file, int firstLine, String field,
      List<Problem> problems) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(problems, "problems");
    if (!tagsWellFormed(source, file, firstLine, field, problems)) {
      return Optional.empty();
    }
    Template t;
    try {
      t = COMPILER.compile(source);
    } catch (MustacheParseException e) {
      int line = firstLine;
      Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
      if (m.find()) {
        line = firstLine + Integer.parseInt(m.group(1)) - 1;
      }
      problems.add(new Problem(new Location(file, line, 0), field,
          "the template is not well formed: " + e.getMessage().replaceAll("\\s*@ line \\d+", "")
              + " (every {{#section}} needs its {{/section}}; placeholders look like {{mission.name}})"));
      return Optional.empty();
    } catch (MustacheException e) {
      problems.add(new Problem(new Location(file, firstLine, 0), field,
          "the template is not well formed: " + e.getMessage()));
      return Optional.empty();
    }
    List<String> unknown = unknownNames(t);
    for (String name : unknown) {
      problems.add(new Problem(new Location(file, firstLine + lineOf(source, name), 0), field,
          "the placeholder {{" + name + "}} names nothing; known names are "
              + String.join(", ", LetterData.NAMES.stream().sorted().toList())));
    }
    return unknown.isEmpty() ? Optional.of(new LetterTemplate(t)) : Optional.empty();
  }

  /**
   * Fills the template with one letter's values.
   *
   * @param data the values, as {@link LetterData#of} gives them
   * @return the text with every placeholder replaced
   */
  public String fill(Map<String, Object> data) {
    return template.execute(Objects.requireNonNull(data, "data"));
  }

  /**
   * Checks every tag before the Mustache compiler sees it: it throws on an empty tag without a line, prints
   * an unclosed tag literally, and would let a delimiter change hide later placeholders from the name check.
   */
  private static boolean tagsWellFormed(String source, String file, int firstLine, String field,
      List<Problem> problems) {
    int before = problems.size();
    int from = 0;
    while (true) {
      int open = source.indexOf("{{", from);
      if (open < 0) {
        break;
      }
      boolean triple = source.startsWith("{{{", open);
      int close = source.indexOf(triple ? "}}}" : "}}", open + 2);
      int newline = source.indexOf('\n', open);
      Location at = locate(source, open, file, firstLine);
      if (close < 0 || (newline >= 0 && newline < close)) {
        problems.add(new Problem(at, field, "the tag '" + excerpt(source, open)
            + "' is never closed: end it with }} on the same line (placeholders look like {{mission.name}})"));
        from = open + 2;
        continue;
      }
      String inner = source.substring(open + (triple ? 3 : 2), close).strip();
      if (inner.startsWith("=")) {
        problems.add(new Problem(at, field, "the tag '" + source.substring(open, close + 2)
            + "' changes the delimiters, which letters do not support: keep {{ and }}"));
      } else if (!inner.startsWith("!") && inner.replaceFirst("^[#^/>&{]", "").strip().isEmpty()) {
        problems.add(new Problem(at, field, "the tag '" + source.substring(open, close + (triple ? 3 : 2))
            + "' is empty: name a value, such as {{mission.name}}"));
      }
      from = close + 2;
    }
    return problems.size() == before;
  }

  private static Location locate(String source, int index, String file, int firstLine) {
    int line = firstLine;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Location(file, line, index - lineStart + 1);
  }

  private static String excerpt(String source, int open) {
    int end = source.indexOf('\n', open);
    String tail = source.substring(open, end < 0 ? source.length() : end);
    return tail.length() > 40 ? tail.substring(0, 37) + "..." : tail;
  }

  /** Every name the template uses that {@link LetterData#NAMES} does not know (partials always count). */
  private static List<String> unknownNames(Template t) {
    List<String> unknown = new ArrayList<>();
    t.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String text) {}

      @Override
      public void visitVariable(String name) {
        check(name);
      }

      @Override
      public boolean visitInclude(String name) {
        unknown.add(">" + name);
        return false;
      }

      @Override
      public boolean visitSection(String name) {
        check(name);
        return true;
      }

      @Override
      public boolean visitInvertedSection(String name) {
        check(name);
        return true;
      }

      private void check(String name) {
        if (!LetterData.NAMES.contains(name)) {
          unknown.add(name);
        }
      }
    });
    return unknown;
  }

  private static int lineOf(String source, String name) {
    int at = source.indexOf(name);
    if (at < 0) {
      return 0;
    }
    int lines = 0;
    for (int i = 0; i < at; i++) {
      if (source.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
