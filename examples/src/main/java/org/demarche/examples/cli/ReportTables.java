package org.demarche.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.demarche.render.pdf.ReportPdf;

/** The delivery report's PDF text, drawn from its JSON content (so the PDF shows what the seal covers). */
final class ReportTables {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

  private ReportTables() {}

  /** The first page's lines: what, how many, the seal and how to check a letter against it. */
  static List<String> summary(JsonNode content, String seal) {
    Map<String, Integer> byState = new TreeMap<>();
    Map<String, Integer> after = new TreeMap<>();
    for (JsonNode l : content.path("letters")) {
      byState.merge(l.path("state").asText(), 1, Integer::sum);
      l.path("after").forEach(a -> after.merge(a.path("kind").asText(), 1, Integer::sum));
    }
    List<String> lines = new ArrayList<>();
    lines.add("Campaign " + content.path("campaign").asText() + "; report made " + content.path("generatedAt").asText()
        + " (UTC).");
    lines.add("Letters: " + content.path("letters").size() + " (" + counts(byState) + ")"
        + (after.isEmpty() ? "." : "; afterwards: " + counts(after) + "."));
    lines.add("Delivered files listed with their SHA-256: " + DeliveryReport.listed(content).size() + ", from "
        + content.path("outbox").asText() + ".");
    lines.add("Report SHA-256: " + seal);
    lines.add("The report SHA-256 is the " + DeliveryReport.CANONICAL + " (report.json). A copy of any letter is"
        + " checked with: demarche verify --report report.json FILE");
    return lines;
  }

  private static String counts(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((k, n) -> parts.add(n + " " + k));
    return String.join(", ", parts);
  }

  /** A table per mission. */
  static List<ReportPdf.Table> tables(JsonNode content) {
    List<ReportPdf.Table> tables = new ArrayList<>();
    for (JsonNode l : content.path("letters")) {
      List<ReportPdf.Row> rows = new ArrayList<>();
      rows.add(new ReportPdf.Row("Channel", l.path("channel").asText()));
      rows.add(new ReportPdf.Row("State", l.path("state").asText()));
      if (l.has("sentAt")) {
        Instant at = Instant.parse(l.path("sentAt").asText());
        // An outbox letter was written as a draft for the operator to send: say so rather than "sent".
        String what = l.path("channel").asText().startsWith("email draft") ? "Written to the outbox at" : "Sent at";
        rows.add(new ReportPdf.Row(what + " (mission's time)", l.has("zone")
            ? LOCAL.format(at.atZone(ZoneId.of(l.path("zone").asText()))) + " (" + l.path("zone").asText() + ")"
            : "zone not known for " + l.path("hostCountry").asText() + ": UTC only"));
        rows.add(new ReportPdf.Row(what + " (UTC)", LOCAL.format(at.atZone(ZoneOffset.UTC))));
      }
      if (l.path("channel").asText().equals("post")) {
        rows.add(new ReportPdf.Row("Posted on", l.has("postedOn") ? l.path("postedOn").asText()
            + " (mission's country: " + l.path("hostCountry").asText() + ")" : "not recorded (demarche posted)"));
        rows.add(new ReportPdf.Row("Tracking number", l.path("tracking").asText("")));
      }
      rows.add(new ReportPdf.Row("Message-ID", l.path("messageId").asText("")));
      rows.add(new ReportPdf.Row("Server's reply", l.path("serverReply").asText("")));
      rows.add(new ReportPdf.Row("Outcome", after(l)));
      for (JsonNode f : l.path("files")) {
        rows.add(new ReportPdf.Row("File", f.path("file").asText() + " (" + f.path("bytes").asText() + " bytes)"
            + " SHA-256 " + f.path("sha256").asText()));
      }
      String local = l.has("missionLocalName") ? " / " + l.path("missionLocalName").asText() : "";
      tables.add(new ReportPdf.Table(l.path("mission").asText() + local + " (" + l.path("id").asText() + ")", rows));
    }
    List<ReportPdf.Row> kit = new ArrayList<>();
    for (JsonNode f : content.path("otherFiles")) {
      kit.add(new ReportPdf.Row("File", f.path("file").asText() + " (" + f.path("bytes").asText() + " bytes) SHA-256 "
          + f.path("sha256").asText()));
    }
    if (!kit.isEmpty()) {
      tables.add(new ReportPdf.Table("Print kit and other files", kit));
    }
    return tables;
  }

  /** A letter's outcomes in words, oldest first. */
  static String after(JsonNode letter) {
    List<String> parts = new ArrayList<>();
    for (JsonNode a : letter.path("after")) {
      String detail = String.join(": ", List.of(a.path("tracking").asText(a.path("status").asText("")),
          a.path("note").asText(a.path("diagnostic").asText(""))).stream().filter(s -> !s.isEmpty()).toList());
      parts.add(a.path("kind").asText() + " " + a.path("on").asText() + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }
    return String.join("; ", parts);
  }
}
