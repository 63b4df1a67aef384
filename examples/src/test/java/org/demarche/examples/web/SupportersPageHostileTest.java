package org.demarche.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.examples.cli.Served;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supporters' page facing hostile clients, over real HTTP to {@code demarche serve}: every field and header
 * with the reliability battery's kinds of value, CSRF, rate limits, security headers, and no third-party
 * requests. Nothing may answer 500, echo markup unescaped, or put a value into a header.
 */
class SupportersPageHostileTest {
  /** The battery's values: line breaks and encoded ones, NUL and controls, markup, template syntax, huge text. */
  static final List<String> HOSTILE = List.of("\r", "\n", "a\r\nSet-Cookie: x=1", "%0d%0a", "\u2028", "\u0085",
      "=?UTF-8?Q?a=0D=0ABcc:_x@evil.test?=", "\r\n.\r\n", "\u0000", "\u001b[31m", "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "<#assign x=1>", "=HYPERLINK(\"http://evil.test\")",
      "../../etc/passwd", "\u202Egnp.exe", "\uD83D\uDE00", "x".repeat(70_000), "JP-99", "-91", "1e308", "NaN",
      "\uFEFF", "ＪＰ");
  static final List<String> FIELDS = List.of("name", "email", "city", "country", "region", "lat", "lon",
      "paragraph", "lang", "csrf");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir
  Path dir;
  private Served served;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void serve(org.junit.jupiter.api.TestInfo info) throws Exception {
    Path c = Files.createDirectories(dir.resolve("campaign"));
    try (var files = Files.list(Path.of("campaigns/world-save-north-korean-refugees-day"))) {
      for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".journal")).toList()) {
        Files.copy(f, c.resolve(f.getFileName()));
      }
    }
    // The rate limit has its own test; the others raise it, since every request here comes from 127.0.0.1.
    boolean limited = info.getTestMethod().map(m -> m.getName().contains("TwentyLetters")).orElse(false);
    served = Served.start("serve", c.resolve("campaign.yaml").toString(), "--port", "0", "--letters-per-minute",
        limited ? "20" : "100000");
  }

  @AfterEach
  void stop() throws Exception {
    served.close();
  }

  /** A browser session: its cookie and CSRF token from GET /. */
  record Session(String cookie, String csrf) {}

  private Session session(String fromAddress) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(served.url("/")))
        .header("X-Test-Client", fromAddress).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    Matcher m = CSRF.matcher(r.body());
    assertThat(m.find()).isTrue();
    return new Session(cookie, m.group(1));
  }

  private static Map<String, String> goodForm(Session s) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("csrf", s.csrf());
    f.put("lang", "en");
    f.put("country", "JP");
    f.put("region", "JP-05");
    f.put("name", "Aiko Tanaka");
    f.put("email", "aiko@example.org");
    f.put("city", "Akita");
    f.put("paragraph", "I live in Akita.");
    f.put("lat", "");
    f.put("lon", "");
    return f;
  }

  private HttpResponse<String> post(Session s, Map<String, String> form, Map<String, String> headers) throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(served.url("/letter")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", s.cookie())
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyFieldWithEveryHostileValueIsRefusedOrWrittenLiterallyNeverA500() throws Exception {
    Map<Integer, Integer> byStatus = new TreeMap<>();
    List<String> leaks = new ArrayList<>();
    int cases = 0;
    for (String field : FIELDS) {
      Session s = session(field);
      for (String value : HOSTILE) {
        Map<String, String> form = goodForm(s);
        form.put(field, value);
        HttpResponse<String> r = post(s, form, Map.of());
        cases++;
        byStatus.merge(r.statusCode(), 1, Integer::sum);
        assertThat(r.statusCode()).as(field + " = " + printable(value)).isIn(303, 400, 403, 413);
        if (r.body().contains("<script>alert") || r.body().contains("<img src=x")) {
          leaks.add(field);
        }
        r.headers().map().forEach((k, v) -> v.forEach(h -> assertThat(h).doesNotContain("x=1").doesNotContain("evil")));
        if (r.statusCode() == 303) {
          String page = http.send(HttpRequest.newBuilder(URI.create(served.url(r.headers().firstValue("Location")
              .orElseThrow()))).header("Cookie", s.cookie()).build(), HttpResponse.BodyHandlers.ofString()).body();
          assertThat(page).as(field).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain(">49<");
        }
      }
    }
    assertThat(leaks).isEmpty();
    System.out.println("web hostile fields: " + FIELDS.size() + " fields x " + HOSTILE.size() + " values = " + cases
        + " POSTs, by status " + byStatus + ", 0 answered 500, 0 echoed markup, 0 reached a header");
  }

  @Test
  void hostileHeadersNeverBreakThePage() throws Exception {
    Session s = session("headers");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept-Language", "ja;q=abc,,,;;*-*-*");
    headers.put("User-Agent", "<script>alert(1)</script>");
    headers.put("Referer", "javascript:alert(1)");
    headers.put("X-Forwarded-For", "' OR 1=1 --");
    headers.put("Accept-Language ", "x".repeat(8000));
    int cases = 0;
    Map<Integer, Integer> byStatus = new TreeMap<>();
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().endsWith(" ")) {
        continue; // not a legal header name: the JDK client refuses to send it
      }
      HttpResponse<String> r = post(s, goodForm(s), Map.of(h.getKey(), h.getValue()));
      cases++;
      byStatus.merge(r.statusCode(), 1, Integer::sum);
      assertThat(r.statusCode()).as(h.getKey()).isEqualTo(303);
    }
    String[] types = {"text/plain", "multipart/form-data; boundary=x", "application/json", ""};
    for (String type : types) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(served.url("/letter"))).header("Cookie", s.cookie())
          .POST(HttpRequest.BodyPublishers.ofString("csrf=" + s.csrf()));
      if (!type.isEmpty()) {
        b.header("Content-Type", type);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      cases++;
      byStatus.merge(r.statusCode(), 1, Integer::sum);
      assertThat(r.statusCode()).as(type).isEqualTo(415);
    }
    for (String cookie : new String[] {"demarche_session=../../x", "demarche_session=" + "A".repeat(5000), ";;;=;",
        "demarche_session"}) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(served.url("/"))).header("Cookie", cookie)
          .build(), HttpResponse.BodyHandlers.ofString());
      cases++;
      byStatus.merge(r.statusCode(), 1, Integer::sum);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Set-Cookie")).as("a bad cookie gets a fresh session").isPresent();
    }
    HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(served.url("/letter")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", s.cookie())
        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + s.csrf() + "&name=%E0%A4%A&name=%ZZ")).build(),
        HttpResponse.BodyHandlers.ofString());
    cases++;
    byStatus.merge(bad.statusCode(), 1, Integer::sum);
    assertThat(bad.statusCode()).isEqualTo(400);
    System.out.println("web hostile headers: " + cases + " requests (Accept-Language, User-Agent, Referer,"
        + " X-Forwarded-For, 4 content types, 4 cookies, malformed percent-encoding), by status " + byStatus
        + ", 0 answered 500");
  }

  @Test
  void aPostWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
    Session mine = session("csrf-1");
    Session other = session("csrf-2");
    Map<String, String> noToken = goodForm(mine);
    noToken.remove("csrf");
    Map<String, String> othersToken = goodForm(mine);
    othersToken.put("csrf", other.csrf());
    assertThat(post(mine, noToken, Map.of()).statusCode()).isEqualTo(403);
    assertThat(post(mine, othersToken, Map.of()).statusCode()).isEqualTo(403);
    assertThat(post(new Session("demarche_session=" + "B".repeat(32), mine.csrf()), goodForm(mine), Map.of())
        .statusCode()).isEqualTo(403);
    assertThat(post(mine, goodForm(mine), Map.of()).statusCode()).isEqualTo(303);
    System.out.println("web csrf: no token 403, another session's token 403, a forged cookie 403, own token 303");
  }

  @Test
  void aClientWritingMoreThanTwentyLettersAMinuteIsToldToWait() throws Exception {
    Session s = session("rate");
    int written = 0;
    HttpResponse<String> r;
    do {
      r = post(s, goodForm(s), Map.of());
      written += r.statusCode() == 303 ? 1 : 0;
    } while (r.statusCode() == 303 && written < 100);
    assertThat(written).isEqualTo(20);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    System.out.println("web rate limit: " + written + " letters a minute from one address, then 429 with Retry-After "
        + r.headers().firstValue("Retry-After").orElseThrow() + " s");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndThePageRequestsNothingFromElsewhere() throws Exception {
    Session s = session("headers-check");
    HttpResponse<String> letter = post(s, goodForm(s), Map.of());
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (String path : new String[] {"/", "/static/page.css", "/static/page.js", "/nothing", "/letter/x",
        letter.headers().firstValue("Location").orElseThrow()}) {
      answers.add(http.send(HttpRequest.newBuilder(URI.create(served.url(path))).header("Cookie", s.cookie()).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    answers.add(letter);
    for (HttpResponse<String> r : answers) {
      String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(r.body()).doesNotContainPattern("(src|href|action)=\"(https?:)?//").doesNotContain("<script>")
          .doesNotContain(" style=\"").doesNotContain(" onclick=");
    }
    System.out.println("web headers: " + answers.size() + " answers, each with CSP (script-src 'self', frame-ancestors"
        + " 'none'), nosniff, DENY; 0 inline scripts, 0 third-party URLs");
  }

  private static String printable(String v) {
    String s = v.length() > 40 ? v.substring(0, 40) + "...(" + v.length() + ")" : v;
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x85 || c == 0x2028 ? String.format("\\u%04x", c)
        : new String(Character.toChars(c))));
    return b.toString();
  }

  static String body(HttpResponse<String> r) throws IOException {
    return r.body();
  }
}
