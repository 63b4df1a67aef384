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
