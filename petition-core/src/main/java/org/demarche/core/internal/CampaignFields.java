package org.demarche.core.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.demarche.core.files.FieldReader;

/**
 * Every field of a campaign file and of a translation's front matter: the one definition the loader checks
 * names against, {@link CampaignSchema} turns into a JSON Schema, and the field reference (docs/campaign.md)
 * is tested against. A new field is one line here; the loader then accepts it, the schema offers it, and
 * the reference test asks for its row.
 */
public final class CampaignFields {
  /** What a field holds; {@link CampaignSchema} maps each to a schema fragment. */
  public enum Type {
    TEXT("text, one line"), TEMPLATE("text, one line, with placeholders"), DATE("date, YYYY-MM-DD"),
    ID("id: a-z, 0-9 and -"), EMAIL("email address"), URL("web address"), COUNTRY("country code, ISO 3166-1 alpha-2"),
    REGION("region code, ISO 3166-2"), LANGUAGE("language tag, BCP 47"), WHOLE_NUMBER("whole number"),
    BOOLEAN("true or false"),
    /** One text or a list of texts. */
    TEXT_LIST("list of text"), ID_LIST("list of mission ids"), LANGUAGE_LIST("list of language tags"),
    KIND_LIST("list of mission kinds"),
    /** A time of day, HH:MM. */
    TIME("time of day, HH:MM, in quotes"),
    /** Hours within a day, HH:MM-HH:MM. */
    TIME_RANGE("hours, HH:MM-HH:MM, in quotes"),
    /** What happens on a closed day. */
    CLOSED_DAY("previous-working-day or same-day"),
    /** A section of postal routes (FROM->TO, country codes or *), each a whole number of days. */
    POSTAL_DAYS("section of routes FROM->TO, each a whole number of days"),
    /** A disclosure level: full, name-only, initials, counted-only. */
    DISCLOSURE("full, name-only, initials or counted-only"),
    /** A body: a file name beside the campaign (.md or .txt) or the text itself. */
    FILE_OR_TEXT("file name (.md, .txt) or text, with placeholders"),
    /** A CSV or JSON file name, or a list of signatories written inline. */
    SIGNATORIES("file name (.csv, .json) or list"),
    /** A section of language tags, each a file name or a section of {@link #TRANSLATION}'s fields. */
    TRANSLATIONS("section of language tags"),
    /** A section with the fields listed; {@code open} sections also take a section per plugin. */
    SECTION("section");

    private final String words;

    Type(String words) {
      this.words = words;
    }

    /** What the field holds, in words (the schema's title, the reference's type column). */
    public String words() {
      return words;
    }
  }

