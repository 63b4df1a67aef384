package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The campaign schema, checked by an independent validator (networknt's) against the loader. */
class CampaignSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  @TempDir
  Path dir;

  private static JsonSchema schema(String which) throws Exception {
    Cli.Result r = Cli.run("schema", which);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return FACTORY.getSchema(JSON.readTree(r.out()));
  }

  private static Set<ValidationMessage> errors(String which, JsonNode document) throws Exception {
    return schema(which).validate(document);
  }

  @Test
  void schemaOutputIsAValidDraft202012Schema() throws Exception {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (String which : List.of("campaign", "translation")) {
      JsonNode schema = JSON.readTree(Cli.run("schema", which).out());

      assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(meta.validate(schema)).as(which).isEmpty();
    }
  }

  @Test
  void aSchemaThatBreaksTheMetaSchemaIsCaughtByTheMetaSchemaCheck() throws Exception {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    JsonNode broken = JSON.readTree(Cli.run("schema").out().replace("\"type\" : \"object\"", "\"type\" : \"section\""));

    assertThat(meta.validate(broken)).isNotEmpty();
  }

  @Test
  void everySampleCampaignUnderExamplesIsValidAgainstTheSchema() throws Exception {
    List<Path> campaigns;
    try (Stream<Path> files = Files.walk(Path.of("campaigns"))) {
      campaigns = files.filter(f -> f.toString().endsWith(".yaml")).toList();
    }
    assertThat(campaigns).contains(Cli.FOUNDING);
    for (Path campaign : campaigns) {
      assertThat(errors("campaign", YAML.readTree(campaign.toFile()))).as(campaign.toString()).isEmpty();
    }
  }

  @Test
  void aCampaignWrittenByInitIsValidAgainstTheSchema() throws Exception {
    Cli.run(InitCommandTest.initArgs(dir.resolve("c")));

    assertThat(errors("campaign", YAML.readTree(dir.resolve("c/campaign.yaml").toFile()))).isEmpty();
  }

  @Test
  void theFoundingCampaignsTranslationsFrontMatterIsValid() throws Exception {
    for (String tag : List.of("ja", "zh")) {
      Path file = Cli.FOUNDING.getParent().resolve("letter." + tag + ".md");
      assertThat(errors("translation", YAML.readTree(frontMatter(Files.readString(file))))).as(tag).isEmpty();
    }
  }

  @Test
  void anUnknownFrontMatterFieldIsRefusedByTheSchemaAndByTheLoader() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path ja = dir.resolve("letter.ja.md");
    Files.writeString(ja, Files.readString(ja).replaceFirst("draft: true", "draft: true\ntranslator: K. Sato"));

    assertThat(errors("translation", YAML.readTree(frontMatter(Files.readString(ja))))).isNotEmpty();
    Cli.Result r = Cli.run("validate", campaign.toString());
    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("unknown front-matter field 'translator'");
  }

  /**
   * The malformed cases of the loader's own tests (CampaignLoadingTest, LoadingRefusalsTest), written into the
   * founding campaign: the schema refuses each, and so does the loader.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an email without @       |  email: petition@lfnkr.example.org|  email: petition-at-lfnkr",
      "a country by name        |    country: JP|    country: Japan",
      "a date as DD/MM/YYYY     |date: 2026-09-24|date: 24/09/2026",
      "an unknown field         |  closing: Sincerely,|  closing: Sincerely,\\n  signature: yes",
      "an unknown host country  |    hostCountry: JP|    hostCountry: XX",
      "a line break in subject  |  subject: \"Petition on World Save North Korean Refugees Day, 24 September\""
          + "|  subject: \"Petition\\r\\nBcc: x@evil.example\"",
      "a section written as text|  signedBy:\\n    name: Hiroshi Kato\\n    title: Executive Director|  signedBy: Hiroshi Kato",
      "a required field missing |closing: Sincerely,\\n  signedBy:|signedBy:",
      "a retry count in words   |  voice:|  retry:\\n    maxAttempts: many\\n  voice:",
      "an unknown disclosure cap|disclosureCap: full|disclosureCap: everything",
      "a translation as a number|    ja: letter.ja.md|    ja: 42"})
  void aMalformedCampaignIsRefusedByTheSchemaAndByTheLoader(String name, String from, String to) throws Exception {
    Path campaign = Campaigns.withChange(dir, unescape(from), unescape(to));

    assertThat(errors("campaign", YAML.readTree(campaign.toFile()))).as("schema").isNotEmpty();
    Cli.Result r = Cli.run("validate", campaign.toString());
    assertThat(r.exitCode()).as("loader: " + r.err()).isEqualTo(DemarcheCli.INVALID);
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n");
  }

  /** The YAML between a translation file's --- lines. */
  static String frontMatter(String text) {
    assertThat(text).startsWith("---\n");
    return text.substring(4, text.indexOf("\n---", 4));
  }
}
