package org.demarche.core.signatories;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;

/**
 * Counts of a signatory list: the total, by country, and by disclosure level (after the campaign's cap),
 * for the annex header and for a campaign's status.
 *
 * @param total how many signatories
 * @param byCountry signatories per ISO 3166-1 country code, in code order
 * @param withoutCountry signatories who gave no country
 * @param byDisclosure signatories per disclosure level, every level present (zero when none)
 */
public record SignatoryTally(long total, Map<String, Long> byCountry, long withoutCountry,
    Map<Disclosure, Long> byDisclosure) {

  /**
   * Countries with fewer signatories than this are shown together as "other countries", so that a count
   * of one or two does not point at a person.
   */
  public static final int SMALLEST_COUNTRY_SHOWN = 5;

  public SignatoryTally {
    byCountry = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(byCountry, "byCountry")));
    EnumMap<Disclosure, Long> levels = new EnumMap<>(Disclosure.class);
    for (Disclosure d : Disclosure.values()) {
      levels.put(d, Objects.requireNonNull(byDisclosure, "byDisclosure").getOrDefault(d, 0L));
    }
    byDisclosure = Collections.unmodifiableMap(levels);
    if (total < 0 || withoutCountry < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** Counts {@code list} as a recipient would see it under {@code cap} (streams the list once). */
  public static SignatoryTally of(Signatories list, Disclosure cap) {
    Counter c = new Counter();
    try (Stream<Signatory> s = list.stream()) {
      Iterator<Signatory> it = s.iterator();
      while (it.hasNext()) {
        c.add(it.next());
      }
    }
    return c.tally().cappedAt(cap);
  }

  /** The same counts with every level capped at {@code cap}. */
  public SignatoryTally cappedAt(Disclosure cap) {
    EnumMap<Disclosure, Long> levels = new EnumMap<>(Disclosure.class);
    byDisclosure.forEach((d, n) -> levels.merge(d.cappedAt(cap), n, Long::sum));
    return new SignatoryTally(total, byCountry, withoutCountry, levels);
  }

  /** Countries with at least {@code minimum} signatories, largest first (then by code). */
  public Map<String, Long> countriesWithAtLeast(int minimum) {
    Map<String, Long> out = new LinkedHashMap<>();
    byCountry.entrySet().stream()
        .filter(e -> e.getValue() >= minimum)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(out);
  }

  /** Signatories in countries with fewer than {@code minimum} signatories. */
  public long inCountriesWithFewerThan(int minimum) {
    return byCountry.values().stream().filter(n -> n < minimum).mapToLong(Long::longValue).sum();
  }

  /** Counts signatories one at a time. Not thread-safe. */
  public static final class Counter {
    private long total;
    private long withoutCountry;
    private final Map<String, long[]> countries = new TreeMap<>();
    private final long[] levels = new long[Disclosure.values().length];

    /** Counts one signatory. */
    public void add(Signatory s) {
      total++;
      levels[s.disclosure().ordinal()]++;
      if (s.country().isPresent()) {
        countries.computeIfAbsent(s.country().get(), k -> new long[1])[0]++;
      } else {
        withoutCountry++;
      }
    }

    /** The counts so far. */
    public SignatoryTally tally() {
      Map<String, Long> byCountry = new TreeMap<>();
      countries.forEach((k, v) -> byCountry.put(k, v[0]));
      EnumMap<Disclosure, Long> byLevel = new EnumMap<>(Disclosure.class);
      for (Disclosure d : Disclosure.values()) {
        byLevel.put(d, levels[d.ordinal()]);
      }
      return new SignatoryTally(total, byCountry, withoutCountry, byLevel);
    }
  }
}
