package org.demarche.core.internal;

import org.demarche.core.files.FieldReader;
import org.demarche.core.files.FileScope;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.Values;
import org.demarche.core.letters.LetterTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.CampaignSource;
import org.demarche.core.model.DeliverySettings;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Petition;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Problem;
import org.demarche.core.model.RecipientSelection;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.model.Sender;
import org.demarche.core.model.Settings;
import org.demarche.core.model.Signatories;
import org.demarche.core.signatories.Duplicate;
import org.demarche.core.signatories.ImportOptions;
import org.demarche.core.signatories.SaltKey;
import org.demarche.core.signatories.SignatoryImport;

/**
 * Reads a campaign (YAML or JSON: a file and every file it names, or a stream and the texts it is given)
 * reporting all problems at once.
 */
public final class CampaignLoader {
  // The names come from CampaignFields, which the schema and the field reference are made from too.
  private static final Set<String> TOP = CampaignFields.names("");
  private static final Set<String> SENDER = CampaignFields.names("sender");
  private static final Set<String> ADDRESS = CampaignFields.names("sender.address");
  private static final Set<String> DELIVERY_FIELDS = CampaignFields.names("delivery");
  private static final Set<String> RETRY = CampaignFields.names("delivery.retry");

  private final CampaignSource source;
  private final String name;
  private final Siblings siblings;
  private final List<Problem> problems = new ArrayList<>();
  private FieldReader r;

  private Defaults defaults = new Defaults(Optional.empty(), Optional.empty());

  private CampaignLoader(CampaignSource source, Siblings siblings) {
    this.source = source;
    this.name = source.name();
    this.siblings = siblings;
  }

  /**
   * The channel and renderer a campaign gets when it names none: offered by the installed plugins, so
   * that core names no plugin's channel or renderer.
   */
  public record Defaults(Optional<String> channel, Optional<String> renderer) {
    public Defaults {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(renderer, "renderer");
    }
  }

  public static Campaign load(Path file, Defaults defaults) {
    return load(file, defaults, List.of());
  }

  /**
   * Loads {@code file}; the files it names must lie in its folder or in one of {@code allowedFolders}
   * (see {@link FileScope}).
   */
  public static Campaign load(Path file, Defaults defaults, List<Path> allowedFolders) {
    Path folder = file.toAbsolutePath().getParent();
    CampaignLoader loader = new CampaignLoader(CampaignSource.of(file),
        Siblings.files(file, new FileScope(folder == null ? Path.of(".") : folder, allowedFolders)));
    loader.defaults = defaults;
    if (!Files.isRegularFile(file)) {
      // A stat, not an open: a FIFO or a device named as the campaign is refused without being read.
      throw new InvalidInputException(new Problem(Location.of(loader.name), "", Files.exists(file)
          ? "is not a regular file (a folder, a device or a FIFO): name the campaign's YAML or JSON file"
          : "no such campaign file"));
    }
    return loader.load(LocatedTree.read(file, loader.name, loader.problems));
  }

  /**
   * Reads a campaign (YAML, or JSON when {@code json}) from {@code in}, named {@code name} in every problem;
   * the texts it names by file name (body, translations) come from {@code texts}. It has no folder, so it
   * names no other file: signatories are inline, directories {@code bundled}, plugin settings name no file.
   */
  public static Campaign read(java.io.InputStream in, String name, boolean json,
      Function<String, Optional<String>> texts, Defaults defaults) {
    CampaignLoader loader = new CampaignLoader(CampaignSource.named(name), Siblings.resolver(name, texts));
    loader.defaults = defaults;
    return loader.load(LocatedTree.read(in, name, json, loader.problems));
  }

  /** Checks a campaign assembled in code as a tree (by {@code CampaignBuilder}) with the loader's rules. */
  public static Campaign read(LocatedTree tree, Function<String, Optional<String>> texts, Defaults defaults) {
    CampaignLoader loader = new CampaignLoader(CampaignSource.named(tree.file()), Siblings.resolver(tree.file(), texts));
    loader.defaults = defaults;
    return loader.load(Optional.of(tree));
  }

