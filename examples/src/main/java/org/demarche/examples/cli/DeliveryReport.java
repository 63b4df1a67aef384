package org.demarche.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;

/**
 * The delivery report's content (what went to whom, when, in which exact files, and what came back) and its seal.
 *
 * <p>{@code report.json} is {@code {"format", "canonicalization", "sha256", "content"}}. The report's SHA-256
 * (printed on the PDF's first page) is the SHA-256 of {@code content} as canonical JSON: object keys sorted by their
 * UTF-16 code units at every level, no whitespace, strings escaped as Jackson writes them, integers as digits, UTF-8.
 * Each file's {@code sha256} is over the file's bytes as it lies in the outbox folder.
 */
final class DeliveryReport {
  static final String FORMAT = "demarche-delivery-report/1";
  static final String CANONICAL = "SHA-256 of the UTF-8 bytes of \"content\" as canonical JSON: object keys sorted,"
      + " no whitespace, integers as digits";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private DeliveryReport() {}

  /** The content: the campaign, each selected mission's letter, and the files in {@code outbox}. */
  static ObjectNode content(Campaign campaign, List<DiplomaticMission> missions, FollowUpJournals journals,
      Path outbox, Instant generatedAt) {
    ObjectNode c = JSON.createObjectNode();
    c.put("campaign", campaign.id());
    c.put("generatedAt", generatedAt.toString());
    c.put("outbox", outbox.toAbsolutePath().normalize().toString());
    ArrayNode shown = c.putArray("journals");
    journals.all().forEach(j -> shown.add(j.shown()));
    List<Path> files = files(outbox);
    Map<String, List<LetterOutcome>> outcomes = journals.outcomes();
    ArrayNode letters = c.putArray("letters");
    for (DiplomaticMission m : missions) {
      ObjectNode l = letters.addObject();
      l.put("id", m.id());
      l.put("mission", m.name());
      m.localName().ifPresent(n -> l.put("missionLocalName", n));
      l.put("city", m.city());
      l.put("hostCountry", m.hostCountry());
      // The mission's zone as the schedule reads it; none known: the report shows UTC alone.
      Optional<ZoneId> zone = org.demarche.core.schedule.ActionDay.zoneOf(m);
      zone.ifPresent(z -> l.put("zone", z.getId()));
      Optional<Map.Entry<FollowUpJournals.Named, LetterStatus>> found = journals.find(m.id());
      l.put("channel", found.map(f -> channel(f.getKey().channel(), f.getValue())).orElse("none yet"));
      l.put("state", found.map(f -> JsonOutput.state(Optional.of(f.getValue()), f.getKey().channel())).orElse("pending"));
      found.ifPresent(f -> putDelivery(l, f.getValue(), zone));
      List<LetterOutcome> after = outcomes.getOrDefault(m.id(), List.of());
      after.stream().filter(o -> o.kind() == LetterOutcome.Kind.POSTED).reduce((a, b) -> b).ifPresent(p -> {
        l.put("postedOn", p.on().toString());
        p.reference().ifPresent(t -> l.put("tracking", t));
      });
      Outcomes.json(l.putArray("after"), after);
      ArrayNode own = l.putArray("files");
      files.stream().filter(f -> f.getFileName().toString().startsWith(m.id() + ".")).forEach(f -> file(own, f));
    }
    ArrayNode kit = c.putArray("otherFiles");
    files.stream().filter(f -> missions.stream().noneMatch(m -> f.getFileName().toString().startsWith(m.id() + ".")))
        .forEach(f -> file(kit, f));
    return c;
  }

  private static void putDelivery(ObjectNode l, LetterStatus s, Optional<ZoneId> zone) {
    if (s.state() == LetterState.SENT) {
      l.put("sentAt", s.at().toString());
      zone.ifPresent(z -> l.put("sentAtLocal", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.at().atZone(z))));
    }
    s.messageId().ifPresent(id -> l.put("messageId", id));
    s.detail().ifPresent(d -> l.put("serverReply", d));
  }

  /** How the letter went, in words: email, an email draft in the outbox, post, ... */
  static String channel(String journalChannel, LetterStatus s) {
    if (s.state() == LetterState.BY_POST) {
      return "post";
    }
    return journalChannel.equals("outbox") ? "email draft (outbox)" : "email (" + journalChannel + ")";
  }

  /** The delivered files: the PDFs and .eml files directly in the outbox folder, by name. */
  static List<Path> files(Path outbox) {
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(outbox)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).+\\.(pdf|eml)"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the outbox " + outbox + ": " + e.getMessage(), e);
    }
  }

  private static void file(ArrayNode into, Path f) {
    ObjectNode n = into.addObject();
    n.put("file", f.getFileName().toString());
    n.put("sha256", sha256(f));
    try {
      n.put("bytes", Files.size(f));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  /** The whole report.json: format, how it is sealed, the seal, the content. */
  static ObjectNode sealed(ObjectNode content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("canonicalization", CANONICAL);
    root.put("sha256", seal(content));
    root.set("content", content);
    return root;
  }

  /** The SHA-256 of {@code content} as canonical JSON. */
  static String seal(JsonNode content) {
    try {
      String canonical = SORTED.writeValueAsString(JSON.convertValue(content, Object.class));
      return HexFormat.of().formatHex(digest().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report's content as JSON", e);
    }
  }

  static String sha256(Path file) {
    MessageDigest d = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Every delivered file the report lists: name, SHA-256, and the letter it belongs to (empty: the print kit). */
  record Listed(String file, String sha256, String letter) {}

  static List<Listed> listed(JsonNode content) {
    List<Listed> all = new ArrayList<>();
    for (JsonNode l : content.path("letters")) {
      for (JsonNode f : l.path("files")) {
        all.add(new Listed(f.path("file").asText(), f.path("sha256").asText(), l.path("id").asText()));
      }
    }
    for (JsonNode f : content.path("otherFiles")) {
      all.add(new Listed(f.path("file").asText(), f.path("sha256").asText(), ""));
    }
    return all;
  }
}