  /**
   * One field.
   *
   * @param name its key
   * @param type what it holds
   * @param required whether the loader refuses a campaign without it
   * @param defaultValue what an absent field means, in words; empty when there is nothing to say
   * @param example a value as a campaign would write it (YAML); empty for a section
   * @param description one sentence for the reference and the editor's hover text
   * @param fields a section's fields; empty otherwise
   * @param open whether a section also takes plugin sections (delivery.smtp, delivery.pdf, ...)
   */
  public record Field(String name, Type type, boolean required, String defaultValue, String example,
      String description, List<Field> fields, boolean open) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(defaultValue, "defaultValue");
      Objects.requireNonNull(example, "example");
      Objects.requireNonNull(description, "description");
      fields = List.copyOf(fields);
    }

    /** The names of this section's fields. */
    public Set<String> names() {
      return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The child named {@code key}. */
    public Optional<Field> child(String key) {
      return fields.stream().filter(f -> f.name.equals(key)).findFirst();
    }

    /** "name (required), shortName, address (required), ...": what a section takes, for messages. */
    public String listing() {
      return fields.stream().map(f -> f.name + (f.required ? " (required)" : "")).collect(Collectors.joining(", "))
          + (open ? ", and a section per channel or renderer" : "");
    }
  }

  private static Field req(String name, Type type, String example, String description) {
    return new Field(name, type, true, "", example, description, List.of(), false);
  }

  private static Field opt(String name, Type type, String dflt, String example, String description) {
    return new Field(name, type, false, dflt, example, description, List.of(), false);
  }

  private static Field section(String name, boolean required, String dflt, String description, Field... fields) {
    return new Field(name, Type.SECTION, required, dflt, "", description, Arrays.asList(fields), false);
  }

  /** The fields a translation takes, in its file's front matter or as an inline section. */
  public static final List<Field> TRANSLATION = List.of(
      req("subject", Type.TEMPLATE, "\"请愿书\"", "the subject line in this language"),
      req("salutation", Type.TEMPLATE, "\"尊敬的主席先生：\"", "the greeting in this language"),
      req("closing", Type.TEXT, "此致敬礼", "the closing before the signature in this language"),
      opt("draft", Type.BOOLEAN, "false", "true", "true while not yet reviewed: the letter is marked as a draft"),
      opt("reviewedBy", Type.TEXT, "none", "\"Li Wei\"", "who reviewed the translation; with reviewedOn, it may be sent"),
      opt("reviewedOn", Type.DATE, "none", "2026-09-01", "when the translation was reviewed"),
      opt("sender", Type.TEXT, "the campaign's", "朝鲜难民救援基金", "the sender's name in this language"),
      opt("senderAddress", Type.TEXT, "the campaign's", "\"东京都新宿区…\"", "the sender's address in this language"),
      opt("addressee", Type.TEXT, "the campaign's", "习近平", "the addressee's name in this language"),
      opt("addresseeTitle", Type.TEXT, "the campaign's", "中华人民共和国主席", "the addressee's title in this language"),
      opt("signer", Type.TEXT, "the campaign's", "加藤博", "the signer's name in this language"),
      opt("signerTitle", Type.TEXT, "the campaign's", "代表", "the signer's title in this language"),
      opt("via", Type.TEXT, "the language's", "\"经{mission}转呈\"", "the line naming the mission the letter goes through ({mission}: its name)"),
      opt("page", Type.TEXT, "the language's", "\"第 {page} 页，共 {pages} 页\"", "the page numbers in the footer and running header"),
      opt("draftBanner", Type.TEXT, "the language's", "译文草稿（待审阅）", "the banner on a draft translation"),
      opt("opening", Type.TEXT, "the language's", "謹啓", "an opening word before the body, if the language uses one"),
      opt("closingPlacement", Type.TEXT, "the language's", "indent,start", "where each line of the closing goes: start, indent or right, per line"),
      opt("runningHeader", Type.TEXT, "the language's", "\"{addressee} · {date} · {page}\"", "the header of pages after the first"),
      opt("missionName", Type.TEXT, "the language's", "local", "which name of the mission the letter uses: name or local"),
      opt("characters", Type.TEXT, "the language's", "華华駐驻", "pairs of characters mapping the host country's script to this language's (for the local name)"));

  private static final Field ADDRESS = section("address", true, "", "the sender's postal address (letterhead, return address)",
      opt("lines", Type.TEXT_LIST, "none", "[\"2-3-4 Example-cho\", \"Suite 5\"]",
          "the street lines, as the post expects them; needed when letters go by post"),
      req("city", Type.TEXT, "Tokyo", "the city"),
      opt("region", Type.REGION, "none", "JP-13", "the ISO 3166-2 region code"),
      opt("postalCode", Type.TEXT, "none", "\"160-0022\"", "the postal code, in quotes"),
      req("country", Type.COUNTRY, "JP", "the ISO 3166-1 alpha-2 country code"),
      opt("localLines", Type.TEXT_LIST, "none", "[\"東京都新宿区\"]", "the address in the local script"));

  private static final Field SENDER = section("sender", true, "", "the NGO that sends the letters",
      req("name", Type.TEXT, "Life Funds for North Korean Refugees", "the NGO's full name"),
      opt("shortName", Type.TEXT, "the name", "LFNKR", "a short name for file names and the letterhead"),
      ADDRESS,
      req("email", Type.EMAIL, "petition@example.org", "the address replies go to, and the sender of emails"),
      opt("web", Type.URL, "none", "https://www.example.org", "the NGO's web site, starting with https://"));

  private static final Field PETITION = section("petition", true, "", "the letter: who it is for, and its text",
      req("language", Type.LANGUAGE, "en", "the BCP 47 language tag of the body"),
      section("addressee", true, "", "the person the letter is addressed to",
          req("name", Type.TEXT, "Xi Jinping", "the addressee's name"),
          req("title", Type.TEXT, "President of the People's Republic of China", "the addressee's title"),
          req("salutation", Type.TEMPLATE, "\"Dear Mr. President:\"", "the greeting")),
      req("subject", Type.TEMPLATE, "\"Petition on World Refugee Day\"", "the subject line; may hold placeholders"),
      req("body", Type.FILE_OR_TEXT, "letter.en.md", "a .md or .txt file beside the campaign, or the text itself;"
          + " Mustache placeholders such as {{mission.name}}"),
      req("closing", Type.TEXT, "Sincerely,", "the closing before the signature"),
      section("signedBy", true, "", "who signs the letter",
          req("name", Type.TEXT, "Hiroshi Kato", "the signer's name"),
          opt("title", Type.TEXT, "none", "Executive Director", "the signer's title")),
      new Field("translations", Type.TRANSLATIONS, false, "none", "{ ja: letter.ja.md }",
          "texts in other languages: a file with front matter, or a section", TRANSLATION, false));

  private static final Field RECIPIENTS = section("recipients", true, "", "which missions receive a letter",
      opt("directories", Type.TEXT_LIST, "[bundled]", "[bundled, corrections.json]",
          "mission directories, later ones overriding earlier ones by mission id"),
      opt("ids", Type.ID_LIST, "none", "[cn-embassy-jp-tokyo]", "the missions by id (demarche recipients lists them)"),
      section("select", false, "none", "missions by filter",
          opt("sendingState", Type.COUNTRY, "any", "CN", "the state the missions represent"),
          opt("hostCountry", Type.COUNTRY, "any", "JP", "the country the missions are in"),
          opt("kinds", Type.KIND_LIST, "every kind", "[embassy, consulate-general]", "the kinds of mission")));

  private static final Field DELIVERY = new Field("delivery", Type.SECTION, false, "the defaults below", "",
      "how letters are rendered and delivered; plugins read their own sections (smtp, pdf, voice)", List.of(
          // Core names no plugin's channel or renderer (ArchitectureTest): the plugins' names appear in prose only.
          opt("channel", Type.TEXT, "the installed plugins' default, the outbox in the runner", "",
              "the delivery channel an installed plugin offers by name: outbox (files) or smtp in the runner"),
          opt("renderer", Type.TEXT, "the installed plugins' default, pdf in the runner", "",
              "the renderer an installed plugin offers by name: pdf in the runner"),
          opt("language", Type.LANGUAGE, "petition.language", "en", "the language sent; needs a text"),
          opt("attach", Type.LANGUAGE_LIST, "none", "[zh]", "translations attached to each letter"),
          section("retry", false, "5 attempts, waits from 2 s", "retries of transient failures",
              opt("maxAttempts", Type.WHOLE_NUMBER, "5", "3", "attempts per letter, 1 to 100"),
              opt("initialBackoffSeconds", Type.WHOLE_NUMBER, "2", "30", "the first wait, in seconds, 0 to 3600"),
              opt("maxBackoffSeconds", Type.WHOLE_NUMBER, "60", "600", "the longest wait, in seconds, 0 to 3600"),
              opt("maxTotalSeconds", Type.WHOLE_NUMBER, "300", "1800",
                  "the longest time spent retrying one letter, in seconds, 0 to 86400"))),
      true);

  private static final Field SCHEDULE = section("schedule", false, "none: letters go when the campaign runs",
      "when letters should arrive, read in each mission's own time zone",
      req("actionDay", Type.DATE, "2026-09-24", "the day the letters should arrive"),
      opt("sendAt", Type.TIME, "\"09:30\"", "\"09:30\"", "when emails are sent, in each mission's time zone"),
      opt("window", Type.TIME_RANGE, "\"09:00-17:00\"", "\"09:00-12:00\"",
          "the hours emails may arrive; a sendAt outside them moves to the window's opening"),
      opt("onClosedDay", Type.CLOSED_DAY, "previous-working-day", "same-day",
          "when the action day is a weekend or public holiday where a mission is: the working day before, or the day itself"),
      opt("postalDays", Type.POSTAL_DAYS, "the bundled table (no official figure yet)", "{ \"JP->JP\": 3, \"JP->*\": 7 }",
          "delivery days per postal route, for the post-by date of letters by post"));

  /** The campaign file. */
  public static final Field CAMPAIGN = section("campaign", true, "", "a campaign file",
      req("id", Type.ID, "world-refugee-day-2026", "stable: the journal and message ids hang on it"),
      req("date", Type.DATE, "2026-09-24", "the letters' date, written YYYY-MM-DD"),
      SENDER, PETITION,
      opt("signatories", Type.SIGNATORIES, "none", "signatories.csv", "co-signers: a CSV or JSON file, or a list"),
      section("signatoryOptions", false, "none", "how the signatories file is read",
          opt("skipBadRows", Type.BOOLEAN, "false", "true", "skip (and report) rows that do not read")),
      opt("disclosureCap", Type.DISCLOSURE, "full", "name-only", "the most of a co-signer a recipient may see"),
      RECIPIENTS, DELIVERY, SCHEDULE);

  private CampaignFields() {}

  /** The section at a dotted path ("" for the file itself, "sender.address", "delivery.retry"). */
  public static Field at(String path) {
    Field f = CAMPAIGN;
    if (path.isEmpty()) {
      return f;
    }
    for (String part : path.split("\\.")) {
      f = f.child(part).orElseThrow(() -> new IllegalArgumentException("no campaign field " + path));
    }
    return f;
  }

  /** The names of the fields the section at {@code path} takes. */
  static Set<String> names(String path) {
    return at(path).names();
  }

  /** The names a translation takes (its body is the file's text below the front matter). */
  static Set<String> translationNames() {
    return TRANSLATION.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether the section at {@code path} is present and a section; if not, a problem that lists the fields it
   * takes and which are required.
   */
  static boolean requireSection(FieldReader r, String path) {
    Optional<com.fasterxml.jackson.databind.JsonNode> n = r.node(path);
    if (n.isEmpty()) {
      r.problem(path, "is missing: a section with the fields " + at(path).listing());
      return false;
    }
    if (!n.get().isObject()) {
      r.problem(path, "must be a section with the fields " + at(path).listing() + "; not " + FieldReader.describe(n.get()));
      return false;
    }
    return true;
  }
}
