package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of broken directory files (JSON and CSV): every one is rejected with its file
 * and line, never with another exception, each within a second.
 */
class HostileDirectoryFilesTest {
  @TempDir
  Path dir;

  static final String VALID_JSON = """
      {"format": "demarche-directory/1", "missions": [
        {"id": "xx-cg-jp-test", "kind": "consulate-general", "name": "Test Consulate-General",
         "sendingState": "CN", "hostCountry": "JP", "city": "Osaka",
         "address": {"lines": ["1 Test Street"], "city": "Osaka", "postalCode": "550-0004", "region": "JP-27"},
         "email": "test@missions.test", "jurisdiction": ["JP-27"], "coordinate": {"lat": 34.6, "lon": 135.5},
         "sources": {"mission": {"source": "a test", "checkedOn": "2026-11-28"}}}
      ]}
      """;

  static final String VALID_CSV = "id,kind,name,sendingState,hostCountry,city,address.lines,email,source,checkedOn\n"
      + "xx-cg-jp-test,consulate-general,Test CG,CN,JP,Osaka,1 Test Street,test@missions.test,a test,2026-11-28\n";

  static Map<String, String> corpus() {
    Map<String, String> c = new LinkedHashMap<>();
    for (int cut = 1; cut < VALID_JSON.length() - 3; cut += 4) {
      c.put("json-truncated-" + cut + ".json", VALID_JSON.substring(0, cut));
    }
    String[][] badValues = {
        {"\"xx-cg-jp-test\"", "\"XX CG\""}, {"\"consulate-general\"", "\"palace\""}, {"\"CN\"", "\"China\""},
        {"\"JP\", \"city\"", "\"QQ\", \"city\""}, {"\"test@missions.test\"", "\"not-an-email\""},
        {"\"JP-27\"]", "\"KR-26\"]"}, {"34.6", "134.6"}, {"135.5", "\"east\""}, {"\"2026-11-28\"", "\"28/11/2026\""},
        {"\"Osaka\", \"postalCode\"", "[\"Osaka\"], \"postalCode\""}, {"\"lines\": [\"1 Test Street\"]", "\"lines\": 7"},
        {"\"sources\"", "\"sauces\""}, {"\"name\": \"Test Consulate-General\",", ""},
        {"\"Test Consulate-General\"", "\"Test\\r\\nBcc: x@evil.test\""}, {"\"missions\": [", "\"missions\": {"}};
    for (String[] b : badValues) {
      c.put("json-bad-" + Math.abs(b[1].hashCode()) + ".json", VALID_JSON.replace(b[0], b[1]));
    }
    c.put("json-duplicate-id.json", VALID_JSON.replace("\n]}", ",\n" + VALID_JSON.substring(
        VALID_JSON.indexOf("{\"id\""), VALID_JSON.lastIndexOf("}}") + 2) + "\n]}"));
    c.put("json-duplicate-key.json", VALID_JSON.replace("\"city\": \"Osaka\",", "\"city\": \"Osaka\", \"city\": \"Kobe\","));
    c.put("json-nesting.json", "{\"missions\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    c.put("json-huge-string.json", VALID_JSON.replace("Test Consulate-General", "x".repeat(4 * 1024 * 1024)));
    c.put("json-bom-broken.json", "\uFEFF" + VALID_JSON.replace("\"CN\"", "\"XX\""));
    c.put("json-empty.json", "");
    c.put("json-not-object.json", "\"just a string\"");
    String[] columns = VALID_CSV.substring(0, VALID_CSV.indexOf('\n')).split(",");
    String[] row = VALID_CSV.substring(VALID_CSV.indexOf('\n') + 1).strip().split(",");
    String[] bad = {"BAD ID", "palace", "", "China", "QQ", "", "", "nope", "", "28/11/2026"};
    for (int col = 0; col < columns.length; col++) {
      if (bad[col].isEmpty() && !columns[col].equals("name") && !columns[col].equals("city")
          && !columns[col].equals("address.lines") && !columns[col].equals("source")) {
        continue;
      }
      for (int position = 0; position < 10; position++) {
        String[] r = row.clone();
        r[col] = bad[col];
        StringBuilder csv = new StringBuilder(VALID_CSV.substring(0, VALID_CSV.indexOf('\n') + 1));
        for (int i = 0; i < position; i++) {
          csv.append(String.join(",", row).replace("xx-cg-jp-test", "xx-cg-jp-test-" + i)).append('\n');
        }
        csv.append(String.join(",", r)).append('\n');
        c.put("csv-bad-" + columns[col] + "-row-" + position + ".csv", csv.toString());
      }
    }
    for (int position = 0; position < 10; position++) {
      c.put("csv-unclosed-quote-" + position + ".csv", VALID_CSV + ("\"xx-" + position + ",embassy\n").repeat(1));
      c.put("csv-unknown-column-" + position + ".csv", VALID_CSV.replace("email,", "emial,"));
    }
    c.put("csv-empty.csv", "");
    return c;
  }

  @Test
  void rejectsEveryBrokenDirectoryFileWithItsFileAndLine() throws Exception {
    Map<String, String> corpus = corpus();
    List<String> failures = new ArrayList<>();
    int rejected = 0;
    long slowest = 0;
    for (Map.Entry<String, String> e : corpus.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      long start = System.nanoTime();
      try {
        ContactDirectories.fromFile(file);
        failures.add(e.getKey() + ": accepted");
      } catch (InvalidInputException ex) {
        rejected++;
        for (Problem p : ex.problems()) {
          if (!p.location().file().contains(e.getKey()) || p.location().line() < 1) {
            failures.add(e.getKey() + ": not located: " + p);
          }
        }
      } catch (RuntimeException ex) {
        failures.add(e.getKey() + ": " + ex);
      }
      slowest = Math.max(slowest, System.nanoTime() - start);
      Files.delete(file);
    }
    System.out.printf("hostile directory files: %d generated, %d rejected with file:line, slowest %.0f ms%n",
        corpus.size(), rejected, slowest / 1e6);
    assertThat(failures).isEmpty();
    assertThat(slowest).isLessThan(1_000_000_000L);
  }
}
