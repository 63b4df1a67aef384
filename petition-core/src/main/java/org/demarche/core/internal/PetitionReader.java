package org.demarche.core.internal;

import org.demarche.core.letters.LetterTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.files.FieldReader;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.LetterConventions;
import org.demarche.core.model.LetterMarkdown;
import org.demarche.core.model.LetterWording;
import org.demarche.core.model.Location;
import org.demarche.core.model.Petition;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Signer;
import org.demarche.core.model.Values;

/**
 * Reads a campaign's {@code petition} section: its texts (inline, or files beside the campaign) and its
 * translations, compiling every template so that a bad placeholder is reported where it was written.
 */
final class PetitionReader {
  private static final Set<String> PETITION = CampaignFields.names("petition");
  /** An inline translation section: the front-matter fields and its body. */
  private static final Set<String> TRANSLATION = with(CampaignFields.translationNames(), "body");

  private final Siblings siblings;
  private final String name;
  private final FieldReader r;
  private final List<Problem> problems;

  private static Set<String> with(Set<String> names, String more) {
    Set<String> out = new java.util.HashSet<>(names);
    out.add(more);
    return Set.copyOf(out);
  }

  PetitionReader(String name, FieldReader r, Siblings siblings) {
    this.siblings = siblings;
    this.name = name;
    this.r = r;
    this.problems = r.problems();
  }

  Optional<Petition> petition(Optional<LocalDate> date) {
    if (!CampaignFields.requireSection(r, "petition")) {
      return Optional.empty();
    }
    r.onlyKnown("petition", PETITION);
    r.onlyKnown("petition.addressee", CampaignFields.names("petition.addressee"));
    r.onlyKnown("petition.signedBy", CampaignFields.names("petition.signedBy"));
    Optional<String> language = r.convert("petition.language", r.text("petition.language"),
        x -> Values.language(x, "language"));
    CampaignFields.requireSection(r, "petition.addressee");
    Optional<String> aName = CampaignLoader.line(r, "petition.addressee.name", true);
    Optional<String> aTitle = CampaignLoader.line(r, "petition.addressee.title", true);
    Optional<String> salutation = template("petition.addressee.salutation",
        CampaignLoader.line(r, "petition.addressee.salutation", true));
    Optional<String> subject = template("petition.subject", CampaignLoader.line(r, "petition.subject", true));
    Optional<String> body = body("petition.body", r.text("petition.body"));
    Optional<String> closing = CampaignLoader.line(r, "petition.closing", true);
    CampaignFields.requireSection(r, "petition.signedBy");
    Optional<String> signer = CampaignLoader.line(r, "petition.signedBy.name", true);
    Optional<String> signerTitle = CampaignLoader.line(r, "petition.signedBy.title", false);
    Map<String, Petition.Translation> translations = translations();
    if (language.isEmpty() || aName.isEmpty() || aTitle.isEmpty() || salutation.isEmpty() || subject.isEmpty()
        || body.isEmpty() || closing.isEmpty() || signer.isEmpty() || date.isEmpty()) {
      return Optional.empty();
    }
    return CampaignLoader.build(r, "petition", () -> new Petition(language.get(),
        new Addressee(aName.get(), aTitle.get(), salutation.get()), subject.get(), body.get(), closing.get(),
        new Signer(signer.get(), signerTitle), date.get(), translations));
  }

  /**
   * A translation as written, before its templates are checked.
   *
   * @param bodyFile the file the body came from; empty for a section inline in the campaign file, whose
   *     body was checked as it was read
   */
  private record Written(Optional<String> subject, Optional<String> salutation, Optional<String> closing,
      boolean draft, String body, Optional<String> bodyFile, int bodyLine, Map<String, String> wording,
      Optional<String> reviewedBy, Optional<LocalDate> reviewedOn) {

    Written(Optional<String> subject, Optional<String> salutation, Optional<String> closing, boolean draft,
        String body, Optional<String> bodyFile, int bodyLine) {
      this(subject, salutation, closing, draft, body, bodyFile, bodyLine, Map.of(), Optional.empty(),
          Optional.empty());
    }

    Optional<String> field(String key) {
      return switch (key) {
        case "subject" -> subject;
        case "salutation" -> salutation;
        default -> closing;
      };
    }
  }

