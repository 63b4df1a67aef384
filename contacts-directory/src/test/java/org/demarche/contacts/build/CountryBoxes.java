package org.demarche.contacts.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a point lies in a country: the Natural Earth 1:50m map-subunit bounding boxes (public domain, in
 * src/data/naturalearth) of the country and of its dependent territories (src/data/curated/territories.csv),
 * widened by {@link #TOLERANCE_DEGREES} because a box at that scale is coarse at coasts and borders.
 */
public final class CountryBoxes {
  /** About 11 km. */
  public static final double TOLERANCE_DEGREES = 0.1;
  private final Map<String, List<double[]>> boxes = new HashMap<>();

  public CountryBoxes(Path moduleDir) throws IOException {
    List<List<String>> rows = Csv.read(moduleDir.resolve("src/data/naturalearth/country-boxes-50m.csv"));
    Map<String, List<double[]>> own = new HashMap<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      own.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new double[] {Double.parseDouble(r.get(2)),
          Double.parseDouble(r.get(3)), Double.parseDouble(r.get(4)), Double.parseDouble(r.get(5))});
    }
    boxes.putAll(own);
    List<List<String>> territories = Csv.read(moduleDir.resolve("src/data/curated/territories.csv"));
    for (List<String> t : territories.subList(1, territories.size())) {
      boxes.computeIfAbsent(t.get(0), k -> new ArrayList<>()).addAll(own.getOrDefault(t.get(1), List.of()));
    }
  }

  /** Whether boxes are known for {@code country}. */
  public boolean knows(String country) {
    return boxes.containsKey(country);
  }

  /** Whether the point lies in {@code country} (true when the country has no boxes: nothing to check against). */
  public boolean inside(String country, double lat, double lon) {
    List<double[]> list = boxes.get(country);
    if (list == null) {
      return true;
    }
    for (double[] b : list) {
      if (lon >= b[0] - TOLERANCE_DEGREES && lat >= b[1] - TOLERANCE_DEGREES && lon <= b[2] + TOLERANCE_DEGREES
          && lat <= b[3] + TOLERANCE_DEGREES) {
        return true;
      }
    }
    return false;
  }
}
