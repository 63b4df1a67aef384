package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/campaign.md's field reference is the campaign schema's fields, which are the loader's (both come from
 * petition-core's CampaignFields). The table is made from {@code demarche schema} here and written to
 * examples/target/campaign-fields.md; paste it between the markers when a field changes.
 */
class FieldReferenceTest {
  private static final Path DOC = Path.of("../docs/campaign.md");
  private static final String BEGIN = "<!-- fields:begin (made by FieldReferenceTest from demarche schema) -->\n";
  private static final String END = "<!-- fields:end -->";
  private static final Pattern DEFAULT = Pattern.compile("^(.*) \\(default: (.*)\\)$");

  private static JsonNode schema() throws Exception {
    return new ObjectMapper().readTree(Cli.run("schema").out());
  }

  /** Every field path the schema takes, with its row of the table. */
  static Map<String, String> rows(JsonNode schema) {
    Map<String, String> rows = new LinkedHashMap<>();
    walk(schema, "", rows);
    return rows;
  }

  private static void walk(JsonNode section, String prefix, Map<String, String> rows) {
    List<String> required = new ArrayList<>();
    section.path("required").forEach(r -> required.add(r.asText()));
    section.path("properties").fields().forEachRemaining(e -> {
      String path = prefix + e.getKey();
      rows.put(path, row(path, e.getValue(), required.contains(e.getKey())));
      walk(e.getValue(), path + ".", rows);
      // A translation written inline: petition.translations.LANG.subject, ...
      e.getValue().path("additionalProperties").path("anyOf").forEach(alt -> {
        if (alt.has("properties")) {
          walk(alt, path + ".LANG.", rows);
        }
      });
    });
  }

  private static String row(String path, JsonNode field, boolean required) {
    String description = field.path("description").asText();
    String dflt = "";
    Matcher m = DEFAULT.matcher(description);
    if (m.matches()) {
      description = m.group(1);
      dflt = m.group(2);
    }
    String example = field.has("examples") ? "`" + flow(field.get("examples").get(0)) + "`" : "";
    return "| `" + path + "` | " + field.path("title").asText() + " | " + (required ? "yes" : "no") + " | " + dflt
        + " | " + example + " | " + description + " |";
  }

  /** A value as YAML's flow style writes it. */
  private static String flow(JsonNode v) {
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(flow(i)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v.isObject()) {
      List<String> items = new ArrayList<>();
      v.fields().forEachRemaining(e -> items.add(e.getKey() + ": " + flow(e.getValue())));
      return "{ " + String.join(", ", items) + " }";
    }
    String t = v.asText();
    return v.isTextual() && (t.contains(":") || t.matches("[0-9-]+") || t.contains(",")) && !t.startsWith("http")
        ? "\"" + t + "\"" : t;
  }

  static String table(JsonNode schema) {
    StringBuilder b = new StringBuilder("| field | type | required | default | example | what it is |\n"
        + "|---|---|---|---|---|---|\n");
    rows(schema).values().forEach(r -> b.append(r).append('\n'));
    return b.toString();
  }

  private static String documented() throws Exception {
    String doc = Files.readString(DOC);
    assertThat(doc).contains(BEGIN).contains(END);
    return doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END));
  }

  @Test
  void theReferenceNamesEveryFieldTheLoaderAcceptsAndNoOther() throws Exception {
    List<String> inSchema = new ArrayList<>(rows(schema()).keySet());
    List<String> inDoc = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(documented());
    while (m.find()) {
      inDoc.add(m.group(1));
    }

    assertThat(inDoc).containsExactlyElementsOf(inSchema);
  }

  @Test
  void theReferenceTableIsTheOneMadeFromTheSchema() throws Exception {
    String table = table(schema());
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/campaign-fields.md"), table);

    assertThat(documented()).isEqualTo(table);
  }

  @Test
  void theReadmeLinksTheReference() throws Exception {
    assertThat(Files.readString(Path.of("../README.md"))).contains("(docs/campaign.md)");
  }
}
