package org.demarche.core.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterConventions;
import org.demarche.core.model.LetterWording;
import org.demarche.core.model.LetterData;
import org.demarche.core.model.Petition;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Signer;

/**
 * Makes a campaign's petition personal for one mission: fills the subject, salutation and body templates
 * with the mission's, sender's and signer's values ({@link LetterData}) and splits the body into paragraphs.
 * Each template is compiled once per planner and reused for every letter; a planner is safe to use from
 * several threads.
 *
 * <pre>{@code
 * LetterPlanner planner = new LetterPlanner(campaign);
 * Letter toOsaka = planner.letter(osaka, "en");   // "Dear Mr. President: ... the Consulate-General in Osaka ..."
 * }</pre>
 */
public final class LetterPlanner {
  private final Campaign campaign;
  private final long signatoryCount;
  private final Map<String, LetterTemplate> compiled = new ConcurrentHashMap<>();

  /** A planner for {@code campaign}'s petition and its translations. */
  public LetterPlanner(Campaign campaign) {
    this.campaign = Objects.requireNonNull(campaign, "campaign");
    this.signatoryCount = campaign.signatories().count();
  }

  /**
   * The campaign's letter to {@code mission}: signed by the petition's signer, with the mission id as its
   * letter id and the campaign's signatories.
   *
   * @param mission the recipient
   * @param language the petition's own language or one of its translations' (BCP 47)
   * @throws IllegalArgumentException when the petition has no text in {@code language}
   */
  public Letter letter(DiplomaticMission mission, String language) {
    return letter(mission, language, campaign.petition().signedBy(), mission.id(), Optional.empty(), List.of(),
        Optional.empty());
  }

  /**
   * A letter with its own signer and id, e.g. a supporter's own letter.
   *
   * @param mission the recipient
   * @param language the petition's own language or one of its translations' (BCP 47)
   * @param signer who signs it; templates see it as {@code signer.name} and {@code signer.title}
   * @param letterId the letter's id (stable: the journal and Message-IDs hang on it)
   * @param replyTo where replies should go, when not to the sender
   * @param extraParagraphs paragraphs placed after the body, before the closing (a personal paragraph)
   * @param bodyTemplate a body template to use instead of the petition's (checked with
   *     {@link LetterTemplate#compile} beforehand)
   * @throws IllegalArgumentException when the petition has no text in {@code language}, or a template names
   *     nothing (a campaign loaded from a file has had its templates checked already)
   */
  public Letter letter(DiplomaticMission mission, String language, Signer signer, String letterId,
      Optional<String> replyTo, List<String> extraParagraphs, Optional<String> bodyTemplate) {
    Petition p = campaign.petition();
    Text text = text(p, language);
    Map<String, Object> data = LetterData.of(campaign, mission, signer, language, signatoryCount);
    // The body is Markdown: values are escaped so that a '*' or '[' in a name prints as written.
    List<String> paragraphs = new ArrayList<>(Paragraphs.of(fill(bodyTemplate.orElse(text.body()),
        markdownEscaped(data))));
    paragraphs.addAll(extraParagraphs);
    // The translation's own names are for the campaign's signer; a supporter signs with their own name.
    Map<String, String> names = new java.util.HashMap<>(text.names());
    if (!signer.equals(p.signedBy())) {
      names.remove("signer");
      names.remove("signerTitle");
    }
    LetterWording wording = LetterWording.of(campaign.sender(), mission, p.addressee(), signer, text.closing(),
        LetterConventions.of(language).with(text.conventions()), names);
    return new Letter(letterId, campaign.id(), campaign.sender(), mission, p.addressee(), language, p.date(),
        LetterData.formatDate(p.date(), language), oneLine(fill(text.subject(), data)),
        oneLine(fill(text.salutation(), data)), paragraphs, text.closing(), signer, campaign.signatories(),
        campaign.disclosureCap(), text.draft(), replyTo, wording);
  }

  /** The petition's texts in one language; {@code draft} when it awaits review. */
  private record Text(String subject, String salutation, String body, String closing, boolean draft,
      Map<String, String> names, Map<String, String> conventions) {}

  private static Text text(Petition p, String language) {
    if (language.equals(p.language())) {
      return new Text(p.subject(), p.addressee().salutation(), p.body(), p.closing(), false, Map.of(), Map.of());
    }
    Petition.Translation t = p.translations().get(language);
    if (t == null) {
      throw new IllegalArgumentException("the petition has no " + language + " text");
    }
    Map<String, String> names = new java.util.HashMap<>();
    Map<String, String> conventions = new java.util.HashMap<>();
    t.wording().forEach((k, v) -> (LetterWording.NAME_KEYS.contains(k) ? names : conventions).put(k, v));
    return new Text(t.subject(), t.salutation(), t.body(), t.closing(), t.awaitingReview(), names, conventions);
  }

  private String fill(String template, Map<String, Object> data) {
    LetterTemplate t = compiled.computeIfAbsent(template, source -> {
      List<Problem> problems = new ArrayList<>();
      // Templates are checked when the campaign loads; failing here means a campaign built in code.
      return LetterTemplate.compile(source, "template", 1, "template", problems)
          .orElseThrow(() -> new IllegalArgumentException(problems.get(0).message()));
    });
    return t.fill(data);
  }

  /** The data with the characters CommonMark reads inline as marks (* _ [ ] ` < > & and backslash) escaped. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> markdownEscaped(Map<String, Object> data) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    data.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? markdownEscaped((Map<String, Object>) m)
        : v instanceof String str ? str.replaceAll("([\\\\*_\\[\\]`<>&])", "\\\\$1") : v));
    return out;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
