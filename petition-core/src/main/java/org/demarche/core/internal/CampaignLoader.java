package org.demarche.core.internal;

import org.demarche.core.files.FieldReader;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.Values;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DeliverySettings;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Petition;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Problem;
import org.demarche.core.model.RecipientSelection;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.model.Sender;
import org.demarche.core.model.Settings;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signer;
import org.demarche.core.signatories.ImportOptions;
import org.demarche.core.signatories.SignatoryImport;

/** Reads a campaign file (YAML or JSON) and every file it names, reporting all problems at once. */
public final class CampaignLoader {
  private static final Set<String> TOP = Set.of("id", "date", "sender", "petition", "signatories", "signatoryOptions",
      "disclosureCap", "recipients", "delivery");
  private static final Set<String> SENDER = Set.of("name", "shortName", "address", "email", "web");
  private static final Set<String> ADDRESS = Set.of("lines", "city", "region", "postalCode", "country", "localLines");
  private static final Set<String> PETITION = Set.of("language", "addressee", "subject", "body", "closing", "signedBy",
      "translations");
  private static final Set<String> TRANSLATION = Set.of("subject", "salutation", "body", "closing", "draft");
  private static final Set<String> RECIPIENTS = Set.of("directories", "ids", "select");
  private static final Set<String> SELECT = Set.of("sendingState", "hostCountry", "kinds");
  private static final Set<String> DELIVERY_FIELDS = Set.of("channel", "renderer", "language", "attach", "retry");
  private static final Set<String> RETRY = Set.of("maxAttempts", "initialBackoffSeconds", "maxBackoffSeconds",
      "maxTotalSeconds");

  private final Path file;
  private final String name;
  private final List<Problem> problems = new ArrayList<>();
  private FieldReader r;

  private CampaignLoader(Path file) {
    this.file = file;
    this.name = file.toString();
  }

  public static Campaign load(Path file) {
    return new CampaignLoader(file).load();
  }

  /** Any section of a campaign file as plugin {@link Settings} (e.g. {@code delivery.smtp} when the channel is outbox). */
  public static Settings section(Path file, String path) {
    CampaignLoader loader = new CampaignLoader(file);
    LocatedTree tree = LocatedTree.read(file, loader.name, loader.problems)
        .orElseThrow(() -> new InvalidInputException(loader.problems));
    loader.r = new FieldReader(tree, loader.problems);
    Settings settings = loader.settings(path);
    if (!loader.problems.isEmpty()) {
      throw new InvalidInputException(loader.problems);
    }
    return settings;
  }

  private Campaign load() {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(new Problem(Location.of(name), "", "no such campaign file"));
    }
    Optional<LocatedTree> tree = LocatedTree.read(file, name, problems);
    if (tree.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    r = new FieldReader(tree.get(), problems);
    if (!tree.get().root().isObject()) {
      r.problem("", "a campaign file must be a section with the fields " + String.join(", ", TOP.stream().sorted().toList()));
      throw new InvalidInputException(problems);
    }
    r.onlyKnown("", TOP);

    Optional<String> id = r.convert("id", r.text("id"), v -> Values.id(v, "id"));
    Optional<LocalDate> date = r.convert("date", r.text("date"), v -> {
      try {
        return LocalDate.parse(v);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("must be a date written YYYY-MM-DD, such as 2026-09-24, not '" + v + "'");
      }
    });
    Optional<Sender> sender = sender();
    Optional<Petition> petition = petition(date);
    Optional<Disclosure> cap = r.convert("disclosureCap", r.optText("disclosureCap"), Disclosure::fromKey);
    Optional<Signatories> signatories = signatories(cap.orElse(Disclosure.FULL));
    Optional<RecipientSelection> recipients = recipients();
    Optional<DeliverySettings> delivery = delivery(petition);

    if (!problems.isEmpty() || id.isEmpty() || sender.isEmpty() || petition.isEmpty() || signatories.isEmpty()
        || recipients.isEmpty() || delivery.isEmpty()) {
      if (problems.isEmpty()) {
        r.problem("", "the campaign is incomplete");
      }
      throw new InvalidInputException(sorted(problems));
    }
    Optional<Campaign> campaign = build("delivery", () -> new Campaign(id.get(), sender.get(), petition.get(),
        signatories.get(), cap.orElse(Disclosure.FULL), recipients.get(), delivery.get(), file));
    if (campaign.isEmpty()) {
      throw new InvalidInputException(sorted(problems));
    }
    return campaign.get();
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort((a, b) -> {
      int f = a.location().file().compareTo(b.location().file());
      return f != 0 ? f : Integer.compare(a.location().line(), b.location().line());
    });
    return out;
  }

