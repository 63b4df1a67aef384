package org.demarche.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A language's letter conventions, as data: the "via" line, page numbers, the draft banner, the opening
 * word (謹啓) and where the closing's lines go (敬白 flush right; 此致 indented, 敬礼 at the line start).
 * They are read from {@code conventions/<language>.properties} beside this class (English when a
 * language has none); a translation's front matter overrides any key.
 *
 * @param values the conventions by key (see {@link #KEYS})
 */
public record LetterConventions(Map<String, String> values) {
  /** The keys a conventions file and a translation's front matter may set. */
  public static final Set<String> KEYS = Set.of("via", "page", "draftBanner", "opening", "closingPlacement",
      "runningHeader", "missionName", "characters");

  private static final Map<String, LetterConventions> CACHE = new ConcurrentHashMap<>();

  public LetterConventions {
    values = Map.copyOf(Objects.requireNonNull(values, "values"));
    for (String k : values.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown letter convention '" + k + "'; valid are " + KEYS);
      }
    }
    for (String p : placementsOf(values.getOrDefault("closingPlacement", "start"))) {
      if (!List.of("start", "indent", "right").contains(p)) {
        throw new IllegalArgumentException("closingPlacement '" + p + "' must be start, indent or right");
      }
    }
  }

  /** The bundled conventions of {@code languageTag}'s language, over the English ones. */
  public static LetterConventions of(String languageTag) {
    String lang = Locale.forLanguageTag(languageTag).getLanguage();
    return CACHE.computeIfAbsent(lang, l -> {
      Map<String, String> m = new HashMap<>(read("en"));
      if (!l.equals("en")) {
        m.putAll(read(l));
      }
      return new LetterConventions(m);
    });
  }

  private static Map<String, String> read(String lang) {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = LetterConventions.class.getResourceAsStream("conventions/" + lang + ".properties")) {
      if (in == null) {
        return out;
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + lang + " letter conventions", e);
    }
  }

  /** These conventions with some keys replaced (a translation's front matter). */
  public LetterConventions with(Map<String, String> overrides) {
    Map<String, String> m = new HashMap<>(values);
    m.putAll(overrides);
    return new LetterConventions(m);
  }

  public String get(String key) {
    return values.getOrDefault(key, "");
  }

  /** "Page 2 of 3" in this language. */
  public String page(int page, int pages) {
    return get("page").replace("{page}", Integer.toString(page)).replace("{pages}", Integer.toString(pages));
  }

  /** The "via" line for a mission named {@code mission}. */
  public String via(String mission) {
    return get("via").replace("{mission}", mission);
  }

  /** The running header of pages after the first. */
  public String runningHeader(String addressee, String date, String pageLabel) {
    return get("runningHeader").replace("{addressee}", addressee).replace("{date}", date)
        .replace("{page}", pageLabel);
  }

  /** Where each line of the closing goes: start, indent or right. */
  public List<String> closingPlacement() {
    return placementsOf(get("closingPlacement"));
  }

  /** The mission's name as this language writes it. */
  public String missionName(DiplomaticMission mission) {
    if (!get("missionName").equals("local") || mission.localName().isEmpty()) {
      return mission.name();
    }
    return mapCharacters(mission.localName().get());
  }

  /** The mission's address lines as printed in this language: the local lines when it uses local names. */
  public List<String> missionAddress(DiplomaticMission mission) {
    if (get("missionName").equals("local") && !mission.address().localLines().isEmpty()) {
      return mission.address().localLines();
    }
    return mission.address().printedLines();
  }

  private String mapCharacters(String s) {
    String pairs = get("characters");
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      int at = -1;
      for (int i = 0; i + 1 < pairs.length(); i += 2) {
        if (pairs.charAt(i) == cp) {
          at = i;
          break;
        }
      }
      out.appendCodePoint(at >= 0 ? pairs.charAt(at + 1) : cp);
    });
    return out.toString();
  }

  private static List<String> placementsOf(String s) {
    return List.of(s.strip().split("\\s*,\\s*"));
  }
}
