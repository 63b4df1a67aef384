package org.demarche.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.files.FieldReader;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.Problem;

/**
 * A translation's front matter as {@link CampaignLoader} uses it: the text fields of the YAML block that
 * {@link org.demarche.core.files.FrontMatter} reads (subject, salutation, closing, draft), each with its
 * line, and the body below it; or the first problem found.
 */
final class FrontMatter {
  final Map<String, String> fields = new LinkedHashMap<>();
  final Map<String, Integer> lines = new LinkedHashMap<>();
  String body;
  int bodyLine = 1;
  String error;
  int errorLine;

  static FrontMatter split(String text) {
    FrontMatter fm = new FrontMatter();
    List<Problem> problems = new ArrayList<>();
    Optional<org.demarche.core.files.FrontMatter> read = org.demarche.core.files.FrontMatter.read(text, "", problems);
    read.flatMap(org.demarche.core.files.FrontMatter::fields).ifPresent(tree -> fm.fields(tree, problems));
    if (!problems.isEmpty()) {
      fm.error = problems.get(0).message();
      fm.errorLine = Math.max(1, problems.get(0).location().line());
      return fm;
    }
    fm.body = read.orElseThrow().body();
    fm.bodyLine = read.orElseThrow().bodyLine();
    return fm;
  }

  /** Each field as text (a missing value as empty text); a section or list is a problem. */
  private void fields(LocatedTree tree, List<Problem> problems) {
    FieldReader r = new FieldReader(tree, problems);
    tree.root().fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (v.isContainerNode()) {
        r.problem(e.getKey(), "front matter field '" + e.getKey() + "' must be text, not " + FieldReader.describe(v));
        return;
      }
      fields.put(e.getKey(), v.isNull() ? "" : v.asText());
      lines.put(e.getKey(), tree.at(e.getKey()).line());
    });
  }

  int lineOf(String key) {
    return lines.getOrDefault(key, 1);
  }
}
