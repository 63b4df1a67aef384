package org.demarche.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.demarche.core.internal.CampaignFields.Field;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.MissionKind;

/**
 * The JSON Schema (draft 2020-12) of a campaign file and of a translation's front matter, made from
 * {@link CampaignFields} so that it names exactly the fields the loader reads. It checks shape (which
 * fields, which are required, text or list or section, the form of codes and dates); the loader checks
 * more (files exist, a country is known, placeholders name something), so a file the schema accepts may
 * still be refused, but a file the schema refuses is refused by the loader too.
 */
public final class CampaignSchema {
  /** Where the schema says it lives; editors use the {@code $schema} comment in the file instead. */
  public static final String ID = "https://demarche.org/schema/campaign.schema.json";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

  private CampaignSchema() {}

  /** The campaign file's schema, as indented JSON. */
  public static String campaign() {
    ObjectNode root = section(CampaignFields.CAMPAIGN);
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", ID);
    root.put("title", "Demarche campaign file");
    ObjectNode defs = root.putObject("$defs");
    defs.set("translationFrontMatter", translationSection(false));
    return write(reorder(root));
  }

  private static String write(ObjectNode n) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the schema does not write as JSON", e);
    }
  }

  /** $schema, $id and title first, as readers expect them. */
  private static ObjectNode reorder(ObjectNode n) {
    ObjectNode out = NODES.objectNode();
    for (String k : List.of("$schema", "$id", "title")) {
      if (n.has(k)) {
        out.set(k, n.get(k));
      }
    }
    n.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
    return out;
  }

  private static ObjectNode section(Field f) {
    ObjectNode s = NODES.objectNode();
    s.put("type", "object");
    describe(s, f);
    ObjectNode props = s.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Field c : f.fields()) {
      props.set(c.name(), field(c));
      if (c.required()) {
        required.add(c.name());
      }
    }
    if (!required.isEmpty()) {
      s.set("required", required);
    }
    if (f.open()) {
      // Plugins read their own sections (delivery.smtp, delivery.pdf, ...); only sections may be added.
      s.putObject("additionalProperties").put("type", "object");
    } else {
      s.put("additionalProperties", false);
    }
    return s;
  }

  /** Title (what it holds), description (with the default in words) and example: what editors show on hover. */
  private static void describe(ObjectNode s, Field f) {
    s.put("title", f.type().words());
    if (!f.description().isEmpty()) {
      s.put("description", f.description() + (f.defaultValue().isEmpty() ? "" : " (default: " + f.defaultValue() + ")"));
    }
    if (!f.example().isEmpty()) {
      try {
        s.putArray("examples").add(YAML.readTree(f.example()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the example of " + f.name() + " is not YAML: " + f.example(), e);
      }
    }
  }

  private static ObjectNode field(Field f) {
    ObjectNode s = switch (f.type()) {
      case SECTION -> section(f);
      case TRANSLATIONS -> translations();
      default -> scalar(f.type());
    };
    if (f.type() != CampaignFields.Type.SECTION) {
      describe(s, f);
    }
    return s;
  }

  private static ObjectNode scalar(CampaignFields.Type type) {
    return switch (type) {
      case TEXT, TEMPLATE -> text();
      case FILE_OR_TEXT -> string("\\S");
      case DATE -> string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").put("format", "date");
      case ID -> string("^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$");
      case EMAIL -> string("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
      case URL -> string("^https?://");
      case COUNTRY -> countries();
      case REGION -> string("^[A-Z]{2}-[A-Z0-9]{1,3}$");
      case LANGUAGE -> language();
      case WHOLE_NUMBER -> wholeNumber();
      case TIME -> string("^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$");
      case TIME_RANGE -> string("^[0-9]{2}:[0-9]{2}\\s*-\\s*[0-9]{2}:[0-9]{2}$");
      case CLOSED_DAY -> oneOfWords(Arrays.stream(org.demarche.core.model.Schedule.ClosedDayRule.values())
          .map(org.demarche.core.model.Schedule.ClosedDayRule::key).toList());
      case POSTAL_DAYS -> postalDays();
      case BOOLEAN -> NODES.objectNode().put("type", "boolean");
      case TEXT_LIST -> listOf(text());
      case ID_LIST -> listOf(scalar(CampaignFields.Type.ID));
      case LANGUAGE_LIST -> listOf(language());
      case KIND_LIST -> listOf(oneOfWords(Arrays.stream(MissionKind.values()).map(MissionKind::key).toList()));
      case DISCLOSURE -> oneOfWords(Arrays.stream(Disclosure.values())
          .map(d -> d.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList());
      case SIGNATORIES -> signatories();
      default -> throw new IllegalArgumentException("no scalar schema for " + type);
    };
  }

  private static ObjectNode string(String pattern) {
    return NODES.objectNode().put("type", "string").put("pattern", pattern);
  }

  /**
   * One line of text, not blank, without line breaks or control characters; a YAML number such as a postal
   * code written without quotes reads as text too.
   */
  private static ObjectNode text() {
    ObjectNode s = NODES.objectNode();
    s.putArray("type").add("string").add("number");
    s.put("pattern", "^[^\\x00-\\x1F\\x7F]*[^\\s\\x00-\\x1F\\x7F][^\\x00-\\x1F\\x7F]*$");
    return s;
  }

  /** The ISO 3166-1 alpha-2 codes the loader knows (the JDK's, and XK, Kosovo's user-assigned code). */
  private static ObjectNode countries() {
    java.util.TreeSet<String> codes = new java.util.TreeSet<>(Arrays.asList(java.util.Locale.getISOCountries()));
    codes.add("XK");
    return oneOfWords(List.copyOf(codes));
  }

  private static ObjectNode language() {
    return string("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");
  }

  /** Routes FROM->TO (country codes or *), each a whole number of days from 0 to 60. */
  private static ObjectNode postalDays() {
    ObjectNode s = NODES.objectNode().put("type", "object");
    s.putObject("propertyNames").put("pattern", "^([A-Z]{2}|\\*)->([A-Z]{2}|\\*)$");
    s.putObject("additionalProperties").put("type", "integer").put("minimum", 0)
        .put("maximum", org.demarche.core.model.Schedule.MAX_POSTAL_DAYS);
    return s;
  }

  private static ObjectNode wholeNumber() {
    ObjectNode s = NODES.objectNode();
    ArrayNode any = s.putArray("anyOf");
    any.addObject().put("type", "integer").put("minimum", 0);
    any.addObject().put("type", "string").put("pattern", "^\\s*[0-9]+\\s*$");
    return s;
  }

  private static ObjectNode oneOfWords(List<String> words) {
    ObjectNode s = NODES.objectNode().put("type", "string");
    ArrayNode e = s.putArray("enum");
    words.forEach(e::add);
    return s;
  }

  /** One item or a list of them (the loader reads a single text as a list of one). */
  private static ObjectNode listOf(ObjectNode item) {
    ObjectNode s = NODES.objectNode();
    ArrayNode any = s.putArray("anyOf");
    any.add(item.deepCopy());
    ObjectNode list = any.addObject().put("type", "array");
    list.set("items", item);
    return s;
  }

  private static ObjectNode signatories() {
    ObjectNode s = NODES.objectNode();
    ArrayNode any = s.putArray("anyOf");
    any.addObject().put("type", "string").put("pattern", "\\.(csv|json)$");
    any.addObject().put("type", "array").putObject("items").put("type", "object");
    return s;
  }

  private static ObjectNode translations() {
    ObjectNode s = NODES.objectNode().put("type", "object");
    s.putObject("propertyNames").put("pattern", "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");
    ArrayNode any = s.putObject("additionalProperties").putArray("anyOf");
    any.addObject().put("type", "string").put("pattern", "\\.(md|txt)$");
    any.add(translationSection(true));
    return s;
  }

  /** A translation's fields: in front matter without a body (the file's text is the body), inline with one. */
  private static ObjectNode translationSection(boolean inline) {
    Field f = new Field("translation", CampaignFields.Type.SECTION, true, "", "",
        inline ? "a translation written in the campaign file" : "a translation file's front matter",
        inline ? withBody() : CampaignFields.TRANSLATION, false);
    return section(f);
  }

  private static List<Field> withBody() {
    List<Field> out = new java.util.ArrayList<>(CampaignFields.TRANSLATION);
    out.add(new Field("body", CampaignFields.Type.FILE_OR_TEXT, true, "", "", "the letter's text in this language",
        List.of(), false));
    return out;
  }
}
