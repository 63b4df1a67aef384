package org.demarche.contacts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.model.Coordinate;

/**
 * Areas that a published consular district adds to a mission, or carves out of another mission's regions: the
 * Ottawa Region (Gatineau included) belongs to the PRC embassy although it lies in Ontario and Quebec, whose
 * other places go to Toronto and Montreal. An area is a circle around a named place (the bundled data states
 * where that is an approximation). Read from {@code district-areas.json}.
 */
public final class DistrictAreas {
  /** One area: a circle of {@code radiusKm} around {@code center}, added to one mission, carved out of others. */
  public record Area(String id, String sendingState, String country, String name, Coordinate center, double radiusKm,
      String addedTo, Set<String> carvedOutOf, LocalDate validFrom, String source) {
    /** Whether {@code at} lies in this area. */
    public boolean holds(Coordinate at) {
      return center.distanceKm(at) <= radiusKm;
    }

    /** How the area reads in an answer. */
    public String describe() {
      return "area '" + name + "' (" + (int) radiusKm + " km around " + center.latitude() + ", " + center.longitude()
          + ", district valid from " + validFrom + ")";
    }
  }

  private static final DistrictAreas BUNDLED = load("/org/demarche/contacts/data/district-areas.json");
  private final List<Area> areas;

  private DistrictAreas(List<Area> areas) {
    this.areas = List.copyOf(areas);
  }

  public static DistrictAreas bundled() {
    return BUNDLED;
  }

  public static DistrictAreas none() {
    return new DistrictAreas(List.of());
  }

  private static DistrictAreas load(String resource) {
    try (InputStream in = DistrictAreas.class.getResourceAsStream(resource)) {
      if (in == null) {
        return none();
      }
      List<Area> out = new ArrayList<>();
      for (JsonNode a : new ObjectMapper().readTree(in).path("areas")) {
        Set<String> carved = new java.util.TreeSet<>();
        a.path("carvedOutOf").forEach(c -> carved.add(c.asText()));
        out.add(new Area(a.path("id").asText(), a.path("sendingState").asText(), a.path("country").asText(),
            a.path("name").asText(), new Coordinate(a.path("center").path("lat").asDouble(),
                a.path("center").path("lon").asDouble()), a.path("radiusKm").asDouble(), a.path("addedTo").asText(),
            Set.copyOf(carved), LocalDate.parse(a.path("validFrom").asText()), a.path("source").path("source").asText()));
      }
      return new DistrictAreas(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The area of {@code sendingState}'s districts in {@code country} that holds {@code at}, if any. */
  public Optional<Area> at(String sendingState, String country, Coordinate at) {
    return areas.stream().filter(a -> a.sendingState().equals(sendingState) && a.country().equals(country)
        && a.holds(at)).findFirst();
  }

  public List<Area> all() {
    return areas;
  }
}
