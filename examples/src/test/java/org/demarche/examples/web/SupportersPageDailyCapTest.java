package org.demarche.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.examples.cli.Served;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The campaign's daily cap per mission holds for letters the page sends on supporters' behalf. */
class SupportersPageDailyCapTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(true);
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir
  Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aSecondSupporterOverTheDailyCapIsToldToComeBackTomorrowAndNothingMoreIsSent() throws Exception {
    Path c = Files.createDirectories(dir.resolve("campaign"));
    try (var files = Files.list(Path.of("campaigns/world-save-north-korean-refugees-day"))) {
      for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".journal")).toList()) {
        Files.copy(f, c.resolve(f.getFileName()));
      }
    }
    Files.writeString(c.resolve("emails.json"), """
        {"missions": [
          {"id": "cn-cg-jp-sapporo", "email": "sapporo@csm.mfa.gov.cn",
           "sources": {"email": {"source": "test fixture", "checkedOn": "2026-11-28"}}}]}
        """);
    Path campaign = c.resolve("campaign.yaml");
    Files.writeString(campaign, Files.readString(campaign).replace("directories: [bundled]", "directories: [bundled, emails.json]")
        .replace("    mode: drafts\n", "    mode: on-behalf\n    dailyCapPerMission: 1\n")
        .replace("    username: petition@lfnkr.example.org\n    passwordEnv: DEMARCHE_SMTP_PASSWORD\n    perMinute: 6\n",
            "    perMinute: 0\n    perDomainPerMinute: 0\n"));
    try (Served s = Served.start("serve", campaign.toString(), "--port", "0", "--smtp-host", "127.0.0.1",
        "--smtp-port", String.valueOf(smtp.getSmtp().getPort()), "--smtp-tls", "none")) {
      String first = sendFor(s, "Aiko Tanaka", "aiko@example.org", 1);
      String second = sendFor(s, "Ken Sato", "ken@example.org", 3);
      assertThat(first).contains("Your letter was sent");
      assertThat(second).contains("Today&#39;s letters to this mission are all sent").contains("at most 1 letters a day");
      assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(SupportersPageDailyCapTest::toSapporo).count())
          .isEqualTo(1);
    }
  }

  private String sendFor(Served s, String name, String email, int mailsSoFar) throws Exception {
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(s.url("/"))).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    Matcher m = CSRF.matcher(form.body());
    assertThat(m.find()).isTrue();
    String csrf = m.group(1);
    HttpResponse<String> posted = post(s, "/letter", cookie, "csrf=" + csrf + "&country=JP&region=JP-05&name="
        + enc(name) + "&email=" + enc(email) + "&paragraph=" + enc("My own words about the refugees."));
    String location = posted.headers().firstValue("Location").orElseThrow();
    String letterId = location.replaceAll("^/letter/([^?]+).*$", "$1");
    assertThat(post(s, "/send", cookie, "csrf=" + csrf + "&letter=" + letterId).body()).contains("Check your email");
    MimeMessage[] all = smtp.getReceivedMessages();
    assertThat(all).hasSize(mailsSoFar);
    Matcher link = Pattern.compile("/confirm\\?t=([A-Za-z0-9_-]+)").matcher((String) all[all.length - 1].getContent());
    assertThat(link.find()).isTrue();
    return post(s, "/confirm", cookie, "csrf=" + csrf + "&t=" + link.group(1)).body();
  }

  private HttpResponse<String> post(Served s, String path, String cookie, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(s.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  private static boolean toSapporo(MimeMessage m) {
    try {
      return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals("sapporo@csm.mfa.gov.cn");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
