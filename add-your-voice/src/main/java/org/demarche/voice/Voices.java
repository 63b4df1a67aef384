package org.demarche.voice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Countries;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Place;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Sender;
import org.demarche.core.model.ServingMission;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signer;
import org.demarche.core.letters.LetterPlanner;
import org.demarche.core.letters.LetterPlanner;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.MissionQuery;

/**
 * Supporters' own letters for one campaign: finds the mission that serves each supporter and writes the
 * petition signed by them.
 *
 * <pre>{@code
 * Voices voices = Voices.create(campaign, demarche.directory(campaign), VoiceOptions.from(
 *     demarche.section(campaign, "delivery.voice")));
 * SupporterLetter mine = voices.draft(Supporter.of("Aiko Tanaka", Optional.of("aiko@example.org"),
 *     Optional.of("JP"), Optional.of("JP-05"), Optional.empty(), Optional.of("I live in Akita and ...")));
 * mine.routing().explanation();   // "Consulate-General ... in Sapporo serves this supporter: its consular district covers JP-05 ..."
 * mine.mailto();                  // mailto:...?subject=...&body=...
 * }</pre>
 *
 * <p>The sending state is the campaign's {@code recipients.select.sendingState} (CN when the campaign names
 * mission ids only). A supporter's letter id is {@code voice-} and 24 hex digits of SHA-256 over the campaign
 * id and the supporter's {@link Supporter#identity()}: stable across runs, the same for the same supporter
 * written twice, and free of names and addresses.
 */
public final class Voices {
  private final Campaign campaign;
  private final ContactDirectory directory;
  private final VoiceOptions options;
  private final LetterPlanner planner;
  private final String sendingState;

  private Voices(Campaign campaign, ContactDirectory directory, VoiceOptions options) {
    this.campaign = Objects.requireNonNull(campaign, "campaign");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.options = Objects.requireNonNull(options, "options");
    this.planner = new LetterPlanner(campaign);
    this.sendingState = campaign.recipients().sendingState().orElse("CN");
  }

  /** Supporters' letters for {@code campaign}, routed with {@code directory}. */
  public static Voices create(Campaign campaign, ContactDirectory directory, VoiceOptions options) {
    return new Voices(campaign, directory, options);
  }

  /** The campaign whose petition supporters sign. */
  public Campaign campaign() {
    return campaign;
  }

  /** The campaign's {@code delivery.voice} options. */
  public VoiceOptions options() {
    return options;
  }

  /** The state whose missions receive supporters' letters. */
  public String sendingState() {
    return sendingState;
  }

  /** The supporter's letter id, see the class comment. */
  public String letterId(Supporter supporter) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((campaign.id() + "\u0000" + supporter.identity()).getBytes(StandardCharsets.UTF_8));
      return "voice-" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The mission that serves {@code supporter}: consular jurisdiction over their region (given, or found
   * from their coordinate) first, great-circle distance otherwise, as the directory decides. A supporter
   * with a coordinate and no country is placed in the host country of the nearest mission of any state.
   *
   * @throws IllegalArgumentException when no mission of the sending state can serve them
   */
  public Routing route(Supporter supporter) {
    boolean inferred = supporter.country().isEmpty();
    String country = supporter.country().orElseGet(() -> nearestCountry(supporter));
    Place place = new Place(country, supporter.region(), supporter.coordinate());
    ServingMission serving = directory.servingMission(sendingState, place).orElseThrow(() ->
        new IllegalArgumentException("no mission of " + sendingState + " is known to serve "
            + Countries.englishName(country) + " (" + supporter.origin() + "): add one with a directory file"));
    return new Routing(supporter, place, serving, inferred);
  }

  private String nearestCountry(Supporter supporter) {
    var at = supporter.coordinate().orElseThrow();
    return directory.find(MissionQuery.all()).stream().filter(m -> m.coordinate().isPresent())
        .min(Comparator.comparingDouble((DiplomaticMission m) -> m.coordinate().get().distanceKm(at)))
        .map(DiplomaticMission::hostCountry)
        .orElseThrow(() -> new IllegalArgumentException("give the supporter's country: no mission with a"
            + " coordinate is known to infer it from (" + supporter.origin() + ")"));
  }

  /**
   * What the campaign's paragraph policy says about {@code supporter}'s personal paragraph: empty when it is
   * fine, else why (missing, or shorter than {@code minParagraphLength} characters).
   */
  public Optional<String> paragraphShortfall(Supporter supporter) {
    if (options.paragraphPolicy() == VoiceOptions.ParagraphPolicy.OPTIONAL) {
      return Optional.empty();
    }
    int min = options.minParagraphLength();
    if (supporter.paragraph().isEmpty()) {
      return Optional.of("has no personal paragraph; the campaign " + verb() + " one of at least " + min
          + " characters (letters that are all the same are the ones officials discard)");
    }
    int length = supporter.paragraph().get().codePointCount(0, supporter.paragraph().get().length());
    if (length < min) {
      return Optional.of("has a personal paragraph of " + length + " characters; the campaign " + verb()
          + " at least " + min);
    }
    return Optional.empty();
  }

  private String verb() {
    return options.paragraphPolicy() == VoiceOptions.ParagraphPolicy.REQUIRE ? "requires" : "encourages";
  }

  /**
   * The supporter's own letter, to send themselves: on their own letterhead (name, city, country, email),
   * signed by them, with their paragraph before the closing, and a {@code mailto:} link. A supporter without
   * an email address gets the NGO's letterhead instead (someone must be there to answer), signed by them.
   */
  public SupporterLetter draft(Supporter supporter) {
    return draft(route(supporter));
  }

