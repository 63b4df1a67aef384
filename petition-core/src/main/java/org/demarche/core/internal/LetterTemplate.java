package org.demarche.core.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.core.model.LetterData;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * A logic-less (Mustache) template checked against {@link LetterData#NAMES} when compiled, so a
 * placeholder that names nothing fails at load time rather than halfway through sending. Values are
 * inserted as plain text and never evaluated again, so a mission or signatory field holding
 * {@code {{7*7}}} prints literally.
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
   * Compiles {@code source}, adding a problem for every unknown name or broken tag.
   *
   * @param firstLine the line in {@code file} where the template text starts (1 for a whole file)
   */
  public static LetterTemplate compile(String source, String file, int firstLine, String field, List<Problem> problems) {
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
      return null;
    } catch (MustacheException e) {
      problems.add(new Problem(new Location(file, firstLine, 0), field, "the template is not well formed: " + e.getMessage()));
      return null;
    }
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
    for (String name : unknown) {
      problems.add(new Problem(new Location(file, firstLine + lineOf(source, name), 0), field,
          "the placeholder {{" + name + "}} names nothing; known names are " + String.join(", ", sorted(LetterData.NAMES))));
    }
    return unknown.isEmpty() ? new LetterTemplate(t) : null;
  }

  /** Fills the template with a letter's values. */
  public String render(Map<String, Object> data) {
    return template.execute(data);
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

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
