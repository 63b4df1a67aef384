package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.demarche.contacts.ContactDirectories;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.ServingMission;
import org.demarche.voice.Routing;
import org.demarche.voice.Supporter;
import org.demarche.voice.VoiceOptions;
import org.demarche.voice.Voices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Supporters' own letters with the bundled directory, the PDF renderer, the .eml outbox and a real SMTP server. */
class VoiceCommandTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(true);

  @TempDir
  Path dir;

  private Voices voices() {
    Campaign c = Engine.load(Campaigns.founding(dir));
    return Voices.create(c, ContactDirectories.bundled(), VoiceOptions.defaults());
  }

  private static Supporter at(String country, Optional<String> region, Optional<Coordinate> point) {
    return Supporter.of("Test Supporter", Optional.empty(), Optional.ofNullable(country), region, point,
        Optional.empty());
  }

  @Test
  void supporterInEachOfThe47PrefecturesGetsTheMissionWhoseDistrictCoversIt() {
    Voices voices = voices();
    Set<String> missions = new TreeSet<>();
    for (int p = 1; p <= 47; p++) {
      String region = String.format("JP-%02d", p);
      Routing r = voices.route(at("JP", Optional.of(region), Optional.empty()));
      assertThat(r.serving().rule()).as(region).isEqualTo(ServingMission.Rule.JURISDICTION);
      assertThat(r.serving().mission().jurisdiction()).as(region).contains(region);
      missions.add(r.serving().mission().id());
    }
    assertThat(missions).containsExactly("cn-cg-jp-fukuoka", "cn-cg-jp-nagasaki", "cn-cg-jp-nagoya", "cn-cg-jp-niigata",
        "cn-cg-jp-osaka", "cn-cg-jp-sapporo", "cn-embassy-jp-tokyo");
  }

  @Test
  void supportersInSeoulBusanTorontoAndLondonFindTheirMission() {
    Voices voices = voices();
    Map<String, String> found = new HashMap<>();
    found.put("Seoul", voices.route(at("KR", Optional.empty(), Optional.of(new Coordinate(37.5665, 126.9780))))
        .serving().mission().id());
    found.put("Busan", voices.route(at("KR", Optional.empty(), Optional.of(new Coordinate(35.1796, 129.0756))))
        .serving().mission().id());
    found.put("Toronto", voices.route(at(null, Optional.empty(), Optional.of(new Coordinate(43.6532, -79.3832))))
        .serving().mission().id());
    found.put("London", voices.route(at("GB", Optional.empty(), Optional.of(new Coordinate(51.5072, -0.1276))))
        .serving().mission().id());
    assertThat(found).containsEntry("Seoul", "cn-embassy-kr-seoul").containsEntry("Busan", "cn-cg-kr-busan")
        .containsEntry("Toronto", "cn-cg-ca-toronto").containsEntry("London", "cn-embassy-gb-london");
  }

  @Test
  void coordinateInAkitaAloneGetsTheSapporoConsulateByJurisdictionAndAPdfAndDraftFromTheSupporter() throws Exception {
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("voice", Campaigns.withSapporoAndNagoyaEmails(Campaigns.founding(dir)).toString(), "--name",
        "Aiko Tanaka", "--email",
        "aiko@example.org", "--city", "Akita", "--lat", "39.72", "--lon", "140.10", "--paragraph",
        "I live in Akita & I think of the families every day.", "--out", out.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("Your mission: Consulate-General of the People's Republic of China in Sapporo"
        + " (cn-cg-jp-sapporo)").contains("JP-05").contains("[rule JURISDICTION]").contains("Nothing was sent");
    Path folder = out.resolve("cn-cg-jp-sapporo");
    Path pdf;
    try (Stream<Path> files = Files.list(folder)) {
      pdf = files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
    }
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("I live in Akita & I think of the families every day. Sincerely, Aiko Tanaka");
    }
    MimeMessage eml;
    try (InputStream in = Files.newInputStream(Path.of(pdf.toString().replaceAll("\\.[a-z-]+\\.pdf$", ".eml")))) {
      eml = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(((InternetAddress) eml.getFrom()[0]).getAddress()).isEqualTo("aiko@example.org");
    assertThat(((InternetAddress) eml.getAllRecipients()[0]).getAddress()).isEqualTo("sapporo@csm.mfa.gov.cn");
    assertThat(eml.getHeader("X-Unsent", null)).isEqualTo("1");

    String link = r.out().lines().filter(l -> l.startsWith("mailto:")).findFirst().orElseThrow();
    assertThat(link.length()).isLessThanOrEqualTo(2000);
    URI uri = new URI(link);
    String raw = uri.getRawSchemeSpecificPart();
    assertThat(URLDecoder.decode(raw.substring(0, raw.indexOf('?')), StandardCharsets.UTF_8))
        .isEqualTo("sapporo@csm.mfa.gov.cn");
    Map<String, String> q = new HashMap<>();
    for (String kv : raw.substring(raw.indexOf('?') + 1).split("&")) {
      q.put(kv.split("=")[0], URLDecoder.decode(kv.split("=")[1], StandardCharsets.UTF_8));
    }
    assertThat(q.get("subject")).isEqualTo("Petition on World Save North Korean Refugees Day, 24 September");
    // The founding campaign's supporter text fits a mailto link whole (Mailto's own tests cover shortening).
    assertThat(q.get("body")).startsWith("Dear Mr. President:\r\n\r\nI am writing to you on 24 September 2026")
        .contains("I live in Akita").endsWith("Sincerely,\r\n\r\nAiko Tanaka");
  }

  @Test
  void supporterServedByAMissionWithoutEmailIsToldToPostTheLetter() {
    Cli.Result r = Cli.run("voice", Campaigns.founding(dir).toString(), "--name", "Ken Sato", "--country", "JP",
        "--region", "JP-27", "--out", dir.resolve("out").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("cn-cg-jp-osaka").contains("by post").contains("Utsubohonmachi")
        .doesNotContain("mailto:");
  }

  @Test
  void csvOfSupportersGivesOneLetterEachInAFolderPerMissionAndReportsTheRepeatedSupporter() throws Exception {
    Path csv = dir.resolve("supporters.csv");
    Files.writeString(csv, """
        name,email,city,country,region,latitude,longitude,paragraph
        Aiko Tanaka,aiko@example.org,Akita,JP,JP-05,,,My own words from Akita about my neighbours.
        Minho Kim,minho@example.org,Busan,KR,,35.1796,129.0756,My own words from Busan about my family.
        Aiko Tanaka,aiko@example.org,Akita,JP,JP-05,,,My own words from Akita about my neighbours.
        Emma Stone,,Toronto,CA,,43.6532,-79.3832,
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("voice", Campaigns.founding(dir).toString(), "--supporters", csv.toString(), "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("3 supporter letters").contains("Duplicate: " + csv + ":4 repeats the supporter of "
        + csv + ":2");
    List<String> pdfs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      files.filter(p -> p.toString().endsWith(".pdf")).forEach(p -> pdfs.add(out.relativize(p).getParent().toString()));
    }
    assertThat(pdfs).containsExactlyInAnyOrder("cn-cg-jp-sapporo", "cn-cg-kr-busan", "cn-cg-ca-toronto");
  }

  @Test
  void digestModeSendsOneEmailPerMissionPerDayWithThatDaysLettersAttached() throws Exception {
    Path campaign = Campaigns.withSapporoAndNagoyaEmails(Campaigns.withChange(dir,
        "    username: petition@lfnkr.example.org\n    passwordEnv: DEMARCHE_SMTP_PASSWORD\n    perMinute: 6\n",
        "    perMinute: 0\n    perDomainPerMinute: 0\n"));
    Files.writeString(campaign, Files.readString(campaign).replace("    mode: drafts\n",
        "    mode: on-behalf\n    digest: true\n"));
    Path csv = dir.resolve("supporters.csv");
    Files.writeString(csv, """
        name,email,region,paragraph
        Aiko Tanaka,aiko@example.org,JP-01,Words from Hokkaido.
        Ken Sato,ken@example.org,JP-05,Words from Akita.
        Mia Mori,mia@example.org,JP-23,Words from Aichi.
        Leo Ito,leo@example.org,JP-21,Words from Gifu.
        Yui Abe,yui@example.org,JP-17,Words from Ishikawa.
        """);
    String[] args = {"voice", campaign.toString(), "--supporters", csv.toString(), "--send", "--out",
        dir.resolve("out").toString(), "--smtp-host", "127.0.0.1", "--smtp-port",
        String.valueOf(smtp.getSmtp().getPort()), "--smtp-tls", "none"};
    Cli.Result first = Cli.run(args);
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    Map<String, List<String>> attachedByMission = new HashMap<>();
    for (MimeMessage m : received) {
      assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("petition@lfnkr.example.org");
      attachedByMission.put(((InternetAddress) m.getAllRecipients()[0]).getAddress(), pdfNames(m));
    }
    assertThat(attachedByMission.get("sapporo@csm.mfa.gov.cn")).hasSize(3).filteredOn(n -> n.startsWith("voice-"))
        .hasSize(2);
    assertThat(attachedByMission.get("nagoya@csm.mfa.gov.cn")).hasSize(4).filteredOn(n -> n.startsWith("voice-"))
        .hasSize(3);
    assertThat(first.out()).contains("Digests: 2 sent");

    Cli.Result again = Cli.run(args);
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(smtp.getReceivedMessages()).as("nothing twice").hasSize(2);
  }

  private static List<String> pdfNames(Part part) throws Exception {
    List<String> out = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) part.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        out.addAll(pdfNames(mp.getBodyPart(i)));
      }
    } else if (part.isMimeType("application/pdf")) {
      out.add(part.getFileName());
    }
    return out;
  }
}