  private Campaign load(Optional<LocatedTree> tree) {
    if (tree.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    r = new FieldReader(tree.get(), problems);
    if (!tree.get().root().isObject()) {
      r.problem("", "a campaign file must be a section with the fields " + CampaignFields.CAMPAIGN.listing());
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
    Optional<Petition> petition = new PetitionReader(name, r, siblings).petition(date);
    Optional<Disclosure> cap = r.convert("disclosureCap", r.optText("disclosureCap"), Disclosure::fromKey);
    Optional<Signatories> signatories = signatories(cap.orElse(Disclosure.FULL));
    Optional<RecipientSelection> recipients = new RecipientsReader(r, siblings).recipients();
    Optional<DeliverySettings> delivery = delivery(petition);
    Optional<Optional<org.demarche.core.model.Schedule>> schedule = new ScheduleReader(r).schedule();

    if (!problems.isEmpty() || id.isEmpty() || sender.isEmpty() || petition.isEmpty() || signatories.isEmpty()
        || recipients.isEmpty() || delivery.isEmpty() || schedule.isEmpty()) {
      if (problems.isEmpty()) {
        r.problem("", "the campaign is incomplete");
      }
      throw new InvalidInputException(sorted(problems));
    }
    Optional<Campaign> campaign = build(r, "delivery", () -> new Campaign(id.get(), sender.get(), petition.get(),
        signatories.get(), cap.orElse(Disclosure.FULL), recipients.get(), delivery.get(), source, schedule.get()));
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

  /** Builds a model value; its refusal becomes a problem at {@code path}. */
  static <T> Optional<T> build(FieldReader r, String path, Supplier<T> make) {
    try {
      return Optional.of(make.get());
    } catch (IllegalArgumentException | NullPointerException e) {
      r.problem(path, FieldReader.cleanMessage(e.getMessage(), path));
      return Optional.empty();
    }
  }

  static Optional<String> line(FieldReader r, String path, boolean required) {
    Optional<String> v = required ? r.text(path) : r.optText(path);
    return r.convert(path, v, x -> Values.line(x, path));
  }

  private Optional<PostalAddress> address(String path) {
    if (!CampaignFields.requireSection(r, path)) {
      return Optional.empty();
    }
    r.onlyKnown(path, ADDRESS);
    List<String> lines = r.textList(path + ".lines");
    for (int i = 0; i < lines.size(); i++) {
      String p = path + ".lines[" + i + "]";
      r.convert(p, Optional.of(lines.get(i)), x -> Values.line(x, p));
    }
    Optional<String> city = line(r, path + ".city", true);
    Optional<String> region = r.convert(path + ".region", r.optText(path + ".region"), x -> Values.region(x, "region"));
    Optional<String> postal = line(r, path + ".postalCode", false);
    Optional<String> country = r.convert(path + ".country", r.text(path + ".country"), x -> Values.country(x, "country"));
    List<String> local = r.textList(path + ".localLines");
    if (city.isEmpty() || country.isEmpty()) {
      return Optional.empty();
    }
    return build(r, path, () -> new PostalAddress(lines, city.get(), region, postal, country.get(), local));
  }

  private Optional<Sender> sender() {
    if (!CampaignFields.requireSection(r, "sender")) {
      return Optional.empty();
    }
    r.onlyKnown("sender", SENDER);
    Optional<String> name = line(r, "sender.name", true);
    Optional<String> shortName = line(r, "sender.shortName", false);
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
    return build(r, "sender", () -> new Sender(name.get(), shortName.orElse(name.get()), address.get(), email.get(), web));
  }

  private Optional<Signatories> signatories(Disclosure cap) {
    Optional<JsonNode> node = r.node("signatories");
    if (node.isEmpty()) {
      return Optional.of(Signatories.none());
    }
    if (node.get().isTextual()) {
      String relative = node.get().asText().strip();
      Optional<Path> found = siblings.file(relative, r.at("signatories"), "signatories", problems);
      if (found.isEmpty() || siblings.scope().isEmpty()) {
        return Optional.empty();
      }
      FileScope scope = siblings.scope().get();
      Path parent = source.file().flatMap(f -> Optional.ofNullable(f.getParent())).orElse(null);
      String display = parent == null ? relative : parent.resolve(relative).toString();
      Path target = found.get();
      // The salts file is written beside the list only in the campaign's own folder, never in an allowed one.
      Path salts = scope.inFolder(target) ? SaltKey.fileBeside(target)
          : scope.folder().resolve(target.getFileName() + ".salts");
      r.onlyKnown("signatoryOptions", CampaignFields.names("signatoryOptions"));
      boolean skipBadRows = r.optBoolean("signatoryOptions.skipBadRows").orElse(false);
      try {
        SignatoryImport.Imported imported = SignatoryImport.read(target, display, new ImportOptions(cap, skipBadRows),
            salts);
        // Reported, never merged (the NGO decides), but refused: a repeated row would be counted twice.
        imported.report().duplicates().forEach(d -> problems.add(new Problem(d.at(), "signatories",
            "this co-signatory repeats the one on line " + d.first().line() + " ("
                + (d.rule() == Duplicate.Rule.EMAIL ? "the same email" : "the same name and city")
                + "): remove one of the rows, so that each is counted once")));
        return Optional.of(imported.signatories());
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

  private Optional<DeliverySettings> delivery(Optional<Petition> petition) {
    Optional<JsonNode> node = r.node("delivery");
    if (node.isPresent() && !node.get().isObject()) {
      r.problem("delivery", "must be a section with the fields " + CampaignFields.at("delivery").listing());
      return Optional.empty();
    }
    Optional<String> channel = line(r, "delivery.channel", false).or(defaults::channel);
    Optional<String> renderer = line(r, "delivery.renderer", false).or(defaults::renderer);
    if (channel.isEmpty() && !r.has("delivery.channel")) {
      r.problem("delivery.channel", "is missing, and no installed plugin offers a default channel: name one");
    }
    if (renderer.isEmpty() && !r.has("delivery.renderer")) {
      r.problem("delivery.renderer", "is missing, and no installed plugin offers a default renderer: name one");
    }
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
    petition.ifPresent(p -> checkLanguages(p, language, attach));
    r.onlyKnown("delivery.retry", RETRY);
    RetryPolicy defaults = RetryPolicy.defaults();
    int attempts = intField("delivery.retry.maxAttempts", defaults.maxAttempts(), 1, RetryPolicy.MAX_ATTEMPTS);
    int initial = intField("delivery.retry.initialBackoffSeconds", (int) defaults.initialBackoff().toSeconds(), 0,
        (int) RetryPolicy.MAX_BACKOFF.toSeconds());
    int max = intField("delivery.retry.maxBackoffSeconds", (int) defaults.maxBackoff().toSeconds(), 0,
        (int) RetryPolicy.MAX_BACKOFF.toSeconds());
    int total = intField("delivery.retry.maxTotalSeconds", (int) defaults.maxTotal().toSeconds(), 0,
        (int) RetryPolicy.MAX_TOTAL.toSeconds());
    Optional<RetryPolicy> retry = build(r, "delivery.retry", () -> new RetryPolicy(attempts, Duration.ofSeconds(initial),
        Duration.ofSeconds(max), Duration.ofSeconds(total)));
    if (petition.isEmpty() || retry.isEmpty() || channel.isEmpty() || renderer.isEmpty()) {
      return Optional.empty();
    }
    String ch = channel.get();
    String rn = renderer.get();
    Map<String, Settings> sections = sections(node, ch, rn);
    return build(r, "delivery", () -> new DeliverySettings(ch, rn, sections,
        language.orElse(petition.get().language()), attach, retry.get()));
  }

  /** Each language of {@code delivery.language} and {@code delivery.attach} has a text, reported at its own entry. */
  private void checkLanguages(Petition petition, Optional<String> language, List<String> attach) {
    // The translations as written: one that failed to load is reported there, not again here.
    Set<String> texts = new LinkedHashSet<>();
    texts.add(petition.language());
    r.node("petition.translations").filter(JsonNode::isObject).ifPresent(n -> n.fieldNames().forEachRemaining(texts::add));
    String known = String.join(", ", texts);
    language.filter(l -> !texts.contains(l)).ifPresent(l -> r.problem("delivery.language",
        "'" + l + "' has no text: add it under petition.translations, or use one of " + known));
    for (int i = 0; i < attach.size(); i++) {
      String tag = attach.get(i).strip();
      if (!texts.contains(tag)) {
        r.problem("delivery.attach[" + i + "]", "'" + tag + "' has no text under petition.translations; the"
            + " languages with a text are " + known);
      }
    }
  }

  private int intField(String path, int fallback, int min, int max) {
    Optional<String> v = r.optText(path);
    if (v.isEmpty()) {
      return fallback;
    }
    long n;
    try {
      n = Long.parseLong(v.get().strip());
    } catch (NumberFormatException e) {
      r.problem(path, "must be a whole number, not '" + v.get() + "'");
      return fallback;
    }
    if (n < min || n > max) {
      r.problem(path, "must be between " + min + " and " + max + ", not " + n);
      return fallback;
    }
    return (int) n;
  }

  /**
   * Every plugin section under {@code delivery} (each section that is not one of ours, such as
   * {@code delivery.smtp} while the channel is the outbox), and the chosen channel's and renderer's even
   * when absent, then located where they are named.
   */
  private Map<String, Settings> sections(Optional<JsonNode> delivery, String channel, String renderer) {
    Map<String, Settings> out = new LinkedHashMap<>();
    out.put(channel, settings("delivery." + channel, "delivery.channel"));
    out.putIfAbsent(renderer, settings("delivery." + renderer, "delivery.renderer"));
    delivery.ifPresent(n -> n.fields().forEachRemaining(e -> {
      if (e.getValue().isObject() && !DELIVERY_FIELDS.contains(e.getKey()) && !out.containsKey(e.getKey())) {
        out.put(e.getKey(), settings("delivery." + e.getKey(), "delivery"));
      }
    }));
    return out;
  }

  /** A plugin's section, with where each value was written; when absent, located at {@code namedAt}. */
  private Settings settings(String path, String namedAt) {
    Location whenAbsent = r.has(namedAt) ? r.at(namedAt) : r.has("delivery") ? r.at("delivery") : new Location(name, 1, 1);
    Map<String, Location> locations = new HashMap<>();
    Map<String, String> values = r.scalars(path, locations);
    return new Settings(path, values, locations, r.has(path) ? r.at(path) : whenAbsent, siblings.baseDir(),
        siblings.paths());
  }
}
