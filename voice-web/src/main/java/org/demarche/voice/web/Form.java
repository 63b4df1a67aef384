package org.demarche.voice.web;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} body or query string: one value per name (a repeat is refused). */
final class Form {
  static final int MAX_FIELDS = 32;
  private final Map<String, String> values;

  private Form(Map<String, String> values) {
    this.values = values;
  }

  static Form empty() {
    return new Form(Map.of());
  }

  /**
   * Parses {@code encoded}.
   *
   * @throws IllegalArgumentException on bad percent-encoding, bytes that are not UTF-8, a repeated name or too
   *     many fields
   */
  static Form parse(byte[] encoded) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(encoded)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the form is not UTF-8");
    }
    return parse(text);
  }

  static Form parse(String text) {
    Map<String, String> values = new HashMap<>();
    if (text.isEmpty()) {
      return new Form(values);
    }
    String[] pairs = text.split("&", -1);
    if (pairs.length > MAX_FIELDS) {
      throw new IllegalArgumentException("the form has more than " + MAX_FIELDS + " fields");
    }
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (values.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("the form gives the field '" + safe(name) + "' twice");
      }
    }
    return new Form(values);
  }

  private static String decode(String s) {
    String d = URLDecoder.decode(s, StandardCharsets.UTF_8);
    if (d.indexOf('\uFFFD') >= 0 && s.indexOf('\uFFFD') < 0) {
      throw new IllegalArgumentException("a form field is not UTF-8");
    }
    return d;
  }

  /** A field's name, shortened and stripped of anything but letters, for a message. */
  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_-]", "?");
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /** The value, stripped; empty when absent or blank. */
  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  String getOrEmpty(String name) {
    return Optional.ofNullable(values.get(name)).orElse("");
  }
}
