package org.demarche.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.internal.CampaignLoader;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Signatories;

/**
 * A campaign built in code, from {@link Demarche#newCampaign(String)}. Nothing is checked until
 * {@link #build()}, which checks everything at once with the campaign file's rules (the same fields, the same
 * messages, templates compiled, the channel's and renderer's settings and the selected missions checked) and
 * throws {@link InvalidInputException} listing every problem, each named by its field.
 *
 * <p>Defaults, so that a small campaign is a few lines: language {@code en}, the date today, closing
 * {@code Sincerely,}, the {@code bundled} directory, no co-signatories (disclosure capped at full), the
 * installed plugins' default channel and renderer, the petition's language sent and nothing attached. The
 * built campaign has no file or folder: a run needs a journal in {@link RunOptions}.
 *
 * <p>Not thread-safe: one builder per thread; the campaign it builds is immutable.
 */
public final class CampaignBuilder {
  private final Demarche demarche;
  private final String name;
  private final ObjectNode root = JsonNodeFactory.instance.objectNode();
  private final Map<String, String> texts = new LinkedHashMap<>();
  private Optional<Signatories> signatories = Optional.empty();
  private Disclosure cap = Disclosure.FULL;

  CampaignBuilder(String id, Demarche demarche) {
    this.demarche = Objects.requireNonNull(demarche, "demarche");
    this.name = "campaign " + Objects.requireNonNull(id, "id") + " (built in code)";
    root.put("id", id);
    root.put("date", LocalDate.now().toString());
    petition().put("language", "en");
    petition().put("closing", "Sincerely,");
    root.putObject("recipients");
  }

  private ObjectNode petition() {
    return root.has("petition") ? (ObjectNode) root.get("petition") : root.putObject("petition");
  }

  private ObjectNode section(ObjectNode parent, String key) {
    return parent.has(key) ? (ObjectNode) parent.get(key) : parent.putObject(key);
  }

  /** The letters' date (default: today). */
  public CampaignBuilder date(LocalDate date) {
    root.put("date", date.toString());
    return this;
  }

  /** The organization sending the letters: its name, its email (the letters' From) and its postal address. */
  public CampaignBuilder sender(String organization, String email, PostalAddress address) {
    ObjectNode s = section(root, "sender");
    s.put("name", organization);
    s.put("email", email);
    ObjectNode a = s.putObject("address");
    address.lines().forEach(a.putArray("lines")::add);
    a.put("city", address.city());
    address.region().ifPresent(r -> a.put("region", r));
    address.postalCode().ifPresent(p -> a.put("postalCode", p));
    a.put("country", address.country());
    address.localLines().forEach(a.putArray("localLines")::add);
    return this;
  }

  /** The sender's short name, used where space is short (default: its name). */
  public CampaignBuilder senderShortName(String shortName) {
    section(root, "sender").put("shortName", shortName);
    return this;
  }

  /** The petition's language (BCP 47, default {@code en}). */
  public CampaignBuilder language(String tag) {
    petition().put("language", tag);
    return this;
  }

  /** To whom the petition is addressed, and the salutation (a template, e.g. {@code Dear Mr. President:}). */
  public CampaignBuilder addressee(String name, String title, String salutation) {
    ObjectNode a = section(petition(), "addressee");
    a.put("name", name);
    a.put("title", title);
    a.put("salutation", salutation);
    return this;
  }

  /** The subject line (a template). */
  public CampaignBuilder subject(String subject) {
    petition().put("subject", subject);
    return this;
  }

  /** The letter's body: Markdown with placeholders such as {@code {{mission.city}}}. */
  public CampaignBuilder body(String markdown) {
    texts.put("petition.body.md", markdown);
    petition().put("body", "petition.body.md");
    return this;
  }

  /** The closing (default {@code Sincerely,}). */
  public CampaignBuilder closing(String closing) {
    petition().put("closing", closing);
    return this;
  }

  /** Who signs the petition, and their title. */
  public CampaignBuilder signedBy(String name, String title) {
    ObjectNode s = section(petition(), "signedBy");
    s.put("name", name);
    s.put("title", title);
    return this;
  }

  /** A translation of the petition into {@code tag}, its body Markdown with placeholders. */
  public CampaignBuilder translation(String tag, String subject, String salutation, String body, String closing) {
    String text = "petition.translations." + tag + ".md";
    texts.put(text, body);
    ObjectNode t = section(section(petition(), "translations"), tag);
    t.put("subject", subject);
    t.put("salutation", salutation);
    t.put("body", text);
    t.put("closing", closing);
    return this;
  }

  /** The missions by id (see {@code demarche recipients}), instead of or besides a filter. */
  public CampaignBuilder missions(String... ids) {
    List.of(ids).forEach(section(root, "recipients").withArray("ids")::add);
    return this;
  }

  /** Selects the missions of {@code sendingState} (ISO 3166-1 alpha-2) in {@code hostCountry}. */
  public CampaignBuilder select(String sendingState, String hostCountry) {
    ObjectNode s = section(section(root, "recipients"), "select");
    s.put("sendingState", sendingState);
    s.put("hostCountry", hostCountry);
    return this;
  }

  /** The co-signatories, each shown at most at {@code disclosureCap}. */
  public CampaignBuilder signatories(Signatories list, Disclosure disclosureCap) {
    this.signatories = Optional.of(Objects.requireNonNull(list, "list"));
    this.cap = Objects.requireNonNull(disclosureCap, "disclosureCap");
    root.put("disclosureCap", disclosureCap.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    return this;
  }

  /** The channel (e.g. {@code smtp}) and its settings, as a campaign file's {@code delivery.<channel>} holds them. */
  public CampaignBuilder channel(String channel, Map<String, String> settings) {
    return plugin("channel", channel, settings);
  }

  /** The renderer (e.g. {@code pdf}) and its settings, as a campaign file's {@code delivery.<renderer>} holds them. */
  public CampaignBuilder renderer(String renderer, Map<String, String> settings) {
    return plugin("renderer", renderer, settings);
  }

  /** {@code delivery.<kind>: name} and the plugin's own section {@code delivery.<name>}. */
  private CampaignBuilder plugin(String kind, String name, Map<String, String> settings) {
    ObjectNode d = section(root, "delivery");
    d.put(kind, name);
    ObjectNode s = d.putObject(name);
    settings.forEach(s::put);
    return this;
  }

  /** The language each mission's letter is sent in, and the translations attached to it. */
  public CampaignBuilder sendLanguage(String tag, String... attach) {
    ObjectNode d = section(root, "delivery");
    d.put("language", tag);
    List.of(attach).forEach(d.putArray("attach")::add);
    return this;
  }

  /**
   * Checks everything at once and returns the campaign.
   *
   * @throws InvalidInputException with every problem, each naming its field
   */
  public Campaign build() {
    LocatedTree tree = LocatedTree.of(name, root.deepCopy(), Map.of("", Location.of(name)));
    Map<String, String> given = Map.copyOf(texts);
    Campaign c = CampaignLoader.read(tree, t -> Optional.ofNullable(given.get(t)), demarche.defaults);
    Campaign built = signatories.map(s -> new Campaign(c.id(), c.sender(), c.petition(), s, cap, c.recipients(),
        c.delivery(), c.source())).orElse(c);
    return demarche.checked(built);
  }
}