  private <T> Optional<T> build(String path, Supplier<T> make) {
    try {
      return Optional.of(make.get());
    } catch (IllegalArgumentException | NullPointerException e) {
      r.problem(path, FieldReader.cleanMessage(e.getMessage(), path));
      return Optional.empty();
    }
  }

  private Optional<String> line(String path, boolean required) {
    Optional<String> v = required ? r.text(path) : r.optText(path);
    return r.convert(path, v, x -> Values.line(x, path));
  }

  private Optional<PostalAddress> address(String path) {
    if (!r.requireObject(path)) {
      return Optional.empty();
    }
    r.onlyKnown(path, ADDRESS);
    List<String> lines = r.textList(path + ".lines");
    for (int i = 0; i < lines.size(); i++) {
      String p = path + ".lines[" + i + "]";
      r.convert(p, Optional.of(lines.get(i)), x -> Values.line(x, p));
    }
    Optional<String> city = line(path + ".city", true);
    Optional<String> region = r.convert(path + ".region", r.optText(path + ".region"), x -> Values.region(x, "region"));
    Optional<String> postal = line(path + ".postalCode", false);
    Optional<String> country = r.convert(path + ".country", r.text(path + ".country"), x -> Values.country(x, "country"));
    List<String> local = r.textList(path + ".localLines");
    if (city.isEmpty() || country.isEmpty()) {
      return Optional.empty();
    }
    return build(path, () -> new PostalAddress(lines, city.get(), region, postal, country.get(), local));
  }

