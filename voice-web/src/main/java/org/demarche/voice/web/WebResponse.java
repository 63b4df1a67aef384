package org.demarche.voice.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the supporters' page answers: a status, headers (the security headers included) and a body.
 *
 * @param status the HTTP status code
 * @param headers header values by name
 * @param body the body bytes
 */
public record WebResponse(int status, Map<String, List<String>> headers, byte[] body) {
  /** Checks the status and copies every part. */
  public WebResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, not " + status);
    }
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    body = Objects.requireNonNull(body, "body").clone();
  }

  static WebResponse of(int status, String contentType, byte[] body, Map<String, String> extra) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Content-Type", List.of(contentType));
    extra.forEach((k, v) -> h.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v));
    return new WebResponse(status, h, body);
  }

  static WebResponse text(int status, String text) {
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The first value of header {@code name}, or empty. */
  public String header(String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(e -> e.getValue().isEmpty() ? "" : e.getValue().get(0)).orElse("");
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebResponse r && status == r.status && headers.equals(r.headers)
        && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "WebResponse[" + status + ", " + body.length + " bytes]";
  }
}