  /** {@link #draft(Supporter)} for a supporter already routed. */
  public SupporterLetter draft(Routing routing) {
    Supporter s = routing.supporter();
    Letter base = base(routing);
    Letter letter = s.email().isEmpty() ? base
        : withSender(base, new Sender(s.name(), s.name(), home(routing), s.email().get(), Optional.empty()),
            new Signer(s.name(), Optional.empty()));
    return new SupporterLetter(routing, letter, mailto(letter, s.paragraph()));
  }

  /**
   * The letter the NGO sends on the supporter's behalf: from the NGO (its letterhead and address, so that
   * SPF and DMARC pass), Reply-To the supporter, signed by the supporter with their place under the name.
   */
  public Letter onBehalf(Routing routing) {
    return base(routing);
  }

  private Letter base(Routing routing) {
    Supporter s = routing.supporter();
    Signer signer = new Signer(s.name(), Optional.of(placeLabel(routing)));
    Letter l = planner.letter(routing.serving().mission(), campaign.delivery().sendLanguage(), signer,
        letterId(s), s.email(), s.paragraph().map(List::of).orElse(List.of()), options.body());
    return withSender(l, l.sender(), signer);
  }

  private static Letter withSender(Letter l, Sender sender, Signer signer) {
    return new Letter(l.id(), l.campaignId(), sender, l.mission(), l.addressee(), l.language(), l.date(),
        l.dateLine(), l.subject(), l.salutation(), l.paragraphs(), l.closing(), signer, Signatories.none(),
        l.disclosureCap(), l.draftTranslation(), sender.email().equals(l.replyTo().orElse("")) ? Optional.empty()
            : l.replyTo());
  }

  private static PostalAddress home(Routing r) {
    Supporter s = r.supporter();
    String city = s.city().or(s::region).orElse(Countries.englishName(r.place().country()));
    return new PostalAddress(List.of(), city, r.place().region(), Optional.empty(), r.place().country(), List.of());
  }

  private static String placeLabel(Routing r) {
    Supporter s = r.supporter();
    String country = Countries.englishName(r.place().country());
    return s.city().or(s::region).map(c -> c + ", " + country).orElse(country);
  }

  /**
   * Routes every supporter of a file, once each: a row that repeats an earlier supporter (same
   * {@link Supporter#identity()}) is reported and gets no second letter; a row no mission serves, or whose
   * required personal paragraph is missing or short, is rejected; identical and near-duplicate personal
   * paragraphs are reported.
   */
  public Batch batch(List<Supporter> supporters) {
    List<Routing> routed = new ArrayList<>();
    List<Batch.Duplicate> duplicates = new ArrayList<>();
    List<Problem> rejected = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    Map<String, Supporter> seen = new HashMap<>();
    for (Supporter s : supporters) {
      Supporter first = seen.putIfAbsent(s.identity(), s);
      if (first != null) {
        duplicates.add(new Batch.Duplicate(first.origin(), s.origin(), letterId(s)));
        continue;
      }
      Optional<String> shortfall = paragraphShortfall(s);
      if (shortfall.isPresent()) {
        Problem p = new Problem(s.origin(), "paragraph", shortfall.get());
        if (options.paragraphPolicy() == VoiceOptions.ParagraphPolicy.REQUIRE) {
          rejected.add(p);
          continue;
        }
        warnings.add(p);
      }
      try {
        routed.add(route(s));
      } catch (IllegalArgumentException e) {
        rejected.add(new Problem(s.origin(), "country", e.getMessage()));
      }
    }
    List<String> paragraphs = routed.stream().map(r -> r.supporter().paragraph().orElse("")).toList();
    List<Batch.Similar> similar = ParagraphSimilarity.groups(paragraphs, options.nearDuplicateThreshold()).stream()
        .map(g -> new Batch.Similar(g.kind(), g.members().stream().map(i -> routed.get(i).supporter().origin())
            .toList(), g.lowestSimilarity()))
        .toList();
    return new Batch(routed, duplicates, rejected, warnings, similar);
  }

  /** The {@code mailto:} link for {@code letter}, when its mission publishes an email address. */
  public Optional<Mailto> mailto(Letter letter) {
    return mailto(letter, Optional.empty());
  }

  /**
   * The {@code mailto:} link for {@code letter}, whose last paragraph is the supporter's own {@code personal}
   * one when present: shortening the link to fit never cuts it (see {@link Mailto}).
   */
  public Optional<Mailto> mailto(Letter letter, Optional<String> personal) {
    if (letter.mission().email().isEmpty()) {
      return Optional.empty();
    }
    List<String> paragraphs = letter.paragraphs();
    boolean mine = personal.isPresent() && paragraphs.size() > 1
        && paragraphs.get(paragraphs.size() - 1).equals(personal.get());
    List<String> campaignText = mine ? paragraphs.subList(0, paragraphs.size() - 1) : paragraphs;
    String head = letter.salutation() + "\n\n" + String.join("\n\n", campaignText);
    String own = mine ? "\n\n" + personal.get() : "";
    String tail = "\n\n" + letter.closing() + "\n\n" + String.join("\n", letter.signatureBlock());
    return Optional.of(Mailto.of(letter.mission().email().get(), letter.subject(), head, own, tail, letter.id(),
        options.mailtoMaxLength()));
  }
}