  private Optional<Sender> sender() {
    if (!r.requireObject("sender")) {
      return Optional.empty();
    }
    r.onlyKnown("sender", SENDER);
    Optional<String> name = line("sender.name", true);
    Optional<String> shortName = line("sender.shortName", false);
    Optional<PostalAddress> address = address("sender.address");
    Optional<String> email = r.convert("sender.email", r.text("sender.email"), x -> Values.email(x, "email"));
    Optional<URI> web = r.convert("sender.web", r.optText("sender.web"), x -> {
      URI u = URI.create(x.strip());
      if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
        throw new IllegalArgumentException("must be a web address starting with https://, not '" + x + "'");
      }
      return u;
    });
    if (name.isEmpty() || address.isEmpty() || email.isEmpty()) {
      return Optional.empty();
    }
    return build("sender", () -> new Sender(name.get(), shortName.orElse(name.get()), address.get(), email.get(), web));
  }

  private Optional<Petition> petition(Optional<LocalDate> date) {
    if (!r.requireObject("petition")) {
      return Optional.empty();
    }
    r.onlyKnown("petition", PETITION);
    r.onlyKnown("petition.addressee", Set.of("name", "title", "salutation"));
    r.onlyKnown("petition.signedBy", Set.of("name", "title"));
    Optional<String> language = r.convert("petition.language", r.text("petition.language"),
        x -> Values.language(x, "language"));
    r.requireObject("petition.addressee");
    Optional<String> aName = line("petition.addressee.name", true);
    Optional<String> aTitle = line("petition.addressee.title", true);
    Optional<String> salutation = template("petition.addressee.salutation", line("petition.addressee.salutation", true));
    Optional<String> subject = template("petition.subject", line("petition.subject", true));
    Optional<String> body = body("petition.body", r.text("petition.body"));
    Optional<String> closing = line("petition.closing", true);
    r.requireObject("petition.signedBy");
    Optional<String> signer = line("petition.signedBy.name", true);
    Optional<String> signerTitle = line("petition.signedBy.title", false);
    Map<String, Petition.Translation> translations = translations();
    if (language.isEmpty() || aName.isEmpty() || aTitle.isEmpty() || salutation.isEmpty() || subject.isEmpty()
        || body.isEmpty() || closing.isEmpty() || signer.isEmpty() || date.isEmpty()) {
      return Optional.empty();
    }
    return build("petition", () -> new Petition(language.get(), new Addressee(aName.get(), aTitle.get(), salutation.get()),
        subject.get(), body.get(), closing.get(), new Signer(signer.get(), signerTitle), date.get(), translations));
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
      Map<String, String> fields = new HashMap<>();
      String bodyFile = name;
      int bodyLine = r.at(path).line();
      if (t.isTextual()) {
        // A file with optional front matter holding subject, salutation, closing and draft.
        Optional<FileText> text = readSibling(path, t.asText());
        if (text.isEmpty()) {
          continue;
        }
        FrontMatter fm = FrontMatter.split(text.get().text);
        if (fm.error != null) {
          problems.add(new Problem(new Location(text.get().display, fm.errorLine, 0), path, fm.error));
          continue;
        }
        fields.putAll(fm.fields);
        for (String key : fm.fields.keySet()) {
          if (!TRANSLATION.contains(key) || key.equals("body")) {
            problems.add(new Problem(new Location(text.get().display, fm.lineOf(key), 0), path + "." + key,
                "unknown front-matter field '" + key + "'; valid are subject, salutation, closing, draft"));
          }
        }
        fields.put("body", fm.body);
        bodyFile = text.get().display;
        bodyLine = fm.bodyLine;
      } else if (t.isObject()) {
        r.onlyKnown(path, TRANSLATION);
        for (String key : List.of("subject", "salutation", "closing")) {
          r.optText(path + "." + key).ifPresent(v -> fields.put(key, v));
        }
        r.optBoolean(path + ".draft").ifPresent(v -> fields.put("draft", v.toString()));
        Optional<String> b = body(path + ".body", r.text(path + ".body"));
        if (b.isEmpty()) {
          continue;
        }
        fields.put("body", b.get());
        bodyFile = null;
      } else {
        r.problem(path, "must be a file name (letter." + tag + ".md) or a section with subject, salutation, body, closing");
        continue;
      }
      boolean ok = true;
      for (String key : List.of("subject", "salutation", "closing")) {
        if (!fields.containsKey(key)) {
          r.problem(path, "the " + tag + " translation needs a " + key + " (in its front matter or section)");
          ok = false;
        }
      }
      if (bodyFile != null) {
        List<Problem> before = new ArrayList<>(problems);
        LetterTemplate.compile(fields.get("body"), bodyFile, bodyLine, path + ".body", problems);
        ok &= before.size() == problems.size();
      }
      for (String key : List.of("subject", "salutation")) {
        if (fields.containsKey(key)) {
          int before = problems.size();
          LetterTemplate.compile(fields.get(key), bodyFile == null ? name : bodyFile, bodyFile == null ? r.at(path + "." + key).line() : 1,
              path + "." + key, problems);
          ok &= before == problems.size();
        }
      }
      if (!ok) {
        continue;
      }
      boolean draft = Boolean.parseBoolean(fields.getOrDefault("draft", "false"));
      build(path, () -> new Petition.Translation(tag, fields.get("subject"), fields.get("salutation"), fields.get("body"),
          fields.get("closing"), draft)).ifPresent(tr -> out.put(tag, tr));
    }
    return out;
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
    return problems.size() == before ? Optional.of(text) : Optional.empty();
  }

  private record FileText(String text, String display) {}

  private Optional<FileText> readSibling(String path, String relative) {
    Path base = file.toAbsolutePath().getParent();
    Path target = base.resolve(relative).normalize();
    String display = file.getParent() == null ? relative : file.getParent().resolve(relative).toString();
    if (!Files.isRegularFile(target)) {
      r.problem(path, "names the file '" + relative + "', which does not exist beside the campaign file (looked for " + display + ")");
      return Optional.empty();
    }
    try {
      if (Files.size(target) > LocatedTree.MAX_FILE_BYTES) {
        r.problem(path, "the file '" + relative + "' is larger than 4 MB");
        return Optional.empty();
      }
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(target))).toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return Optional.of(new FileText(text.replace("\r\n", "\n"), display));
    } catch (CharacterCodingException e) {
      r.problem(path, "the file '" + relative + "' is not UTF-8 text");
    } catch (IOException e) {
      r.problem(path, "cannot read '" + relative + "': " + e.getMessage());
    }
    return Optional.empty();
  }

  private Optional<Signatories> signatories(Disclosure cap) {
    Optional<JsonNode> node = r.node("signatories");
    if (node.isEmpty()) {
      return Optional.of(Signatories.none());
    }
    if (node.get().isTextual()) {
      String relative = node.get().asText().strip();
      Path target = file.toAbsolutePath().getParent().resolve(relative).normalize();
      String display = file.getParent() == null ? relative : file.getParent().resolve(relative).toString();
      if (!Files.isRegularFile(target)) {
        r.problem("signatories", "names the file '" + relative + "', which does not exist beside the campaign file");
        return Optional.empty();
      }
      r.onlyKnown("signatoryOptions", Set.of("skipBadRows"));
      boolean skipBadRows = r.optBoolean("signatoryOptions.skipBadRows").orElse(false);
      try {
        return Optional.of(SignatoryImport.read(target, display, new ImportOptions(cap, skipBadRows)).signatories());
      } catch (org.demarche.core.model.InvalidInputException e) {
        problems.addAll(e.problems());
        return Optional.empty();
      }
    }
    if (node.get().isArray()) {
      return SignatoryImport.inline(r, "signatories", cap);
    }
    r.problem("signatories", "must be a CSV or JSON file name, or a list of signatories");
    return Optional.empty();
  }

  private Optional<RecipientSelection> recipients() {
    if (!r.requireObject("recipients")) {
      return Optional.empty();
    }
    r.onlyKnown("recipients", RECIPIENTS);
    r.onlyKnown("recipients.select", SELECT);
    List<String> directories = r.has("recipients.directories") ? r.textList("recipients.directories") : List.of("bundled");
    List<String> ids = r.textList("recipients.ids");
    List<String> goodIds = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String p = "recipients.ids[" + i + "]";
      r.convert(p, Optional.of(ids.get(i)), x -> Values.id(x, "id")).ifPresent(goodIds::add);
    }
    Optional<String> state = r.convert("recipients.select.sendingState", r.optText("recipients.select.sendingState"),
        x -> Values.country(x, "sendingState"));
    Optional<String> host = r.convert("recipients.select.hostCountry", r.optText("recipients.select.hostCountry"),
        x -> Values.country(x, "hostCountry"));
    Set<MissionKind> kinds = new LinkedHashSet<>();
    List<String> kindNames = r.textList("recipients.select.kinds");
    for (int i = 0; i < kindNames.size(); i++) {
      r.convert("recipients.select.kinds[" + i + "]", Optional.of(kindNames.get(i)), MissionKind::fromKey)
          .ifPresent(kinds::add);
    }
    if (goodIds.size() != ids.size()) {
      return Optional.empty();
    }
    return build("recipients", () -> new RecipientSelection(directories, goodIds, state, host, kinds));
  }

  private Optional<DeliverySettings> delivery(Optional<Petition> petition) {
    Optional<JsonNode> node = r.node("delivery");
    if (node.isPresent() && !node.get().isObject()) {
      r.problem("delivery", "must be a section with channel, renderer, ... fields");
      return Optional.empty();
    }
    Optional<String> channel = line("delivery.channel", false);
    Optional<String> renderer = line("delivery.renderer", false);
    String ch = channel.orElse("outbox");
    String rn = renderer.orElse("pdf");
    // Other sections belong to plugins (delivery.smtp, delivery.pdf, ...); only scalars here are ours.
    node.ifPresent(n -> n.fields().forEachRemaining(e -> {
      if (!e.getValue().isObject() && !DELIVERY_FIELDS.contains(e.getKey())) {
        r.problem("delivery." + e.getKey(), "unknown field '" + e.getKey() + "'; valid fields are "
            + String.join(", ", DELIVERY_FIELDS.stream().sorted().toList()) + ", and a section per channel or renderer");
      }
    }));
    Optional<String> language = r.convert("delivery.language", r.optText("delivery.language"),
        x -> Values.language(x, "language"));
    List<String> attach = r.textList("delivery.attach");
    r.onlyKnown("delivery.retry", RETRY);
    RetryPolicy defaults = RetryPolicy.defaults();
    int attempts = intField("delivery.retry.maxAttempts", defaults.maxAttempts());
    int initial = intField("delivery.retry.initialBackoffSeconds", (int) defaults.initialBackoff().toSeconds());
    int max = intField("delivery.retry.maxBackoffSeconds", (int) defaults.maxBackoff().toSeconds());
    int total = intField("delivery.retry.maxTotalSeconds", (int) defaults.maxTotal().toSeconds());
    Optional<RetryPolicy> retry = build("delivery.retry", () -> new RetryPolicy(attempts, Duration.ofSeconds(initial),
        Duration.ofSeconds(max), Duration.ofSeconds(total)));
    if (petition.isEmpty() || retry.isEmpty()) {
      return Optional.empty();
    }
    Settings channelSettings = settings("delivery." + ch, fallback("delivery.channel"));
    Settings rendererSettings = settings("delivery." + rn, fallback("delivery.renderer"));
    return build("delivery", () -> new DeliverySettings(ch, channelSettings, rn, rendererSettings,
        language.orElse(petition.get().language()), attach, retry.get()));
  }

  private int intField(String path, int fallback) {
    Optional<String> v = r.optText(path);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.get().strip());
    } catch (NumberFormatException e) {
      r.problem(path, "must be a whole number, not '" + v.get() + "'");
      return fallback;
    }
  }

  /** Where a field was written, else its section, else the file's first line. */
  private Location fallback(String path) {
    return r.has(path) ? r.at(path) : r.has("delivery") ? r.at("delivery") : new Location(name, 1, 1);
  }

  /** A plugin's section as {@link Settings}, with where each value was written. */
  public Settings settings(String path) {
    return settings(path, fallback(path));
  }

  private Settings settings(String path, Location whenAbsent) {
    Map<String, Location> locations = new HashMap<>();
    Map<String, String> values = r.scalars(path, locations);
    return new Settings(path, values, locations, r.has(path) ? r.at(path) : whenAbsent,
        file.toAbsolutePath().getParent());
  }
}
