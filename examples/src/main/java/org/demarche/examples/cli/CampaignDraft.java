package org.demarche.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.core.Demarche;
import org.demarche.core.files.AtomicFiles;
import org.demarche.core.model.DiplomaticMission;

/**
 * The files {@code demarche init} writes, from answers already checked. The comment on each field of
 * campaign.yaml is the field's description in the campaign schema, so that it says what the loader reads.
 */
record CampaignDraft(String id, LocalDate date, String name, String shortName, List<String> street, String city,
    String postalCode, String country, String email, String sendingState, String hostCountry, String language,
    String addresseeName, String addresseeTitle, String salutation, String signer, String signerTitle) {
  static final String SCHEMA_FILE = "campaign.schema.json";
  static final String SIGNATORIES_FILE = "signatories.csv";
  /** The header the signatories importer reads (docs/signatories.md). */
  static final String SIGNATORIES_HEADER = "name,kind,organization,city,country,email,signedAt,disclosure\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  String bodyFile() {
    return "letter." + language + ".md";
  }

  /**
   * Writes every file into {@code folder}, after making sure none of them is there yet.
   *
   * @return the files written, in order
   * @throws FileAlreadyExistsException naming the first file that is already there; nothing is written then
   */
  List<Path> writeInto(Path folder, List<DiplomaticMission> missions) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    String schema = Demarche.campaignSchema();
    files.put("campaign.yaml", campaignYaml(JSON.readTree(schema), missions));
    files.put(bodyFile(), body());
    files.put(SIGNATORIES_FILE, SIGNATORIES_HEADER);
    files.put(SCHEMA_FILE, schema + "\n");
    for (String f : files.keySet()) {
      if (Files.exists(folder.resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(folder.resolve(f).toString(), null,
            "already exists; init never replaces a file: choose an empty folder, or move the file away");
      }
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path target = folder.resolve(e.getKey());
      // Co-signatories are personal data: that file is the owner's only; the others are meant to be shared.
      AtomicFiles.Access access = e.getKey().equals(SIGNATORIES_FILE) ? AtomicFiles.Access.PRIVATE
          : AtomicFiles.Access.READABLE;
      AtomicFiles.create(target, access, out -> out.write(e.getValue().getBytes(StandardCharsets.UTF_8)));
      written.add(target);
    }
    return written;
  }

  private String body() {
    return "We write to you on {{date}} through the {{mission.name}}.\n\n"
        + "Replace these paragraphs with your letter. Placeholders such as {{addressee.title}} or {{sender.name}} are"
        + " filled in for each letter; docs/campaign.md lists them all.\n\n"
        + "We would be grateful for your reply.\n";
  }

  private String campaignYaml(JsonNode schema, List<DiplomaticMission> missions) {
    Yaml y = new Yaml(schema);
    y.raw("# yaml-language-server: $schema=" + SCHEMA_FILE);
    y.raw("# A campaign written by demarche init. Check it with: demarche validate campaign.yaml");
    y.raw("# Every field: docs/campaign.md, or your editor's completion (the schema above).");
    y.field("id", q(id));
    y.field("date", date.toString());
    y.section("sender");
    y.field("sender.name", q(name));
    y.field("sender.shortName", q(shortName));
    y.section("sender.address");
    y.field("sender.address.lines", list(street));
    y.field("sender.address.city", q(city));
    if (!postalCode.isEmpty()) {
      y.field("sender.address.postalCode", q(postalCode));
    }
    y.field("sender.address.country", country);
    y.field("sender.email", q(email));
    y.section("petition");
    y.field("petition.language", language);
    y.section("petition.addressee");
    y.field("petition.addressee.name", q(addresseeName));
    y.field("petition.addressee.title", q(addresseeTitle));
    y.field("petition.addressee.salutation", q(salutation));
    y.field("petition.subject", q("Petition from " + name));
    y.field("petition.body", bodyFile());
    y.field("petition.closing", q("Sincerely,"));
    y.section("petition.signedBy");
    y.field("petition.signedBy.name", q(signer));
    if (!signerTitle.isEmpty()) {
      y.field("petition.signedBy.title", q(signerTitle));
    }
    y.field("signatories", SIGNATORIES_FILE);
    y.section("recipients");
    y.raw("  # Selected now, " + missions.size() + " (demarche recipients --sending-state " + sendingState
        + " --host-country " + hostCountry + "):");
    missions.forEach(m -> y.raw("  #   " + m.id() + "  " + m.name() + (m.email().isPresent() ? "" : "  (by post)")));
    y.field("recipients.directories", "[bundled]");
    y.section("recipients.select");
    y.field("recipients.select.sendingState", sendingState);
    y.field("recipients.select.hostCountry", hostCountry);
    y.section("delivery");
    y.field("delivery.channel", "outbox");
    y.field("delivery.renderer", "pdf");
    return y.text();
  }

  /** A YAML double-quoted scalar (JSON's string syntax is YAML's). */
  private static String q(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String list(List<String> items) {
    return "[" + String.join(", ", items.stream().map(CampaignDraft::q).toList()) + "]";
  }

  /** Lines of YAML, each field followed by its description from the schema. */
  private static final class Yaml {
    private final JsonNode schema;
    private final StringBuilder out = new StringBuilder();

    Yaml(JsonNode schema) {
      this.schema = schema;
    }

    void raw(String line) {
      out.append(line).append('\n');
    }

    void section(String path) {
      line(path, "");
    }

    void field(String path, String value) {
      line(path, " " + value);
    }

    private void line(String path, String value) {
      String[] parts = path.split("\\.");
      JsonNode s = schema;
      for (String p : parts) {
        s = s.path("properties").path(p);
      }
      boolean required = false;
      if (parts.length > 0) {
        JsonNode parent = schema;
        for (int i = 0; i < parts.length - 1; i++) {
          parent = parent.path("properties").path(parts[i]);
        }
        for (JsonNode r : parent.path("required")) {
          required |= r.asText().equals(parts[parts.length - 1]);
        }
      }
      String comment = s.path("description").asText("");
      out.append("  ".repeat(parts.length - 1)).append(parts[parts.length - 1]).append(':').append(value)
          .append(comment.isEmpty() ? "" : "  # " + (required ? "required: " : "") + comment).append('\n');
    }

    String text() {
      return out.toString();
    }
  }
}
