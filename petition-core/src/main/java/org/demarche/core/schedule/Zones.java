package org.demarche.core.schedule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;

/**
 * A mission's time zone: its country's, when the country has one; for a country with several (US, CA, RU, AU, BR,
 * MX, ID, ...), the zone whose principal city is nearest to the mission's coordinate (IANA zone.tab, bundled).
 * The rules of each zone come from the JDK's tz data.
 */
final class Zones {
  private record Zone(ZoneId id, double lat, double lon) {}

  private static final Map<String, List<Zone>> BY_COUNTRY = load();

  private Zones() {}

  private static Map<String, List<Zone>> load() {
    Map<String, List<Zone>> out = new LinkedHashMap<>();
    java.util.Set<String> jdk = ZoneId.getAvailableZoneIds();
    for (String[] row : Tables.read("zone.tab")) {
      if (!jdk.contains(row[2])) {
        // A zone newer than this JDK's tz data (America/Coyhaique, 2025): its country's other zones serve.
        continue;
      }
      double[] at = coordinate(row[1]);
      out.computeIfAbsent(row[0], k -> new ArrayList<>()).add(new Zone(ZoneId.of(row[2]), at[0], at[1]));
    }
    return out;
  }

  /** zone.tab's ISO 6709 coordinate: +DDMM+DDDMM or +DDMMSS+DDDMMSS. */
  static double[] coordinate(String iso) {
    int split = Math.max(iso.lastIndexOf('+'), iso.lastIndexOf('-'));
    return new double[] {degrees(iso.substring(0, split), 2), degrees(iso.substring(split), 3)};
  }

  private static double degrees(String s, int degreeDigits) {
    int sign = s.charAt(0) == '-' ? -1 : 1;
    String d = s.substring(1);
    double deg = Integer.parseInt(d.substring(0, degreeDigits));
    double min = Integer.parseInt(d.substring(degreeDigits, degreeDigits + 2));
    double sec = d.length() > degreeDigits + 2 ? Integer.parseInt(d.substring(degreeDigits + 2)) : 0;
    return sign * (deg + min / 60 + sec / 3600);
  }

  /** The mission's zone, or empty when its country is not in the table (then the caller says so). */
  static Optional<ZoneId> of(DiplomaticMission m) {
    if (m.timeZone().isPresent()) {
      return m.timeZone();
    }
    List<Zone> zones = BY_COUNTRY.getOrDefault(m.hostCountry(), List.of());
    if (zones.isEmpty()) {
      return Optional.empty();
    }
    if (zones.size() == 1 || m.coordinate().isEmpty()) {
      // Without a coordinate the first zone listed for the country (its most populous region in zone.tab's order).
      return Optional.of(zones.get(0).id());
    }
    Coordinate c = m.coordinate().get();
    Zone best = zones.get(0);
    double bestDistance = Double.MAX_VALUE;
    for (Zone z : zones) {
      double d = c.distanceKm(new Coordinate(z.lat(), z.lon()));
      if (d < bestDistance) {
        bestDistance = d;
        best = z;
      }
    }
    return Optional.of(best.id());
  }
}
