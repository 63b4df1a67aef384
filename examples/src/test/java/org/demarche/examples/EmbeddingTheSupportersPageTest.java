package org.demarche.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.demarche.core.Demarche;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.voice.VoiceOptions;
import org.demarche.voice.Voices;
import org.demarche.voice.web.VoicePage;
import org.demarche.voice.web.WebRequest;
import org.demarche.voice.web.WebResponse;
import org.junit.jupiter.api.Test;

/**
 * An app mounts the supporters' page in its own server (here the JDK's, beside its own {@code /health}): the page
 * is a function from {@link WebRequest} to {@link WebResponse}, so any server takes it with a few lines.
 */
class EmbeddingTheSupportersPageTest {
  @Test
  void anAppServesTheSupportersPageBesideItsOwnRoutes() throws Exception {
    Demarche demarche = Demarche.builder().installDiscovered().build();
    Campaign campaign = demarche.load(Path.of("campaigns/world-save-north-korean-refugees-day/campaign.yaml"));
    ContactDirectory directory = demarche.directory(campaign);
    Voices voices = Voices.create(campaign, directory, VoiceOptions.from(demarche.section(campaign, "delivery.voice")));
    VoicePage page = VoicePage.builder(voices, directory, demarche.renderer(campaign))
        .drafts(folder -> demarche.channel("outbox", new ChannelContext(Settings.empty("delivery.outbox"), folder, Map.of())))
        .build();

    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/health", x -> {
      x.sendResponseHeaders(200, 2);
      try (OutputStream o = x.getResponseBody()) {
        o.write("ok".getBytes());
      }
    });
    app.createContext("/", x -> { // the adapter: the app's request in, the page's answer out
      String q = x.getRequestURI().getRawQuery();
      WebResponse r = page.handle(new WebRequest(x.getRequestMethod(), x.getRequestURI().getPath(), q == null ? "" : q,
          x.getRequestHeaders(), x.getRequestBody().readNBytes(VoicePage.MAX_BODY_BYTES + 1),
          x.getRemoteAddress().getAddress().getHostAddress()));
      r.headers().forEach((k, v) -> x.getResponseHeaders().put(k, v));
      x.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(r.body());
      }
    });
    app.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + app.getAddress().getPort();
      HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(form.statusCode()).isEqualTo(200);
      assertThat(form.body()).contains("<form method=\"post\" action=\"/letter\"").contains("name=\"csrf\"");
      assertThat(form.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(health.body()).isEqualTo("ok");
    } finally {
      app.stop(0);
    }
  }
}