  private Map<String, Petition.Translation> translations() {
    Map<String, Petition.Translation> out = new LinkedHashMap<>();
    Optional<JsonNode> node = r.node("petition.translations");
    if (node.isEmpty()) {
      return out;
    }
    if (!node.get().isObject()) {
      r.problem("petition.translations", "must be a section of language tags, such as ja: letter.ja.md");
      return out;
    }
    List<String> tags = new ArrayList<>();
    node.get().fieldNames().forEachRemaining(tags::add);
    for (String tag : tags) {
      String path = "petition.translations." + tag;
      if (r.convert(path, Optional.of(tag), x -> Values.language(x, "language tag")).isEmpty()) {
        continue;
      }
      JsonNode t = node.get().get(tag);
      Optional<Written> written;
      if (t.isTextual()) {
        written = fromFile(path, t.asText());
      } else if (t.isObject()) {
        written = fromSection(path);
      } else {
        r.problem(path, "must be a file name (letter." + tag + ".md) or a section with subject, salutation, body, closing");
        continue;
      }
      written.flatMap(w -> checked(tag, path, w)).ifPresent(tr -> out.put(tag, tr));
    }
    return out;
  }

  /** A translation file, with optional front matter holding subject, salutation, closing and draft. */
  private Optional<Written> fromFile(String path, String relative) {
    Optional<FileText> text = readSibling(path, relative);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    FrontMatter fm = FrontMatter.split(text.get().text);
    if (fm.error != null) {
      problems.add(new Problem(new Location(text.get().display, fm.errorLine, 0), path, fm.error));
      return Optional.empty();
    }
    Map<String, String> wording = new LinkedHashMap<>();
    for (String key : fm.fields.keySet()) {
      if (LetterWording.NAME_KEYS.contains(key) || LetterConventions.KEYS.contains(key)) {
        wording.put(key, fm.fields.get(key));
      } else if (!CampaignFields.translationNames().contains(key)) {
        problems.add(new Problem(new Location(text.get().display, fm.lineOf(key), 0), path + "." + key,
            "unknown front-matter field '" + key + "'; valid are " + String.join(", ",
                CampaignFields.TRANSLATION.stream().map(CampaignFields.Field::name).toList())));
      }
    }
    try {
      Map<String, String> conventions = new LinkedHashMap<>(wording);
      conventions.keySet().retainAll(LetterConventions.KEYS);
      LetterConventions.of(tag(path)).with(conventions);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(new Location(text.get().display, fm.lineOf("closingPlacement"), 0), path,
          e.getMessage()));
    }
    Optional<String> reviewedBy = Optional.ofNullable(fm.fields.get("reviewedBy")).filter(v -> !v.isBlank());
    Optional<LocalDate> reviewedOn = Optional.empty();
    String on = fm.fields.get("reviewedOn");
    if (on != null) {
      try {
        reviewedOn = Optional.of(LocalDate.parse(on.strip()));
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(new Problem(new Location(text.get().display, fm.lineOf("reviewedOn"), 1), path + ".reviewedOn",
            "must be a date such as 2026-09-01, not '" + on + "'"));
      }
    }
    return Optional.of(new Written(Optional.ofNullable(fm.fields.get("subject")),
        Optional.ofNullable(fm.fields.get("salutation")), Optional.ofNullable(fm.fields.get("closing")),
        draft(fm, text.get().display, path), fm.body, Optional.of(text.get().display),
        fm.bodyLine, wording, reviewedBy, reviewedOn));
  }

  private static String tag(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** {@code draft:} as written in front matter: true or false, nothing else ({@code yes} is no answer). */
  private boolean draft(FrontMatter fm, String display, String path) {
    String v = fm.fields.getOrDefault("draft", "false").strip();
    if (!v.equals("true") && !v.equals("false")) {
      problems.add(new Problem(new Location(display, fm.lineOf("draft"), 1), path + ".draft",
          "must be true or false, not '" + v + "'"));
    }
    return v.equals("true");
  }

  /** A translation written inline as a section of the campaign file. */
  private Optional<Written> fromSection(String path) {
    r.onlyKnown(path, TRANSLATION);
    Optional<String> subject = r.optText(path + ".subject");
    Optional<String> salutation = r.optText(path + ".salutation");
    Optional<String> closing = r.optText(path + ".closing");
    boolean draft = r.optBoolean(path + ".draft").orElse(false);
    return body(path + ".body", r.text(path + ".body")).map(b -> new Written(subject, salutation, closing, draft, b,
        Optional.empty(), r.at(path).line()));
  }

  /** The translation, once every field it needs is present and every template in it compiles. */
  private Optional<Petition.Translation> checked(String tag, String path, Written w) {
    int before = problems.size();
    for (String key : List.of("subject", "salutation", "closing")) {
      if (w.field(key).isEmpty()) {
        r.problem(path, "the " + tag + " translation needs a " + key + " (in its front matter or section)");
      }
    }
    w.bodyFile().ifPresent(f -> {
      LetterTemplate.compile(w.body(), f, w.bodyLine(), path + ".body", problems);
      markdown(w.body(), f, w.bodyLine(), path + ".body");
    });
    for (String key : List.of("subject", "salutation")) {
      w.field(key).ifPresent(text -> LetterTemplate.compile(text, w.bodyFile().orElse(name),
          w.bodyFile().isPresent() ? 1 : r.at(path + "." + key).line(), path + "." + key, problems));
    }
    if (problems.size() != before) {
      return Optional.empty();
    }
    return CampaignLoader.build(r, path, () -> new Petition.Translation(tag, w.subject().get(), w.salutation().get(),
        w.body(), w.closing().get(), w.draft(), w.wording(), w.reviewedBy(), w.reviewedOn()));
  }

  private Optional<String> template(String path, Optional<String> source) {
    if (source.isEmpty()) {
      return source;
    }
    int before = problems.size();
    LetterTemplate.compile(source.get(), name, r.at(path).line(), path, problems);
    return problems.size() == before ? source : Optional.empty();
  }

  /** A body: inline text, or a file name (one line ending in .md or .txt) beside the campaign. */
  private Optional<String> body(String path, Optional<String> value) {
    if (value.isEmpty()) {
      return value;
    }
    String v = value.get();
    String text;
    String display;
    int firstLine;
    if (!v.contains("\n") && v.strip().matches("[^\\s].*\\.(md|txt)")) {
      Optional<FileText> f = readSibling(path, v.strip());
      if (f.isEmpty()) {
        return Optional.empty();
      }
      text = f.get().text;
      display = f.get().display;
      firstLine = 1;
    } else {
      text = v;
      display = name;
      firstLine = r.at(path).line() + (v.contains("\n") ? 1 : 0);
    }
    try {
      Values.text(text, path);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(new Location(display, firstLine, 0), path, e.getMessage()));
      return Optional.empty();
    }
    if (text.isBlank()) {
      problems.add(new Problem(new Location(display, firstLine, 0), path, "the letter body is empty"));
      return Optional.empty();
    }
    int before = problems.size();
    LetterTemplate.compile(text, display, firstLine, path, problems);
    markdown(text, display, firstLine, path);
    return problems.size() == before ? Optional.of(text) : Optional.empty();
  }

  /** Tables, images and raw HTML are refused where they are written: a letter cannot carry them. */
  private void markdown(String body, String display, int firstLine, String path) {
    for (LetterMarkdown.Unsupported u : LetterMarkdown.unsupported(body)) {
      problems.add(new Problem(new Location(display, firstLine + u.line() - 1, 1), path,
          u.what() + " cannot be set in a letter; the body may use paragraphs, *emphasis*, **strong**, # headings,"
              + " - and 1. lists, > quotations and [links](https://...)"));
    }
  }

  private record FileText(String text, String display) {}

  private Optional<FileText> readSibling(String path, String relative) {
    return siblings.text(relative, r.at(path), path, problems).map(t -> new FileText(t.text(), t.display()));
  }
}
