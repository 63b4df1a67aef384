package org.demarche.voice.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The page's words in one language (messages.properties, messages_ja.properties), with {@code {{name}}} filled in. */
final class Texts {
  static final List<String> LANGUAGES = List.of("en", "ja");
  private final String language;
  private final Map<String, String> words = new HashMap<>();

  private Texts(String language) {
    this.language = language;
    ResourceBundle b = ResourceBundle.getBundle("org.demarche.voice.web.messages", Locale.forLanguageTag(language),
        Texts.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    b.keySet().forEach(k -> words.put(k, b.getString(k)));
  }

  private static final Map<String, Texts> ALL = Map.of("en", new Texts("en"), "ja", new Texts("ja"));

  static Texts of(String language) {
    return ALL.getOrDefault(language, ALL.get("en"));
  }

  /**
   * The language: {@code explicit} when it is one the page speaks, else the best of the browser's
   * {@code Accept-Language} (a malformed header counts as none), else English.
   */
  static String choose(String explicit, String acceptLanguage) {
    if (LANGUAGES.contains(explicit)) {
      return explicit;
    }
    try {
      String header = acceptLanguage.length() > 500 ? acceptLanguage.substring(0, 500) : acceptLanguage;
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
      String best = Locale.lookupTag(ranges, LANGUAGES);
      return best == null ? "en" : best;
    } catch (IllegalArgumentException e) {
      return "en";
    }
  }

  String language() {
    return language;
  }

  Map<String, String> all() {
    return words;
  }

  String get(String key) {
    return words.getOrDefault(key, key);
  }

  /** The text of {@code key} with each {@code {{name}}} replaced by its value (plain text: templates escape it). */
  String format(String key, Map<String, String> values) {
    String s = get(key);
    for (Map.Entry<String, String> e : values.entrySet()) {
      s = s.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return s;
  }

  String region(String code) {
    return words.getOrDefault("region_" + code, code);
  }
}
