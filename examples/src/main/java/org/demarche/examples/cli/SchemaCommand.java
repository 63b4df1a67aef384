package org.demarche.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.demarche.core.Demarche;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code demarche schema [campaign|translation]}: the JSON Schema (draft 2020-12) of a campaign file, or of
 * a translation file's front matter. It is made at run time from the field definitions the loader reads
 * with (so the jar that validates a campaign is the jar that describes it, and no build step can let the
 * two drift); {@code demarche init} writes it beside the campaign for editors.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {"Print the JSON Schema (draft 2020-12) of a campaign file, or of a translation's front matter.",
        "Editors that read '# yaml-language-server: $schema=FILE' (VS Code's YAML extension, and others) complete",
        "and check the fields with it; demarche init writes it as campaign.schema.json beside the campaign."})
final class SchemaCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "campaign|translation", defaultValue = "campaign", arity = "0..1",
      description = "campaign (default): the campaign file; translation: a translation file's front matter")
  String which;

  @Override
  public Integer call() throws Exception {
    String schema = switch (which) {
      case "campaign" -> Demarche.campaignSchema();
      case "translation" -> translation();
      default -> throw new IllegalArgumentException("say campaign or translation, not '" + which + "'");
    };
    spec.commandLine().getOut().println(schema);
    return DemarcheCli.DONE;
  }

  /** The front matter's schema, a self-contained document made from the campaign schema's definition. */
  static String translation() throws java.io.IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode campaign = json.readTree(Demarche.campaignSchema());
    com.fasterxml.jackson.databind.node.ObjectNode out = json.createObjectNode();
    out.put("$schema", campaign.get("$schema").asText());
    out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) campaign.get("$defs").get("translationFrontMatter"));
    out.put("title", "Demarche translation front matter");
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
  }
}
