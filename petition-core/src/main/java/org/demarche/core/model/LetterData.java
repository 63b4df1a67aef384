package org.demarche.core.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data a letter's templates may name. Each placeholder is one of {@link #NAMES}; any other name
 * fails when the campaign is loaded.
 *
 * <ul>
 *   <li>{@code mission.id}, {@code mission.name}, {@code mission.localName}, {@code mission.nativeName} (the
 *       name as the letter's language writes it), {@code mission.city},
 *       {@code mission.kind}, {@code mission.hostCountry}</li>
 *   <li>{@code sender.name}, {@code sender.shortName}, {@code sender.email}, {@code sender.web}</li>
 *   <li>{@code addressee.name}, {@code addressee.title}</li>
 *   <li>{@code signer.name}, {@code signer.title}</li>
 *   <li>{@code date}: the letter's date formatted for its language ("24 September 2026", "2026年9月24日")</li>
 *   <li>{@code campaign.id}, {@code signatories.count}</li>
 * </ul>
 */
public final class LetterData {
  /** Every name a template may use. */
  public static final Set<String> NAMES = Set.of(
      "mission.id", "mission.name", "mission.localName", "mission.nativeName", "mission.city", "mission.kind",
      "mission.hostCountry",
      "sender.name", "sender.shortName", "sender.email", "sender.web",
      "addressee.name", "addressee.title", "signer.name", "signer.title",
      "date", "campaign.id", "signatories.count");

  private LetterData() {}

  /** The date as a letter in {@code language} prints it. */
  public static String formatDate(LocalDate date, String language) {
    Locale locale = Locale.forLanguageTag(language);
    if (locale.getLanguage().equals("en")) {
      return date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
    }
    return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
  }

  /** The values for one letter, as nested maps that a Mustache template reads. */
  public static Map<String, Object> of(Campaign campaign, DiplomaticMission mission, Signer signer, String language,
      long signatoryCount) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mission", map(
        "id", mission.id(), "name", mission.name(), "localName", mission.localName().orElse(mission.name()),
        "nativeName", LetterConventions.of(language).missionName(mission),
        "city", mission.city(), "kind", mission.kind().key(), "hostCountry", Countries.englishName(mission.hostCountry())));
    Sender s = campaign.sender();
    m.put("sender", map("name", s.name(), "shortName", s.shortName(), "email", s.email(),
        "web", s.web().map(Object::toString).orElse("")));
    Addressee a = campaign.petition().addressee();
    m.put("addressee", map("name", a.name(), "title", a.title()));
    m.put("signer", map("name", signer.name(), "title", signer.title().orElse("")));
    m.put("date", formatDate(campaign.petition().date(), language));
    m.put("campaign", map("id", campaign.id()));
    m.put("signatories", map("count", String.format(Locale.ROOT, "%,d", signatoryCount)));
    return m;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
