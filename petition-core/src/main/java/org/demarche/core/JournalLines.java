package org.demarche.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.demarche.core.model.LetterOutcome;

/** The file journal's line format: a JSON object, a space, its CRC-32C; and the outcome lines' fields. */
final class JournalLines {
  private JournalLines() {}

  static String line(ObjectNode n) {
    String json = n.toString();
    return json + ' ' + crc(json) + '\n';
  }

  static String crc(String json) {
    CRC32C crc = new CRC32C();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }

  /** Long replies are cut: a journal line stays small. */
  static String clip(String text) {
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  /** An outcome line: {@code "outcome"} where a state change has {@code "state"}. */
  static ObjectNode outcome(String campaignId, LetterOutcome o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("campaign", campaignId);
    n.put("letter", o.letterId());
    n.put("outcome", o.kind().name());
    n.put("on", o.on().toString());
    n.put("at", o.recordedAt().toString());
    o.reference().ifPresent(r -> n.put("reference", clip(r)));
    o.note().ifPresent(d -> n.put("note", clip(d)));
    return n;
  }

  static LetterOutcome outcome(JsonNode n) {
    return new LetterOutcome(n.path("letter").asText(), LetterOutcome.Kind.valueOf(n.path("outcome").asText()),
        LocalDate.parse(n.path("on").asText()), Instant.parse(n.path("at").asText()), text(n, "reference"),
        text(n, "note"));
  }

  private static Optional<String> text(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }
}
