package org.demarche.core.model;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {
  private static final Set<String> CODES = Set.of(Locale.getISOCountries());

  private Countries() {}

  /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code. */
  public static boolean isKnown(String code) {
    return code != null && CODES.contains(code);
  }

  /** The English short name of a country ("Japan" for JP), or the code itself when unknown. */
  public static String englishName(String code) {
    String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    return name.isEmpty() ? code : name;
  }
}
