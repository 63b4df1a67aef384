package org.demarche.contacts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.Coordinate;

/**
 * Regions (Japan's 47 prefectures) with a representative point (the prefectural office) and a bounding box
 * (the prefecture's extreme points). A coordinate is placed in the region whose office is nearest among the
 * regions whose box holds it; the box never excludes the true prefecture, so this is never worse than
 * nearest-office alone.
 */
public final class Regions {
  /** One region. */
  public record Region(String code, String name, String localName, Coordinate office, double south, double north,
      double west, double east) {
    boolean contains(Coordinate c, double margin) {
      return c.latitude() >= south - margin && c.latitude() <= north + margin
          && c.longitude() >= west - margin && c.longitude() <= east + margin;
    }
  }

  private static final double MARGIN_DEGREES = 0.02;
  private static final Regions BUNDLED = load("/org/demarche/contacts/data/jp-prefectures.json");

  private final Map<String, List<Region>> byCountry;
  private final Map<String, Region> byCode;

  private Regions(Map<String, List<Region>> byCountry) {
    this.byCountry = byCountry;
    this.byCode = new LinkedHashMap<>();
    byCountry.values().forEach(list -> list.forEach(r -> byCode.put(r.code(), r)));
  }

  public static Regions bundled() {
    return BUNDLED;
  }

  private static Regions load(String resource) {
    try (InputStream in = Regions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource " + resource + " is missing from the jar");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      List<Region> list = new ArrayList<>();
      for (JsonNode r : root.get("regions")) {
        JsonNode o = r.get("office");
        JsonNode b = r.get("bounds");
        list.add(new Region(r.get("code").asText(), r.get("name").asText(), r.get("localName").asText(),
            new Coordinate(o.get("lat").asDouble(), o.get("lon").asDouble()), b.get("south").asDouble(),
            b.get("north").asDouble(), b.get("west").asDouble(), b.get("east").asDouble()));
      }
      return new Regions(Map.of(root.get("country").asText(), List.copyOf(list)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether regions are known for {@code country}. */
  public boolean covers(String country) {
    return byCountry.containsKey(country);
  }

  /** The regions of {@code country}, in code order (empty when unknown). */
  public List<Region> of(String country) {
    return byCountry.getOrDefault(country, List.of());
  }

  public Optional<Region> region(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The region of {@code country} that {@code at} is in, by the method above; empty when no regions are known. */
  public Optional<String> regionAt(String country, Coordinate at) {
    List<Region> all = byCountry.get(country);
    if (all == null) {
      return Optional.empty();
    }
    Region best = nearest(all, at, true);
    if (best == null) {
      best = nearest(all, at, false);
    }
    return Optional.of(best.code());
  }

  private static Region nearest(List<Region> all, Coordinate at, boolean boxed) {
    Region best = null;
    double bestKm = Double.MAX_VALUE;
    for (Region r : all) {
      if (boxed && !r.contains(at, MARGIN_DEGREES)) {
        continue;
      }
      double km = r.office().distanceKm(at);
      if (km < bestKm) {
        bestKm = km;
        best = r;
      }
    }
    return best;
  }
}
