package org.demarche.voice.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the supporters' page sees it, independent of the server that received it: an app mounts
 * {@link VoicePage} in its own server by building these (see {@link VoiceWebServer} for the JDK's server).
 *
 * @param method the request method in capitals ({@code GET}, {@code POST})
 * @param path the path without the query ({@code /letter})
 * @param rawQuery the query string as sent, without {@code ?} (empty when none)
 * @param headers header values by name in lower case
 * @param body the request body (at most {@link VoicePage#MAX_BODY_BYTES} bytes are read)
 * @param remoteAddress the client's address, for per-address rate limits (never logged)
 */
public record WebRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
    String remoteAddress) {
  /** Copies every part; header names are folded to lower case. */
  public WebRequest {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Map<String, List<String>> h = new TreeMap<>();
    Objects.requireNonNull(headers, "headers").forEach((k, v) -> {
      if (k != null && v != null) {
        h.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new java.util.ArrayList<>()).addAll(v);
      }
    });
    headers = java.util.Collections.unmodifiableMap(h);
    body = Objects.requireNonNull(body, "body").clone();
    Objects.requireNonNull(remoteAddress, "remoteAddress");
  }

  /** The first value of header {@code name} (any case). */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebRequest r && method.equals(r.method) && path.equals(r.path) && rawQuery.equals(r.rawQuery)
        && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body) && remoteAddress.equals(r.remoteAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, rawQuery, headers, java.util.Arrays.hashCode(body), remoteAddress);
  }

  @Override
  public String toString() {
    return method + " " + path; // never the query, the body or the address: they may hold personal data
  }
}
