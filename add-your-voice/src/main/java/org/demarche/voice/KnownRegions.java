package org.demarche.voice;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.spi.ContactDirectory;

/**
 * The ISO 3166-2 regions a directory knows: those some mission's consular jurisdiction lists. In a country
 * where the directory lists regions (Japan's prefectures, for the bundled data) any other code of that
 * country is unknown ({@code JP-99}, {@code JP-77}); in a country where it lists none, any well-formed code
 * is accepted, since there is nothing to check it against.
 */
public final class KnownRegions implements Predicate<String> {
  private final Set<String> regions = new HashSet<>();
  private final Set<String> countries = new HashSet<>();

  private KnownRegions(ContactDirectory directory) {
    for (DiplomaticMission m : directory.missions()) {
      for (String r : m.jurisdiction()) {
        regions.add(r);
        countries.add(r.substring(0, Math.min(2, r.length())));
      }
    }
  }

  /** The regions {@code directory} knows. */
  public static KnownRegions of(ContactDirectory directory) {
    return new KnownRegions(directory);
  }

  /** Whether {@code region} (an ISO 3166-2 code in capitals) is known, or its country's regions are not. */
  @Override
  public boolean test(String region) {
    int dash = region.indexOf('-');
    return regions.contains(region) || dash < 0 || !countries.contains(region.substring(0, dash));
  }

  /** Some known regions of {@code country}, for a message: the first and last in code order, or empty. */
  public String examples(String country) {
    var sorted = regions.stream().filter(r -> r.startsWith(country + "-")).sorted().toList();
    return sorted.isEmpty() ? "" : sorted.get(0) + " to " + sorted.get(sorted.size() - 1);
  }
}
