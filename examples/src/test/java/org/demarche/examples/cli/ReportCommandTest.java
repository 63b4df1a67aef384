package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} and {@code verify --report}: what was delivered, sealed, and a copy of a letter checked against it. */
class ReportCommandTest {
  @TempDir
  Path dir;

  Path campaign;
  Path out;
  Path reports;
  JsonNode json;

  @BeforeEach
  void runPostAndReport() throws Exception {
    campaign = Campaigns.founding(dir);
    out = dir.resolve("out");
    assertThat(Cli.run("run", campaign.toString(), "--out", out.toString()).exitCode()).isZero();
    assertThat(Cli.run("posted", campaign.toString(), "cn-cg-jp-osaka", "--on", "2026-09-18", "--tracking",
        "EJ123456789JP").exitCode()).isZero();
    assertThat(Cli.run("outcome", campaign.toString(), "cn-cg-jp-niigata", "replied", "--on", "2026-10-01")
        .exitCode()).isZero();
    reports = dir.resolve("report");
    Cli.Result r = Cli.run("report", campaign.toString(), "--out", reports.toString(), "--outbox", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    json = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theReportsHashesMatchEveryPdfAndEmlInTheOutbox() throws Exception {
    Map<String, String> listed = new HashMap<>();
    json.get("content").get("letters").forEach(l -> l.get("files").forEach(f ->
        listed.put(f.get("file").asText(), f.get("sha256").asText())));
    json.get("content").get("otherFiles").forEach(f -> listed.put(f.get("file").asText(), f.get("sha256").asText()));
    Map<String, String> actual = new HashMap<>();
    try (Stream<Path> s = Files.list(out)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".pdf") || p.toString().endsWith(".eml")).toList()) {
        actual.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
      }
    }

    // Seven letters' PDFs, Niigata's .eml (the one published email), the print kit's letters and envelopes.
    assertThat(actual).hasSize(10).contains(Map.entry("cn-cg-jp-niigata.eml",
        sha256(Files.readAllBytes(out.resolve("cn-cg-jp-niigata.eml")))));
    assertThat(listed).isEqualTo(actual);
  }

  @Test
  void theSealIsTheSha256OfTheCanonicalContentAndIsPrintedOnThePdfsFirstPage() throws Exception {
    ObjectMapper m = new ObjectMapper();
    String canonical = m.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .writeValueAsString(m.convertValue(json.get("content"), Object.class));
    String seal = sha256(canonical.getBytes(StandardCharsets.UTF_8));

    assertThat(json.get("sha256").asText()).isEqualTo(seal);
    try (PDDocument pdf = Loader.loadPDF(reports.resolve("report.pdf").toFile())) {
      PDFTextStripper first = new PDFTextStripper();
      first.setEndPage(1);
      assertThat(first.getText(pdf)).contains("Report SHA-256: " + seal);
    }
  }

  @Test
  void postedAndOutcomesAppearInThePdfJsonAndCsv() throws Exception {
    JsonNode osaka = letter("cn-cg-jp-osaka");
    String text;
    try (PDDocument pdf = Loader.loadPDF(reports.resolve("report.pdf").toFile())) {
      text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
    String csv = Files.readString(reports.resolve("report.csv"));

    assertThat(osaka.get("channel").asText()).isEqualTo("post");
    assertThat(osaka.get("postedOn").asText()).isEqualTo("2026-09-18");
    assertThat(osaka.get("tracking").asText()).isEqualTo("EJ123456789JP");
    assertThat(letter("cn-cg-jp-niigata").get("after").get(0).get("kind").asText()).isEqualTo("replied");
    assertThat(text).contains("Posted on 2026-09-18").contains("Tracking number EJ123456789JP")
        .contains("replied 2026-10-01");
    assertThat(csv).contains("cn-cg-jp-osaka").contains("EJ123456789JP").contains("replied 2026-10-01");
  }

  @Test
  void anEmailLettersTimeIsShownInTheMissionsZoneAndInUtc() throws Exception {
    JsonNode niigata = letter("cn-cg-jp-niigata");
    String text;
    try (PDDocument pdf = Loader.loadPDF(reports.resolve("report.pdf").toFile())) {
      text = new PDFTextStripper().getText(pdf);
    }

    assertThat(niigata.get("zone").asText()).isEqualTo("Asia/Tokyo");
    assertThat(niigata.get("sentAtLocal").asText()).endsWith("+09:00");
    assertThat(niigata.get("messageId").asText()).endsWith(".demarche@lfnkr.example.org");
    assertThat(text).contains("JST (Asia/Tokyo)").contains(niigata.get("messageId").asText());
  }

  @Test
  void verifyAcceptsAnUntouchedLetter() throws Exception {
    Path copy = Files.copy(out.resolve("cn-cg-jp-osaka.en.pdf"), dir.resolve("copy.pdf"));

    Cli.Result r = Cli.run("verify", "--report", reports.resolve("report.json").toString(), copy.toString(),
        out.resolve("cn-cg-jp-niigata.eml").toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("valid: " + copy + " is cn-cg-jp-osaka.en.pdf of the letter to cn-cg-jp-osaka")
        .contains("is cn-cg-jp-niigata.eml");
  }

  @Test
  void verifyRejectsALetterWithOneChangedByte() throws Exception {
    Path changed = dir.resolve("cn-cg-jp-osaka.en.pdf");
    byte[] bytes = Files.readAllBytes(out.resolve("cn-cg-jp-osaka.en.pdf"));
    bytes[bytes.length / 2] ^= 1;
    Files.write(changed, bytes);

    Cli.Result r = Cli.run("verify", "--report", reports.resolve("report.json").toString(), changed.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("invalid: " + changed).contains("this copy was changed");
  }

  @Test
  void verifyRejectsAnAlteredReport() throws Exception {
    Path report = reports.resolve("report.json");
    String sha = sha256(Files.readAllBytes(out.resolve("cn-cg-jp-osaka.en.pdf")));
    Files.writeString(report, Files.readString(report).replace("EJ123456789JP", "EJ000000000JP"));

    Cli.Result r = Cli.run("verify", "--report", report.toString(), out.resolve("cn-cg-jp-osaka.en.pdf").toString());

    assertThat(sha).isNotEmpty();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("has been altered");
  }

  @Test
  void verifyWithoutAFileOrWithANonReportIsBadUsage() throws Exception {
    Path notReport = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");

    Cli.Result none = Cli.run("verify", "--report", reports.resolve("report.json").toString());
    Cli.Result wrong = Cli.run("verify", "--report", notReport.toString(), out.resolve("cn-cg-jp-niigata.eml").toString());

    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("not a Demarche delivery report");
  }

  private JsonNode letter(String id) {
    List<JsonNode> found = new ArrayList<>();
    json.get("content").get("letters").forEach(l -> {
      if (l.get("id").asText().equals(id)) {
        found.add(l);
      }
    });
    return found.get(0);
  }
}
