package org.demarche.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.demarche.examples.cli.Served;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The supporters' page served by {@code demarche serve} (in-process, through the CLI) and driven in headless
 * Chromium through Selenium: with and without JavaScript, in English and Japanese, drafts and on-behalf.
 */
class SupportersPageBrowserTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(true);

  private static final String AKITA_WORDS = "I live in Akita, and I ask you to let the North Koreans who fled"
      + " to China go to the country they choose instead of sending them back.";

  @TempDir
  Path dir;

  private ChromeDriver browser;

  @BeforeAll
  static void chromium() {
    Chromium.require();
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  private ChromeDriver open(boolean javascript, String language) throws IOException {
    browser = Chromium.open(javascript, language, Files.createDirectories(dir.resolve("profile")),
        Files.createDirectories(dir.resolve("downloads")));
    return browser;
  }

  private Path campaign() throws IOException {
    Path c = dir.resolve("campaign");
    Files.createDirectories(c);
    try (var files = Files.list(Path.of("campaigns/world-save-north-korean-refugees-day"))) {
      for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".journal")).toList()) {
        Files.copy(f, c.resolve(f.getFileName()));
      }
    }
    return c.resolve("campaign.yaml");
  }

  private static void fill(ChromeDriver b, String region, String name, String city, String email, String words) {
    b.findElement(By.cssSelector("#country option[value='JP']")).click();
    b.findElement(By.cssSelector("#region option[value='" + region + "']")).click();
    b.findElement(By.id("name")).sendKeys(name);
    b.findElement(By.id("city")).sendKeys(city);
    if (!email.isEmpty()) {
      b.findElement(By.id("email")).sendKeys(email);
    }
    b.findElement(By.id("paragraph")).sendKeys(words);
  }

  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(d);
    }
  }

  private void akitaEndsWithAPdfToSapporo(boolean javascript, String shots) throws Exception {
    try (Served s = Served.start("serve", campaign().toString(), "--port", "0")) {
      ChromeDriver b = open(javascript, "en");
      b.get(s.url("/"));
      assertThat(b.findElement(By.id("region-row")).isDisplayed()).isTrue();
      assertThat(b.findElement(By.id("locate")).isDisplayed()).as("the location button needs JavaScript")
          .isEqualTo(javascript);
      fill(b, "JP-05", "Aiko Tanaka", "Akita", "", AKITA_WORDS);
      Chromium.screenshot(b, shots + "-1-form");
      Chromium.clickThrough(b, By.id("submit"));
      assertThat(b.findElement(By.id("mission-name")).getText()).contains("Sapporo");
      assertThat(b.findElement(By.id("why")).getText()).contains("JP-05").contains("Sapporo");
      assertThat(b.findElement(By.id("preview")).getAttribute("naturalWidth")).isNotEqualTo("0");
      Chromium.screenshot(b, shots + "-2-letter");
      b.findElement(By.id("download-pdf")).click();
      Path pdf = Chromium.awaitDownload(dir.resolve("downloads"), ".pdf");
      String text = pdfText(pdf);
      assertThat(text).contains("Consulate-General").contains("Sapporo").contains("Aiko Tanaka")
          .contains("I live in Akita");
    }
  }

  @Test
  void aSupporterInAkitaEndsWithAPdfAddressedToTheConsulateGeneralInSapporo() throws Exception {
    akitaEndsWithAPdfToSapporo(true, "akita");
  }

  @Test
  void theSameFlowWorksWithJavaScriptDisabled() throws Exception {
    akitaEndsWithAPdfToSapporo(false, "akita-nojs");
  }

  @Test
  void aSupporterInNahaIsToldToPostItToFukuoka() throws Exception {
    try (Served s = Served.start("serve", campaign().toString(), "--port", "0")) {
      ChromeDriver b = open(true, "en");
      b.get(s.url("/"));
      fill(b, "JP-47", "Kenji Higa", "Naha", "", "I live in Naha. " + AKITA_WORDS);
      Chromium.clickThrough(b, By.id("submit"));
      assertThat(b.findElement(By.id("mission-name")).getText()).contains("Fukuoka");
      assertThat(b.findElement(By.id("by-post")).getText()).contains("post it to");
      assertThat(b.findElement(By.id("postal-address")).getText()).contains("Fukuoka").contains("810-0065");
      assertThat(Chromium.absent(b, By.id("mailto"))).as("no email: no mail link").isTrue();
      Chromium.screenshot(b, "naha-letter");
    }
  }

  @Test
  void aJapaneseBrowserGetsTheJapanesePageAndCanSwitchToEnglish() throws Exception {
    try (Served s = Served.start("serve", campaign().toString(), "--port", "0")) {
      ChromeDriver b = open(true, "ja");
      b.get(s.url("/"));
      assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("あなたの声を届けましょう");
      assertThat(b.findElement(By.cssSelector("label[for=region]")).getText()).isEqualTo("都道府県・地域");
      fill(b, "JP-05", "田中 愛子", "秋田市", "", "秋田に住んでいます。" + AKITA_WORDS);
      Chromium.screenshot(b, "japanese-1-form");
      b.manage().window().setSize(new org.openqa.selenium.Dimension(500, 1400)); // what 200% zoom gives a 1000 px window
      assertThat((Long) b.executeScript("return document.documentElement.scrollWidth"
          + " - document.documentElement.clientWidth")).as("no horizontal scrolling at 200%").isZero();
      assertThat(b.findElement(By.id("submit")).isDisplayed()).isTrue();
      Chromium.screenshot(b, "japanese-1-form-200-percent");
      b.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 1400));
      Chromium.clickThrough(b, By.id("submit"));
      assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("あなたの地域を管轄する公館");
      assertThat(b.findElement(By.id("why")).getText()).contains("秋田県");
      Chromium.screenshot(b, "japanese-2-letter");
      Chromium.clickThrough(b, By.cssSelector("nav a"));
      assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("The mission that serves you");
    }
  }

  @Test
  void onBehalfSendsExactlyOneMessageAfterTheTokenIsConfirmedAndNoneBefore() throws Exception {
    Path campaign = onBehalfCampaign();
    try (Served s = Served.start("serve", campaign.toString(), "--port", "0", "--smtp-host", "127.0.0.1",
        "--smtp-port", String.valueOf(smtp.getSmtp().getPort()), "--smtp-tls", "none")) {
      ChromeDriver b = open(true, "en");
      b.get(s.url("/"));
      fill(b, "JP-05", "Aiko Tanaka", "Akita", "aiko@example.org", AKITA_WORDS);
      Chromium.clickThrough(b, By.id("submit"));
      Chromium.screenshot(b, "onbehalf-1-letter");
      Chromium.clickThrough(b, By.id("send"));
      assertThat(b.findElement(By.id("message-title")).getText()).isEqualTo("Check your email");
      Chromium.screenshot(b, "onbehalf-2-check-mail");
      assertThat(toMission()).as("nothing sent before the token is confirmed").isZero();
      MimeMessage tokenMail = smtp.getReceivedMessages()[0];
      assertThat(((InternetAddress) tokenMail.getAllRecipients()[0]).getAddress()).isEqualTo("aiko@example.org");
      Matcher link = Pattern.compile("http://\\S+/confirm\\?t=\\S+").matcher((String) tokenMail.getContent());
      assertThat(link.find()).isTrue();
      String confirmUrl = link.group().replaceFirst("http://[^/]+", s.url(""));
      b.get(confirmUrl);
      b.get(confirmUrl); // a mail scanner following the link twice sends nothing
      assertThat(toMission()).as("a GET of the link sends nothing").isZero();
      Chromium.screenshot(b, "onbehalf-3-confirm");
      Chromium.clickThrough(b, By.id("confirm"));
      assertThat(b.findElement(By.id("message-title")).getText()).isEqualTo("Your letter was sent");
      Chromium.screenshot(b, "onbehalf-4-sent");
      assertThat(toMission()).as("one letter after confirming").isEqualTo(1);
      MimeMessage sent = Arrays.stream(smtp.getReceivedMessages()).filter(SupportersPageBrowserTest::isToSapporo)
          .findFirst().orElseThrow();
      assertThat(((InternetAddress) sent.getReplyTo()[0]).getAddress()).isEqualTo("aiko@example.org");
      b.get(confirmUrl);
      assertThat(b.findElement(By.id("message-title")).getText()).isEqualTo("Something is wrong");
      assertThat(Chromium.absent(b, By.id("confirm"))).as("the token works once").isTrue();
      assertThat(toMission()).isEqualTo(1);
    }
  }

  private static long toMission() {
    return Arrays.stream(smtp.getReceivedMessages()).filter(SupportersPageBrowserTest::isToSapporo).count();
  }

  private static boolean isToSapporo(MimeMessage m) {
    try {
      return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals("sapporo@csm.mfa.gov.cn");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The founding campaign sending for supporters, with Sapporo's email in a correction layer (issue 14). */
  private Path onBehalfCampaign() throws IOException {
    Path c = campaign();
    Files.writeString(c.resolveSibling("emails.json"), """
        {"missions": [
          {"id": "cn-cg-jp-sapporo", "email": "sapporo@csm.mfa.gov.cn",
           "sources": {"email": {"source": "test fixture", "checkedOn": "2026-11-28"}}}]}
        """);
    String text = Files.readString(c).replace("directories: [bundled]", "directories: [bundled, emails.json]")
        .replace("    mode: drafts\n", "    mode: on-behalf\n")
        .replace("    username: petition@lfnkr.example.org\n    passwordEnv: DEMARCHE_SMTP_PASSWORD\n    perMinute: 6\n",
            "    perMinute: 0\n    perDomainPerMinute: 0\n");
    Files.writeString(c, text);
    return c;
  }
}
