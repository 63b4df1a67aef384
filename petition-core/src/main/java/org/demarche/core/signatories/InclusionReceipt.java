package org.demarche.core.signatories;

import org.demarche.core.files.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatory;

/**
 * What one signatory is given to prove they are in a committed list: their own record as committed,
 * their salt, their leaf's position among the sorted leaves, the list's size, and the sibling hashes on
 * the path to the root. It reveals nothing about any other signatory: the siblings are hashes of
 * salted records, and the salts are secret.
 *
 * @param signatory the signatory's own record, as committed (without the NGO's extra fields)
 * @param salt the signatory's salt, 64 hexadecimal digits
 * @param position the leaf's position in the sorted leaves (says nothing about when they signed)
 * @param listSize how many signatories the committed list holds
 * @param proof the sibling hashes from the leaf up, each 64 hexadecimal digits
 */
public record InclusionReceipt(Signatory signatory, String salt, long position, long listSize, List<String> proof) {
  /** The format name written in every receipt file. */
  public static final String FORMAT = "demarche-receipt/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long MAX_FILE = 64 * 1024;

  public InclusionReceipt {
    Objects.requireNonNull(signatory, "signatory");
    salt = hex(salt, "salt");
    if (listSize < 1 || position < 0 || position >= listSize) {
      throw new IllegalArgumentException("position must lie within the list's size, not " + position + " of " + listSize);
    }
    proof = Objects.requireNonNull(proof, "proof").stream().map(p -> hex(p, "proof")).toList();
  }

  private static String hex(String value, String field) {
    Objects.requireNonNull(value, field);
    String h = value.strip().toLowerCase(Locale.ROOT);
    if (h.length() != 64 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException(field + " must be 64 hexadecimal digits, not '" + value + "'");
    }
    return h;
  }

  /** The outcome of checking a receipt against a printed commitment. */
  public record Verification(boolean valid, String reason) {
    public Verification {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Checks this receipt against a commitment as printed (64 hexadecimal digits, spaces and colons allowed). */
  public Verification verify(String commitment) {
    String expected = ListCommitment.normalize(commitment);
    MessageDigest md = Merkle.sha256();
    HexFormat hex = HexFormat.of();
    List<byte[]> path = new ArrayList<>();
    proof.forEach(p -> path.add(hex.parseHex(p)));
    byte[] leaf = Merkle.leaf(md, hex.parseHex(salt), Canonical.encode(signatory));
    byte[] root = Merkle.rootFromProof(md, leaf, position, listSize, path);
    if (root == null) {
      return new Verification(false, "the proof has " + proof.size() + " hashes, which does not fit position "
          + position + " in a list of " + listSize);
    }
    byte[] got = Merkle.commitment(md, listSize, root);
    if (MessageDigest.isEqual(got, hex.parseHex(expected))) {
      return new Verification(true, signatory.name() + " is one of the " + String.format(Locale.ENGLISH, "%,d", listSize)
          + " signatories of the list with commitment SHA-256 " + expected);
    }
    return new Verification(false, "the receipt does not match commitment SHA-256 " + expected
        + ": either the record, the salt or the proof was altered, or the list that was committed differs");
  }

  /** The receipt as a JSON document. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode s = root.putObject("signatory");
    s.put("kind", signatory.kind() == Signatory.Kind.ORGANIZATION ? "organization" : "person");
    s.put("name", signatory.name());
    signatory.organization().ifPresent(v -> s.put("organization", v));
    signatory.city().ifPresent(v -> s.put("city", v));
    signatory.country().ifPresent(v -> s.put("country", v));
    signatory.email().ifPresent(v -> s.put("email", v));
    signatory.signedAt().ifPresent(v -> s.put("signedAt", v.toString()));
    s.put("disclosure", signatory.disclosure().name());
    root.put("salt", salt);
    root.put("position", position);
    root.put("listSize", listSize);
    ArrayNode p = root.putArray("proof");
    proof.forEach(p::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the receipt as JSON. */
  public void write(Path file) {
    try {
      AtomicFiles.write(file, out -> out.write(toJson().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a receipt file; anything malformed is an {@link IllegalArgumentException} naming the file and field. */
  public static InclusionReceipt read(Path file) {
    try {
      if (Files.size(file) > MAX_FILE) {
        throw new IllegalArgumentException(file + ": a receipt is a small JSON file; this one is larger than 64 KB");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a receipt's JSON; {@code display} names its source in messages. */
  public static InclusionReceipt parse(String json, String display) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(display + ": not a JSON receipt: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(display + ": not a Demarche receipt (its \"format\" must be \"" + FORMAT + "\")");
    }
    JsonNode s = root.path("signatory");
    if (!s.isObject()) {
      throw new IllegalArgumentException(display + ": signatory: must be an object with name, kind, disclosure, ...");
    }
    try {
      String kind = text(s, "kind").orElse("person");
      Signatory sig = new Signatory(
          kind.equals("organization") ? Signatory.Kind.ORGANIZATION : Signatory.Kind.PERSON,
          text(s, "name").orElseThrow(() -> new IllegalArgumentException("signatory.name is missing")),
          text(s, "organization"), text(s, "city"), text(s, "country"), text(s, "email"),
          text(s, "signedAt").map(Instant::parse),
          Disclosure.valueOf(text(s, "disclosure").orElseThrow(
              () -> new IllegalArgumentException("signatory.disclosure is missing"))),
          Map.of());
      if (!root.path("position").canConvertToLong() || !root.path("listSize").canConvertToLong()) {
        throw new IllegalArgumentException("position and listSize must be whole numbers");
      }
      List<String> proof = new ArrayList<>();
      if (!root.path("proof").isArray()) {
        throw new IllegalArgumentException("proof must be a list of hashes");
      }
      root.path("proof").forEach(p -> proof.add(p.asText()));
      return new InclusionReceipt(sig, text(root, "salt").orElse(""), root.path("position").asLong(),
          root.path("listSize").asLong(), proof);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException(display + ": " + e.getMessage());
    }
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
