package org.demarche.voice.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page's routes; every answer carries the security headers and, for a new browser, a session cookie. */
final class Handlers {
  private static final System.Logger LOG = System.getLogger("org.demarche.voice.web");
  private static final Pattern LETTER = Pattern.compile("/letter/([A-Za-z0-9_-]{32})(?:/(page1\\.png|[a-z0-9-]+\\.(pdf|eml)))?");
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{32}");
  private final VoicePage page;
  private final Actions actions;

  Handlers(VoicePage page) {
    this.page = page;
    this.actions = new Actions(page);
  }

  /** What one request sees: its session (new or from the cookie), language and parsed form. */
  record Call(WebRequest request, String session, boolean newSession, Texts texts, Form query, Form form) {
    String csrf(VoicePage p) {
      return p.csrf.tokenFor(session);
    }
  }

  WebResponse handle(WebRequest r) {
    long started = System.nanoTime();
    WebResponse answer = safely(r);
    LOG.log(System.Logger.Level.DEBUG, () -> r + " " + answer.status() + " "
        + (System.nanoTime() - started) / 1_000_000 + " ms");
    return answer;
  }

  private WebResponse safely(WebRequest r) {
    try {
      return route(r);
    } catch (RuntimeException e) {
      // No personal data: the route and the exception's class, never the request's fields or the message.
      LOG.log(System.Logger.Level.ERROR, "the supporters' page failed on " + r + ": " + e.getClass().getName());
      return WebResponse.text(500, "Something went wrong on our side. Please try again later.");
    }
  }

  private WebResponse route(WebRequest r) {
    Form query;
    try {
      query = Form.parse(r.rawQuery());
    } catch (IllegalArgumentException e) {
      query = Form.empty();
    }
    boolean post = r.method().equals("POST");
    if (!post && !r.method().equals("GET") && !r.method().equals("HEAD")) {
      return finish(null, WebResponse.of(405, "text/plain; charset=utf-8", page.utf8("GET or POST only"),
          Map.of("Allow", "GET, HEAD, POST")));
    }
    if (r.path().startsWith("/static/") && !post) {
      return asset(r.path().substring("/static/".length()));
    }
    Form form = Form.empty();
    if (post) {
      Optional<WebResponse> refused = refusedBody(r);
      if (refused.isPresent()) {
        return finish(null, refused.get());
      }
      try {
        form = Form.parse(r.body());
      } catch (IllegalArgumentException e) {
        return finish(null, WebResponse.text(400, "The form could not be read: " + e.getMessage()));
      }
    }
    Call call = call(r, query, form);
    if (post && !page.csrf.valid(call.session(), form.getOrEmpty("csrf"))) {
      return finish(call, html(403, page.views.message(call.texts(), call.csrf(page), call.texts().get("error_title"),
          call.texts().get("csrf"), Optional.empty())));
    }
    return finish(call, dispatch(call, post));
  }

  private WebResponse dispatch(Call c, boolean post) {
    String path = c.request().path();
    if (path.equals("/") && !post) {
      return html(200, page.views.form(c.texts(), c.csrf(page), c.query(), List.of()));
    }
    if (path.equals("/letter") && post) {
      return actions.write(c);
    }
    if (path.equals("/send") && post) {
      return actions.send(c);
    }
    if (path.equals("/confirm")) {
      return post ? actions.confirm(c) : actions.confirmPage(c);
    }
    Matcher m = LETTER.matcher(path);
    if (m.matches() && !post) {
      return actions.letter(c, m.group(1), Optional.ofNullable(m.group(2)));
    }
    return notFound(c);
  }

  WebResponse notFound(Call c) {
    return html(404, page.views.message(c.texts(), c.csrf(page), c.texts().get("error_title"), c.texts().get("not_found"),
        Optional.empty()));
  }

  private Optional<WebResponse> refusedBody(WebRequest r) {
    String type = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      return Optional.of(WebResponse.text(415, "The page takes application/x-www-form-urlencoded forms only."));
    }
    if (r.body().length > VoicePage.MAX_BODY_BYTES) {
      return Optional.of(WebResponse.text(413, "The form is larger than " + VoicePage.MAX_BODY_BYTES + " bytes."));
    }
    return Optional.empty();
  }

  private Call call(WebRequest r, Form query, Form form) {
    Optional<String> cookie = cookie(r, Csrf.COOKIE).filter(v -> SESSION.matcher(v).matches());
    String session = cookie.orElseGet(Csrf::randomToken); // 24 random bytes: 32 base64url characters
    String explicit = form.get("lang").or(() -> query.get("lang")).orElse("");
    Texts t = Texts.of(Texts.choose(explicit, r.header("Accept-Language").orElse("")));
    return new Call(r, session, cookie.isEmpty(), t, query, form);
  }

  static Optional<String> cookie(WebRequest r, String name) {
    for (String header : r.headers().getOrDefault("cookie", List.of())) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
          return Optional.of(part.substring(eq + 1).strip());
        }
      }
    }
    return Optional.empty();
  }

  private WebResponse finish(Call c, WebResponse w) {
    Map<String, List<String>> h = new HashMap<>(w.headers());
    VoicePage.securityHeaders().forEach((k, v) -> h.putIfAbsent(k, List.of(v)));
    h.putIfAbsent("Cache-Control", List.of("no-store"));
    if (c != null && c.newSession()) {
      boolean secure = page.publicUrl.startsWith("https:");
      h.put("Set-Cookie", List.of(Csrf.COOKIE + "=" + c.session() + "; Path=/; HttpOnly; SameSite=Strict"
          + (secure ? "; Secure" : "")));
    }
    if (c != null) {
      h.putIfAbsent("Content-Language", List.of(c.texts().language()));
    }
    return new WebResponse(w.status(), h, w.body());
  }

  private WebResponse asset(String name) {
    String type = switch (name) {
      case "page.css" -> "text/css; charset=utf-8";
      case "page.js" -> "text/javascript; charset=utf-8";
      default -> "";
    };
    if (type.isEmpty()) {
      return finish(null, WebResponse.text(404, "No such file."));
    }
    WebResponse w = WebResponse.of(200, type, page.templates.bytes("static/" + name), Map.of("Cache-Control", "max-age=300"));
    return finish(null, w);
  }

  static WebResponse html(int status, byte[] body) {
    return WebResponse.of(status, "text/html; charset=utf-8", body, Map.of());
  }

  static WebResponse redirect(String location) {
    return WebResponse.of(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
  }
}
